import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { injectEstimator } from '../../../src/background/estimator';
import { reinjectIntoOpenTabs } from '../../../src/background/reinject';
import { ESTIMATOR_FILE, ESTIMATOR_KEY, estimatorPresent, registerEstimator } from '../../../src/estimator/contract';
import { SETTINGS, tabStepItem } from '../../../src/storage/schema';
import { CONTENT_SENDER, POPUP_SENDER, fakeBrowser, fakeControl } from '../fakes/browser';

const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);
const started = () => {
  const background = createBackground(fakeBrowser);
  background.start();
  return background;
};

describe('background: importable and inert', () => {
  it('registers nothing until started, and everything once', async () => {
    const background = createBackground(fakeBrowser);
    expect(fakeControl.listenerCounts().message).toBe(0);
    background.start();
    background.start();
    expect(fakeControl.listenerCounts().message).toBe(1);
    // The entry module imports under the fake too (it used to throw).
    await expect(import('../../../src/background/index')).resolves.toBeDefined();
  });
});

describe('background: message table', () => {
  it('keeps ticks per sender tab in the session area', async () => {
    started();
    expect(await send({ type: 'ticks:set', ticks: { 'identity.id': true } })).toBe(true);
    expect(await send({ type: 'ticks:get' })).toEqual({ 'identity.id': true });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ 'ticks:1': { 'identity.id': true } });
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 2 } };
    expect(await send({ type: 'ticks:get' })).toEqual({});
  });

  it('applies layout changes and hides the sender’s own host', async () => {
    const { store } = started();
    await send({ type: 'settings:patch', patch: { dock: 'left' } });
    await send({ type: 'site:hide' });
    await send({ type: 'site:hide' });
    expect(await store.get(SETTINGS)).toEqual({ dock: 'left', collapsed: false, hiddenHosts: ['app.iess.gob.ec'] });
  });

  it('answers nothing to untrusted senders or to a message from the wrong kind of sender', async () => {
    started();
    fakeControl.sender = { ...CONTENT_SENDER, url: 'https://iess-gob-ec.example/' };
    expect(await send({ type: 'ticks:get' })).toBeUndefined();
    fakeControl.sender = { ...CONTENT_SENDER, frameId: 3 };
    expect(await send({ type: 'site:hide' })).toBeUndefined();
    // A content script may not erase; the popup may not pretend to be a tab.
    fakeControl.sender = CONTENT_SENDER;
    await fakeBrowser.storage.local.set({ settings: { dock: 'left' } });
    expect(await send({ type: 'data:erase' })).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).not.toEqual({});
    fakeControl.sender = POPUP_SENDER;
    expect(await send({ type: 'ticks:get' })).toBeUndefined();
  });

  it('erases everything for the popup and tells every tab to drop what it holds', async () => {
    started();
    await send({ type: 'ticks:set', ticks: { a: true } });
    await send({ type: 'site:hide' });
    fakeControl.tabs = [{ id: 1, url: 'https://app.iess.gob.ec/x' }, { id: 9, url: 'https://example.org/' }];
    fakeControl.sender = POPUP_SENDER;
    expect(await send({ type: 'data:erase' })).toBe(true);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(fakeControl.sentToTabs.map((s) => s.tabId).sort()).toEqual([1, 9]);
  });

  it('forgets a closed tab’s ticks', async () => {
    started();
    await send({ type: 'ticks:set', ticks: { a: true } });
    fakeControl.removeTab(1);
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(null)).toEqual({}));
  });
});

describe('background: what the page shows, and who is being helped', () => {
  it('keeps each tab’s detected step (structure only) and forgets it with the tab', async () => {
    const { store } = started();
    await send({ type: 'page:step', step: 'email-sent', flow: 'unlock' });
    expect(await store.get(tabStepItem(1))).toMatchObject({ step: 'email-sent', flow: 'unlock' });
    fakeControl.removeTab(1);
    await vi.waitFor(async () => expect(await store.get(tabStepItem(1))).toBeNull());
  });

  it('answers the active person’s data from where it is kept, without its id or ticks, and only what the step compares', async () => {
    started();
    expect(await send({ type: 'person:active', step: 'identity' })).toBeNull();
    const data = { label: 'Mamá', cedula: '1712345600', email: 'rosa@example.com', birthDay: 14, birthMonth: 3, names: 'Rosa Loor' };
    const mama = { id: 'p1', ...data, preflight: { 'id-number': true } };
    await fakeBrowser.storage.session.set({ people: { activeId: 'p1', list: [mama] } });
    expect(await send({ type: 'person:active', step: 'identity' })).toEqual({ label: 'Mamá', cedula: '1712345600' });
    // Issue 18: each step gets only the fields it compares; every other page, and a request without a step, the label.
    expect(await send({ type: 'person:active', step: 'verification' })).toEqual({ label: 'Mamá', birthDay: 14, birthMonth: 3 });
    expect(await send({ type: 'person:active', step: 'code' })).toEqual({ label: 'Mamá', email: 'rosa@example.com' });
    expect(await send({ type: 'person:active', step: 'new-key' })).toEqual(data);
    for (const step of ['none', 'start', 'terms', 'profile', 'done', 'error']) expect(await send({ type: 'person:active', step })).toEqual({ label: 'Mamá' });
    expect(await send({ type: 'person:active' })).toEqual({ label: 'Mamá' });
    expect(await send({ type: 'person:active', step: '__proto__' })).toEqual({ label: 'Mamá' });
    // Issue 21: the anonymous copy compares every prepared field (never the id or the ticks).
    expect(await send({ type: 'person:copy' })).toEqual(data);
    // "Recordar en este equipo": the remembered list is the one read.
    await fakeBrowser.storage.local.set({ options: { rememberPeople: true }, people: { activeId: 'p2', list: [{ id: 'p2', label: 'Papá' }] } });
    expect(await send({ type: 'person:active' })).toEqual({ label: 'Papá' });
    expect(await send({ type: 'person:copy' })).toEqual({ label: 'Papá' });
  });
});

describe('background: shortcuts', () => {
  it('routes a shortcut to the tab it was pressed in, or the active tab', async () => {
    started();
    fakeControl.command('toggle-overlay', { id: 4 });
    fakeControl.command('unknown-command', { id: 4 });
    fakeControl.command('focus-overlay', { id: 5 });
    await vi.waitFor(() => expect(fakeControl.sentToTabs).toHaveLength(2));
    expect(fakeControl.sentToTabs).toEqual([
      { tabId: 4, message: { type: 'overlay:toggle' } },
      { tabId: 5, message: { type: 'overlay:focus' } },
    ]);
  });
});

describe('background: after install or update', () => {
  it('injects the content script into IESS tabs that were already open', async () => {
    fakeControl.tabs = [{ id: 1, url: 'https://app.iess.gob.ec/a' }, { id: 2, url: 'https://www.example.org/' }];
    expect(await reinjectIntoOpenTabs(fakeBrowser)).toBe(1);
    expect(fakeControl.injected).toEqual([{ target: { tabId: 1 }, files: ['assets/content.js'] }]);
  });

  it('injects nothing where the browser does it itself (Firefox), though it has the scripting API', async () => {
    fakeControl.tabs = [{ id: 1, url: 'https://app.iess.gob.ec/a' }];
    expect(await reinjectIntoOpenTabs(fakeBrowser, 'firefox')).toBe(0);
    expect(await reinjectIntoOpenTabs({ ...fakeBrowser, scripting: undefined }, 'chrome')).toBe(0);
    expect(fakeControl.injected).toEqual([]);
  });

  it('migrates v1 data on update', async () => {
    await fakeBrowser.storage.local.set({ settings: { schemaVersion: 1, dock: 'left', collapsed: false, hiddenHosts: [] } });
    started();
    fakeControl.install('update');
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get(null)).toEqual({
      settings: { dock: 'left', collapsed: false, hiddenHosts: [] },
      schemaVersion: 2,
    }));
  });
});

describe('background: the person being helped', () => {
  it('tells open tabs to ask again only when the active person changes, never with the data', async () => {
    const [api, control] = [fakeBrowser, fakeControl];
    createBackground(api).start();
    control.tabs = [{ id: 8, url: 'https://app.iess.gob.ec/x' }];
    const changed = () => control.sentToTabs.filter((m) => (m.message as { type: string }).type === 'person:changed');
    const list = [{ id: 'a', label: 'Yo' }, { id: 'b', label: 'Mamá' }];
    await api.storage.session.set({ people: { activeId: 'a', list } });
    await vi.waitFor(() => expect(changed()).toHaveLength(1));
    // A tick changes nothing the overlay shows.
    await api.storage.session.set({ people: { activeId: 'a', list: [{ ...list[0], preflight: { phone: true } }, list[1]] } });
    await api.storage.session.set({ people: { activeId: 'b', list } });
    await vi.waitFor(() => expect(changed()).toHaveLength(2));
    expect(changed()[1]).toEqual({ tabId: 8, message: { type: 'person:changed' } });
  });
});

describe('background: the strength estimator (estimator:load)', () => {
  const world = globalThis as unknown as Record<symbol, unknown>;
  afterEach(() => {
    delete world[Symbol.for(ESTIMATOR_KEY)];
  });
  /** Running the file registers an estimator in the (one) world the unit tests have. */
  const runFile = () => registerEstimator(() => 'fair');
  const probe = { target: { tabId: 1, frameIds: [0] }, world: 'ISOLATED', func: estimatorPresent, args: [ESTIMATOR_KEY] };
  const file = { target: { tabId: 1, frameIds: [0] }, world: 'ISOLATED', files: [ESTIMATOR_FILE] };

  it('injects the file into the sender’s own tab and frame, in the isolated world, once per document', async () => {
    started();
    fakeControl.onFiles = runFile;
    expect(await send({ type: 'estimator:load' })).toBe(true);
    expect(fakeControl.injected).toEqual([probe, file]);
    // The page re-rendered back to the step, or asked again: the world has it, only the probe runs.
    expect(await send({ type: 'estimator:load' })).toBe(true);
    expect(fakeControl.injected).toEqual([probe, file, probe]);
    // A new document (a new world) gets it again.
    delete world[Symbol.for(ESTIMATOR_KEY)];
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 6 } };
    await send({ type: 'estimator:load' });
    expect(fakeControl.injected.slice(3).map((i) => i.target)).toEqual([{ tabId: 6, frameIds: [0] }, { tabId: 6, frameIds: [0] }]);
  });

  it('injects nothing for a sender that is not our script in a top-level IESS page', async () => {
    started();
    for (const sender of [
      { ...CONTENT_SENDER, url: 'https://www.example.org/' },
      { ...CONTENT_SENDER, url: 'https://iess.gob.ec.example.com/' },
      { ...CONTENT_SENDER, frameId: 2 },
      { ...CONTENT_SENDER, id: 'another-extension' },
      POPUP_SENDER,
    ]) {
      fakeControl.sender = sender;
      expect(await send({ type: 'estimator:load' })).toBeUndefined();
    }
    expect(fakeControl.injected).toEqual([]);
    // And directly: no tab, or no IESS address, no injection.
    expect(await injectEstimator(fakeBrowser, { ...CONTENT_SENDER, tab: undefined })).toBe(false);
    expect(await injectEstimator(fakeBrowser, { ...CONTENT_SENDER, url: 'https://www.example.org/', tab: { id: 1, url: 'https://www.example.org/' } })).toBe(false);
    expect(fakeControl.injected).toEqual([]);
  });

  it('answers false when the tab went away meanwhile', async () => {
    started();
    fakeControl.failInjection = true;
    expect(await send({ type: 'estimator:load' })).toBe(false);
  });
});
