import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, versionOf } from '../../../src/storage/migrations';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSION_KEY } from '../../../src/storage/schema';

/** What v1 (release 0.1.0) wrote to storage.local. */
const V1 = { settings: { schemaVersion: 1, dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec'] } };

describe('migrations', () => {
  it('has one step from every version before the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it('reads the version where each release kept it', () => {
    expect(versionOf(V1)).toBe(1);
    expect(versionOf({})).toBe(1);
    expect(versionOf({ [SCHEMA_VERSION_KEY]: 2 })).toBe(2);
    expect(versionOf({ [SCHEMA_VERSION_KEY]: 'x' })).toBe(1);
    // A downgrade reads newer data as current: parsing keeps what it understands.
    expect(versionOf({ [SCHEMA_VERSION_KEY]: 99 })).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('v1 → v2: the version moves out of settings into its own key; the person’s choices stay', () => {
    const { snapshot, from, changed } = migrate(V1);
    expect(from).toBe(1);
    expect(changed).toBe(true);
    expect(snapshot).toEqual({
      settings: { dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec'] },
      [SCHEMA_VERSION_KEY]: 2,
    });
    // Pure: the input is untouched.
    expect(V1.settings.schemaVersion).toBe(1);
  });

  it('v1 → v2 keeps malformed settings for the parser to judge, and never throws', () => {
    expect(migrate({ settings: 'garbage' }).snapshot).toEqual({ [SCHEMA_VERSION_KEY]: 2 });
    expect(migrate({ settings: null, other: 1 }).snapshot).toEqual({ other: 1, [SCHEMA_VERSION_KEY]: 2 });
  });

  it('leaves current data alone', () => {
    const current = { settings: { dock: 'right' }, [SCHEMA_VERSION_KEY]: CURRENT_SCHEMA_VERSION };
    expect(migrate(current)).toEqual({ snapshot: current, from: CURRENT_SCHEMA_VERSION, changed: false });
  });
});
