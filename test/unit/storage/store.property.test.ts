/**
 * The store on random stored data (issue 14, item 5): whatever is under our keys (garbage, an older shape, a
 * value written by a bug), every item reads into a valid value without throwing, with a bounded number of
 * storage reads (no retry loop), reading its own result back changes nothing, and an update over garbage writes
 * valid data. Complements store.test.ts (settings only) and people-options.test.ts (parsers alone).
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { DEADLINES } from '../../../src/storage/deadlines';
import { OPTIONS } from '../../../src/storage/options';
import { PEOPLE_REMEMBERED, PEOPLE_SESSION } from '../../../src/storage/people';
import { SCHEMA_VERSION_KEY, SETTINGS, tabStepItem, ticksItem, type StoreItem } from '../../../src/storage/schema';
import { createStore } from '../../../src/storage/store';
import { fakeBrowser } from '../fakes/browser';

const ITEMS: StoreItem<unknown>[] = [SETTINGS, OPTIONS, PEOPLE_SESSION, PEOPLE_REMEMBERED, DEADLINES, ticksItem(7), tabStepItem(7)] as StoreItem<unknown>[];
const quiet = { report: () => undefined };

/** Values a broken or hostile writer could leave: anything, and near-misses of the real shapes. */
const value = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record({ list: fc.anything(), activeId: fc.anything() }, { requiredKeys: [] }),
  fc.record({ current: fc.anything(), entries: fc.dictionary(fc.string(), fc.anything()) }, { requiredKeys: [] }),
  fc.record({ dock: fc.anything(), collapsed: fc.anything(), hiddenHosts: fc.array(fc.anything()) }, { requiredKeys: [] }),
  fc.record({ step: fc.anything(), flow: fc.anything(), at: fc.oneof(fc.double(), fc.anything()) }, { requiredKeys: [] }),
  fc.dictionary(fc.string({ maxLength: 90 }), fc.oneof(fc.boolean(), fc.anything())),
);
const areas = fc.record({
  local: fc.record({ settings: value, options: value, people: value, deadlines: value, [SCHEMA_VERSION_KEY]: fc.oneof(fc.constantFrom(1, 2, 3), fc.anything()) }, { requiredKeys: [] }),
  session: fc.record({ people: value, 'ticks:7': value, 'step:7': value }, { requiredKeys: [] }),
});

async function seed(stored: { local: Record<string, unknown>; session: Record<string, unknown> }): Promise<void> {
  await fakeBrowser.storage.local.clear();
  await fakeBrowser.storage.session.clear();
  await fakeBrowser.storage.local.set(stored.local);
  await fakeBrowser.storage.session.set(stored.session);
}

describe('store on random stored data (property)', () => {
  it('every item reads into a valid value, with a bounded number of storage reads, and reads back unchanged', async () => {
    const store = createStore(fakeBrowser.storage, quiet);
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    const sessionGet = vi.spyOn(fakeBrowser.storage.session, 'get');
    await fc.assert(
      fc.asyncProperty(areas, async (stored) => {
        await seed(stored);
        for (const item of ITEMS) {
          localGet.mockClear();
          sessionGet.mockClear();
          const read = await store.get(item);
          // One read, or two when an older version has to be migrated in memory: never a loop.
          expect(localGet.mock.calls.length + sessionGet.mock.calls.length).toBeLessThanOrEqual(2);
          // What a read returns is a fixed point of the item's parser: valid, nothing left to drop.
          const again = item.parse(structuredClone(read));
          expect(again.problems, item.key).toEqual([]);
          expect(again.value).toEqual(read);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an update over garbage writes data that reads back without a problem, and migration never throws', async () => {
    const store = createStore(fakeBrowser.storage, quiet);
    await fc.assert(
      fc.asyncProperty(areas, fc.constantFrom(...ITEMS), async (stored, item) => {
        await seed(stored);
        await store.migrateStored();
        const written = await store.update(item, (current) => current);
        const raw = item.area === 'local' ? await fakeBrowser.storage.local.get(item.key) : await fakeBrowser.storage.session.get(item.key);
        expect(item.parse(raw[item.key]).problems).toEqual([]);
        expect(await store.get(item)).toEqual(written);
      }),
      { numRuns: 150 },
    );
  });
});
