import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { inProcessLock, type Lock } from '../../../src/storage/lock';
import { CURRENT_SCHEMA_VERSION, DEFAULT_SETTINGS, SCHEMA_VERSION_KEY, SETTINGS, ticksItem } from '../../../src/storage/schema';
import { createStore } from '../../../src/storage/store';
import { fakeBrowser } from '../fakes/browser';

const V1 = { settings: { schemaVersion: 1, dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec'] } };
const quiet = { report: () => undefined };

describe('store: typed reads', () => {
  it('reads defaults when nothing is stored, and writes nothing for it', async () => {
    const store = createStore(fakeBrowser.storage, quiet);
    expect(await store.get(SETTINGS)).toEqual(DEFAULT_SETTINGS);
    await store.migrateStored();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('reads v1 data as today’s shape before anything migrated it (a content script’s view)', async () => {
    await fakeBrowser.storage.local.set(V1);
    const store = createStore(fakeBrowser.storage, quiet);
    expect(await store.get(SETTINGS)).toEqual({ dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec'] });
    // Reading wrote nothing.
    expect(await fakeBrowser.storage.local.get(null)).toEqual(V1);
  });

  it('a writer migrates v1 in place before its first write', async () => {
    await fakeBrowser.storage.local.set(V1);
    const store = createStore(fakeBrowser.storage, quiet);
    await store.update(SETTINGS, (s) => ({ ...s, dock: 'right' as const }));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { dock: 'right', collapsed: true, hiddenHosts: ['app.iess.gob.ec'] },
      [SCHEMA_VERSION_KEY]: CURRENT_SCHEMA_VERSION,
    });
  });

  it('reports bad data by field name and falls back, never throws', async () => {
    const report = vi.fn();
    await fakeBrowser.storage.local.set({ settings: { dock: 42, hiddenHosts: 'x' }, [SCHEMA_VERSION_KEY]: 2 });
    const store = createStore(fakeBrowser.storage, { report });
    expect(await store.get(SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(report).toHaveBeenCalledWith('settings', ['settings.hiddenHosts', 'settings.dock']);
  });

  it('never throws on any stored value (property)', async () => {
    const store = createStore(fakeBrowser.storage, quiet);
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), async (settings, version) => {
        await fakeBrowser.storage.local.set({ settings, [SCHEMA_VERSION_KEY]: version });
        const value = await store.get(SETTINGS);
        expect(['left', 'right']).toContain(value.dock);
        expect(Array.isArray(value.hiddenHosts)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('store: writes', () => {
  it('serialises updates: two contexts writing at once lose nothing', async () => {
    // Two stores over the same storage, as the popup and the background are; one lock service, as Web Locks is.
    const lock: Lock = inProcessLock;
    const a = createStore(fakeBrowser.storage, { lock, ...quiet });
    const b = createStore(fakeBrowser.storage, { lock, ...quiet });
    const hosts = Array.from({ length: 20 }, (_, i) => `h${i}.iess.gob.ec`);
    await Promise.all(
      hosts.map((host, i) => (i % 2 ? a : b).update(SETTINGS, (s) => ({ ...s, hiddenHosts: [...s.hiddenHosts, host] }))),
    );
    expect((await a.get(SETTINGS)).hiddenHosts.sort()).toEqual([...hosts].sort());
  });

  it('without the lock the same writes would be lost (the test can fail)', async () => {
    const noLock: Lock = (_name, work) => work();
    const a = createStore(fakeBrowser.storage, { lock: noLock, ...quiet });
    await Promise.all(
      ['x', 'y', 'z'].map((host) => a.update(SETTINGS, (s) => ({ ...s, hiddenHosts: [...s.hiddenHosts, host] }))),
    );
    expect((await a.get(SETTINGS)).hiddenHosts.length).toBeLessThan(3);
  });

  it('validates what it writes', async () => {
    const store = createStore(fakeBrowser.storage, quiet);
    await store.update(SETTINGS, (s) => ({ ...s, dock: 'middle' as 'left' }));
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({ dock: 'right' });
  });

  it('keeps session items in the session area', async () => {
    const store = createStore(fakeBrowser.storage, quiet);
    await store.update(ticksItem(5), () => ({ 'identity.id': true }));
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'ticks:5': { 'identity.id': true } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('store: subscribe and erase', () => {
  it('tells subscribers the validated new value, and stops when unsubscribed', async () => {
    const store = createStore(fakeBrowser.storage, quiet);
    const seen: string[] = [];
    const stop = store.subscribe(SETTINGS, (s) => seen.push(s.dock));
    await store.update(SETTINGS, (s) => ({ ...s, dock: 'left' as const }));
    await fakeBrowser.storage.local.set({ settings: { dock: 'nonsense' } });
    stop();
    await store.update(SETTINGS, (s) => ({ ...s, dock: 'left' as const }));
    expect(seen).toEqual(['left', 'right']);
  });

  it('eraseAll empties both areas and then runs every hook, even if one fails', async () => {
    const store = createStore(fakeBrowser.storage, quiet);
    await store.update(SETTINGS, (s) => ({ ...s, dock: 'left' as const }));
    await store.update(ticksItem(1), () => ({ a: true }));
    const order: string[] = [];
    store.onErase(async () => {
      order.push(`first saw ${Object.keys(await fakeBrowser.storage.local.get(null)).length} keys`);
      throw new Error('a failing hook');
    });
    store.onErase(() => void order.push('second'));
    await store.eraseAll();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(order.sort()).toEqual(['first saw 0 keys', 'second']);
  });
});
