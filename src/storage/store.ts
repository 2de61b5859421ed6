/**
 * The one store every context uses: typed get, serialised update, subscribe, migrations on read,
 * validation on every read, and the single `eraseAll`.
 *
 * - Reads never throw on bad data: an item falls back to valid values and the problem is reported (field
 *   names only, never values).
 * - Writers (background, popup, options) bring `storage.local` to the current schema version before their
 *   first write; readers apply the same migrations in memory, so a content script reads today's shape even
 *   before the background has run.
 * - `eraseAll` clears both areas and then runs every hook registered with `onErase` (alarms, badge, telling
 *   open overlays to drop what they hold): one path for every "forget".
 */
import type { PlatformApi, StorageChange } from '../platform/api';
import { defaultLock, type Lock } from './lock';
import { migrate } from './migrations';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSION_KEY, type StoreItem } from './schema';

export type StorageApi = PlatformApi['storage'];
export type ProblemReporter = (key: string, problems: string[]) => void;

/** Reading and following items, nothing else: what content scripts need (they never write storage). */
export interface StoreReader {
  get<T>(item: StoreItem<T>): Promise<T>;
  /** Calls `listener` with the validated new value whenever the item changes. Returns the unsubscribe. */
  subscribe<T>(item: StoreItem<T>, listener: (value: T) => void): () => void;
}

export interface Store extends StoreReader {
  /** Reads, applies `change`, validates and writes, with no other writer in between. Resolves to what was written. */
  update<T>(item: StoreItem<T>, change: (current: T) => T): Promise<T>;
  remove(item: StoreItem<unknown>): Promise<void>;
  /** Writes the migrated `storage.local` back if it was at an older version. Idempotent. */
  migrateStored(): Promise<void>;
  /** Empties both areas, then runs every erase hook. */
  eraseAll(): Promise<void>;
  onErase(hook: () => Promise<void> | void): () => void;
}

export interface StoreOptions {
  lock?: Lock;
  report?: ProblemReporter;
}

/** Reported, not thrown: a bad stored value must never break a view. Names only, never values. */
const warnProblems: ProblemReporter = (key, problems) => {
  console.warn(`ClaveGuía: ignored invalid stored data in "${key}": ${problems.join(', ')}`);
};

/** How every read is done: the raw value (migrated in memory if stored at an older version), then validated. */
function reading(storage: StorageApi, report: ProblemReporter) {
  function parse<T>(item: StoreItem<T>, raw: unknown): T {
    const { value, problems } = item.parse(raw);
    if (problems.length > 0) report(item.key, problems);
    return value;
  }

  async function readRaw(item: StoreItem<unknown>): Promise<unknown> {
    if (item.area === 'session') return (await storage.session.get(item.key))[item.key];
    const stored = await storage.local.get([item.key, SCHEMA_VERSION_KEY]);
    if (stored[SCHEMA_VERSION_KEY] === CURRENT_SCHEMA_VERSION) return stored[item.key];
    // Older (or unversioned) data: read it as the current version would.
    return migrate(await storage.local.get(null)).snapshot[item.key];
  }

  return { parse, readRaw };
}

/**
 * The reading half of the store on its own, so the resident content script (every IESS page) carries neither
 * the writers' lock nor their migrations written back. Reads and validation are the same code as the store's.
 */
export function createReader(storage: StorageApi, report: ProblemReporter = warnProblems): StoreReader {
  const { parse, readRaw } = reading(storage, report);
  return {
    async get(item) {
      return parse(item, await readRaw(item));
    },
    subscribe(item, listener) {
      const onChanged = (changes: Record<string, StorageChange>, area: string) => {
        if (area !== item.area || !(item.key in changes)) return;
        listener(parse(item, changes[item.key]?.newValue));
      };
      storage.onChanged.addListener(onChanged);
      return () => storage.onChanged.removeListener(onChanged);
    },
  };
}

export function createStore(storage: StorageApi, options: StoreOptions = {}): Store {
  const lock = options.lock ?? defaultLock();
  const eraseHooks = new Set<() => Promise<void> | void>();
  const { parse, readRaw } = reading(storage, options.report ?? warnProblems);
  const reader = createReader(storage, options.report);

  async function migrateStored(): Promise<void> {
    await lock('store:local', async () => {
      const snapshot = await storage.local.get(null);
      // An empty area (fresh install, or just erased) stays empty.
      if (Object.keys(snapshot).length === 0) return;
      const result = migrate(snapshot);
      if (!result.changed) return;
      const removed = Object.keys(snapshot).filter((key) => !(key in result.snapshot));
      if (removed.length > 0) await storage.local.remove(removed);
      await storage.local.set(result.snapshot);
    });
  }

  return {
    get: reader.get,

    async update(item, change) {
      if (item.area === 'local') await migrateStored();
      return lock(`store:${item.area}`, async () => {
        const next = parse(item, change(parse(item, await readRaw(item))));
        const area = item.area === 'local' ? storage.local : storage.session;
        await area.set(
          item.area === 'local' ? { [item.key]: next, [SCHEMA_VERSION_KEY]: CURRENT_SCHEMA_VERSION } : { [item.key]: next },
        );
        return next;
      });
    },

    async remove(item) {
      await lock(`store:${item.area}`, () => (item.area === 'local' ? storage.local : storage.session).remove(item.key));
    },

    subscribe: reader.subscribe,

    migrateStored,

    async eraseAll() {
      await lock('store:local', () => lock('store:session', () => Promise.all([storage.local.clear(), storage.session.clear()])));
      // Every hook runs even if one fails; the storage itself is already empty.
      await Promise.allSettled([...eraseHooks].map(async (hook) => hook()));
    },

    onErase(hook) {
      eraseHooks.add(hook);
      return () => eraseHooks.delete(hook);
    },
  };
}
