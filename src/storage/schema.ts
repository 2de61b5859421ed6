/**
 * Storage keys and shapes: the one place that knows what ClaveGuía keeps. Nothing here is personal data;
 * typed page values and passwords are never stored.
 */

export type DockSide = 'left' | 'right';

/** Remembered across sessions in `storage.local`. */
export interface Settings {
  schemaVersion: 1;
  /** Which side of the window the overlay sits on. */
  dock: DockSide;
  /** Whether the overlay starts collapsed to its pill. */
  collapsed: boolean;
  /** Host names where the person chose to hide the overlay; reversible from the popup. */
  hiddenHosts: string[];
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  schemaVersion: 1,
  dock: 'right',
  collapsed: false,
  hiddenHosts: [],
}) as Settings;

/** Checklist ticks live only for the tab (in `storage.session`), keyed by tab id. */
export const ticksKey = (tabId: number): string => `ticks:${tabId}`;
export type Ticks = Record<string, boolean>;

const isDock = (value: unknown): value is DockSide => value === 'left' || value === 'right';

/** Reads whatever is stored (possibly from an older or tampered version) into a valid `Settings`. */
export function parseSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const hosts = Array.isArray(value.hiddenHosts)
    ? value.hiddenHosts.filter((h): h is string => typeof h === 'string' && h.length > 0 && h.length <= 253)
    : [];
  return {
    schemaVersion: 1,
    dock: isDock(value.dock) ? value.dock : DEFAULT_SETTINGS.dock,
    collapsed: typeof value.collapsed === 'boolean' ? value.collapsed : DEFAULT_SETTINGS.collapsed,
    hiddenHosts: [...new Set(hosts)].slice(0, 100),
  };
}

/** Reads stored ticks, keeping only boolean values under short string ids. */
export function parseTicks(raw: unknown): Ticks {
  if (!raw || typeof raw !== 'object') return {};
  const out: Ticks = {};
  for (const [id, ticked] of Object.entries(raw as Record<string, unknown>).slice(0, 200)) {
    if (typeof ticked === 'boolean' && id.length <= 80) out[id] = ticked;
  }
  return out;
}
