/**
 * Versioned migrations of `storage.local`, run on read. Each step takes a snapshot of the area at version
 * `from` and returns it at `from + 1`; steps never throw and keep nothing they do not understand.
 * Add a step (and its test) whenever a stored shape changes; never edit a released step.
 */
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSION_KEY } from './schema';

export type Snapshot = Record<string, unknown>;

interface Migration {
  from: number;
  /** What changed, for the reader of this table. */
  why: string;
  run(snapshot: Snapshot): Snapshot;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    why: 'v1 kept `schemaVersion: 1` inside `settings`; v2 keeps one version for the whole area in its own key.',
    run(snapshot) {
      const { settings, ...rest } = snapshot;
      if (settings && typeof settings === 'object' && !Array.isArray(settings)) {
        const { schemaVersion: _dropped, ...kept } = settings as Record<string, unknown>;
        return { ...rest, settings: kept };
      }
      return rest;
    },
  },
];

/**
 * The version a snapshot is at: its own key since v2; v1 (and anything older or unknown) had it in settings
 * or nowhere. A version from the future (a downgrade) is read as current: parsing keeps what it understands.
 */
export function versionOf(snapshot: Snapshot): number {
  const stored = snapshot[SCHEMA_VERSION_KEY];
  if (typeof stored === 'number' && Number.isInteger(stored) && stored >= 1) return Math.min(stored, CURRENT_SCHEMA_VERSION);
  return 1;
}

/** Brings a snapshot to the current version. Pure: the caller decides whether to write it back. */
export function migrate(snapshot: Snapshot): { snapshot: Snapshot; from: number; changed: boolean } {
  const from = versionOf(snapshot);
  let current = snapshot;
  for (let version = from; version < CURRENT_SCHEMA_VERSION; version++) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) break;
    current = step.run(current);
  }
  const changed = current !== snapshot || snapshot[SCHEMA_VERSION_KEY] !== CURRENT_SCHEMA_VERSION;
  return { snapshot: { ...current, [SCHEMA_VERSION_KEY]: CURRENT_SCHEMA_VERSION }, from, changed };
}
