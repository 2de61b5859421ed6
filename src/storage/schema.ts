/**
 * What ClaveGuía keeps, where, and in which shape: the one place that knows storage keys. Each item names its
 * area (`local` is remembered on this computer, `session` lasts until the browser closes) and how to read
 * whatever is stored into a valid value. Typed page values and passwords are never stored.
 */
import { isAlertId, isFlowId, isStepId, type AlertId, type FlowId, type StepId } from '../detect/vocabulary';
import type { StorageAreaName } from '../platform/api';

/** The shape version of everything in `storage.local`; migrations.ts brings older data up to it. */
export const CURRENT_SCHEMA_VERSION = 2;
/** Where the version lives (since v2; v1 kept it inside `settings`). */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** A stored value read back: always valid, with what had to be dropped (names of fields, never values). */
export interface Parsed<T> {
  value: T;
  problems: string[];
}

export interface StoreItem<T> {
  key: string;
  area: StorageAreaName;
  /** Reads anything (older versions, tampered or missing data) into a valid value. */
  parse(raw: unknown): Parsed<T>;
}

/**
 * A `storage.local` item read as stored (brought to the current version, not validated): for a reader that hands
 * the value on to the code that parses it with the item's own parser.
 */
export const rawLocalItem = (key: string): StoreItem<unknown> => ({ key, area: 'local', parse: (value) => ({ value, problems: [] }) });

export type DockSide = 'left' | 'right';

/** Remembered across sessions in `storage.local`. */
export interface Settings {
  /** Which side of the window the overlay sits on. */
  dock: DockSide;
  /** Whether the overlay starts collapsed to its pill. */
  collapsed: boolean;
  /** Host names where the person chose to hide the overlay; reversible from the popup. */
  hiddenHosts: string[];
}

/** What content scripts may change in the settings through the background. */
export type SettingsPatch = Partial<Pick<Settings, 'dock' | 'collapsed'>>;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  dock: 'right',
  collapsed: false,
  hiddenHosts: Object.freeze([]) as unknown as string[],
});

const MAX_HIDDEN_HOSTS = 100;
const MAX_HOST_LENGTH = 253;

const isRecord = (raw: unknown): raw is Record<string, unknown> => !!raw && typeof raw === 'object' && !Array.isArray(raw);
const isDock = (value: unknown): value is DockSide => value === 'left' || value === 'right';
export const isHostName = (h: unknown): h is string => typeof h === 'string' && h.length > 0 && h.length <= MAX_HOST_LENGTH;

export function parseSettings(raw: unknown): Parsed<Settings> {
  const problems: string[] = [];
  if (raw !== undefined && !isRecord(raw)) problems.push('settings');
  const value = isRecord(raw) ? raw : {};
  const pick = <V>(name: string, ok: (v: unknown) => v is V, fallback: V): V => {
    if (ok(value[name])) return value[name] as V;
    if (name in value) problems.push(`settings.${name}`);
    return fallback;
  };
  const hosts = Array.isArray(value.hiddenHosts) ? value.hiddenHosts : [];
  if ('hiddenHosts' in value && (!Array.isArray(value.hiddenHosts) || !hosts.every(isHostName))) {
    problems.push('settings.hiddenHosts');
  }
  return {
    value: {
      dock: pick('dock', isDock, DEFAULT_SETTINGS.dock),
      collapsed: pick('collapsed', (v): v is boolean => typeof v === 'boolean', DEFAULT_SETTINGS.collapsed),
      hiddenHosts: [...new Set(hosts.filter(isHostName))].slice(0, MAX_HIDDEN_HOSTS),
    },
    problems,
  };
}

export const SETTINGS: StoreItem<Settings> = { key: 'settings', area: 'local', parse: parseSettings };

/** Checklist ticks, per tab, for the browser session. Content scripts reach them through the background. */
export type Ticks = Record<string, boolean>;
const MAX_TICKS = 200;
const MAX_TICK_ID = 80;

export function parseTicks(raw: unknown): Parsed<Ticks> {
  if (raw === undefined) return { value: {}, problems: [] };
  if (!isRecord(raw)) return { value: {}, problems: ['ticks'] };
  const value: Ticks = {};
  let dropped = false;
  for (const [id, ticked] of Object.entries(raw).slice(0, MAX_TICKS)) {
    if (typeof ticked === 'boolean' && id.length <= MAX_TICK_ID) value[id] = ticked;
    else dropped = true;
  }
  return { value, problems: dropped ? ['ticks.entry'] : [] };
}

const TICKS_PREFIX = 'ticks:';
export const ticksItem = (tabId: number): StoreItem<Ticks> => ({
  key: `${TICKS_PREFIX}${tabId}`,
  area: 'session',
  parse: parseTicks,
});

/** What the content script last detected in a tab (structure only), for the popup's status. */
export interface TabStep {
  step: StepId;
  flow: FlowId;
  /** The portal's alerts on screen, as ids (structure only): the side area gives the advice for each. */
  alerts: AlertId[];
  at: number;
}

export function parseTabStep(raw: unknown): Parsed<TabStep | null> {
  // `null` is this item's own "no step" value: reading back what an update wrote is not a problem.
  if (raw === undefined || raw === null) return { value: null, problems: [] };
  const v = isRecord(raw) ? raw : {};
  if (isStepId(v.step) && isFlowId(v.flow) && typeof v.at === 'number' && Number.isFinite(v.at)) {
    // Written before the side area existed without alerts: none, rather than a failed read.
    const alerts = Array.isArray(v.alerts) ? v.alerts.filter(isAlertId) : [];
    return { value: { step: v.step, flow: v.flow, alerts, at: v.at }, problems: [] };
  }
  return { value: null, problems: ['tabStep'] };
}

export const tabStepItem = (tabId: number): StoreItem<TabStep | null> => ({
  key: `step:${tabId}`,
  area: 'session',
  parse: parseTabStep,
});

/** Every key ClaveGuía may write, for audits ("only known keys are stored"). */
const KNOWN_KEYS = new Set(['settings', SCHEMA_VERSION_KEY, 'people', 'options', 'deadlines']);
export function isKnownKey(key: string): boolean {
  return KNOWN_KEYS.has(key) || /^(ticks|step):\d+$/.test(key);
}
