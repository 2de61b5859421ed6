import { describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { createCommandRouter } from '../../../src/background/commands';
import { SIDE_PORT_NAME } from '../../../src/messages';
import { tabStepItem } from '../../../src/storage/schema';
import { CONTENT_SENDER, fakeBrowser, fakeControl } from '../fakes/browser';

const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);
const sideStates = () => fakeControl.sentToTabs.filter((m) => (m.message as { type: string }).type === 'side:state');

describe('background: the side area', () => {
  it('knows which windows have it open and what it shows, and tells the tabs of that window only', async () => {
    createBackground(fakeBrowser).start();
    fakeControl.tabs = [
      { id: 1, windowId: 7 },
      { id: 2, windowId: 7 },
      { id: 3, windowId: 8 },
    ];
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 1, windowId: 7 } };
    expect(await send({ type: 'side:get' })).toEqual({ open: false, showing: null, available: true });

    const port = fakeBrowser.runtime.connect({ name: SIDE_PORT_NAME });
    port.postMessage({ windowId: 7, showing: 'identity' });
    await vi.waitFor(async () => expect(await send({ type: 'side:get' })).toEqual({ open: true, showing: 'identity', available: true }));
    await vi.waitFor(() => expect(sideStates().map((m) => m.tabId).sort()).toEqual([1, 2]));
    expect(sideStates()[0]!.message).toEqual({ type: 'side:state', open: true, showing: 'identity', available: true });

    // Another window's tab is not concerned; a bad report (or a change of window) is ignored.
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 3, windowId: 8 } };
    expect(await send({ type: 'side:get' })).toEqual({ open: false, showing: null, available: true });
    port.postMessage({ windowId: 8, showing: 'code' });
    port.postMessage({ windowId: 'x' });
    // A good report after them: once it is taken, so were they (a port's messages come in order).
    port.postMessage({ windowId: 7, showing: 'verification' });
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 1, windowId: 7 } };
    await vi.waitFor(async () => expect(await send({ type: 'side:get' })).toEqual({ open: true, showing: 'verification', available: true }));
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 3, windowId: 8 } };
    expect(await send({ type: 'side:get' })).toEqual({ open: false, showing: null, available: true });
  });

  it('says the side area closed when its page goes (the worker dropping the port counts too)', async () => {
    createBackground(fakeBrowser).start();
    fakeControl.tabs = [{ id: 1, windowId: 7 }];
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 1, windowId: 7 } };
    const port = fakeBrowser.runtime.connect({ name: SIDE_PORT_NAME });
    port.postMessage({ windowId: 7, showing: null });
    await vi.waitFor(async () => expect(await send({ type: 'side:get' })).toEqual({ open: true, showing: null, available: true }));
    await vi.waitFor(() => expect(sideStates()).toHaveLength(1));
    fakeControl.sentToTabs = [];
    fakeControl.dropPorts();
    await vi.waitFor(async () => expect(await send({ type: 'side:get' })).toEqual({ open: false, showing: null, available: true }));
    await vi.waitFor(() => expect(sideStates().map((m) => m.message)).toEqual([{ type: 'side:state', open: false, showing: null, available: true }]));
  });

  it('opens the side panel for the sender tab on the pill’s click, and only where the browser has one', async () => {
    createBackground(fakeBrowser).start();
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 4, windowId: 7 } };
    expect(await send({ type: 'side:open' })).toBe(true);
    expect(fakeControl.sidePanelOpened).toEqual([{ tabId: 4 }]);

    // Firefox: no side panel API; the answer tells the pill to say how to open the sidebar instead.
    const { sidePanel: _none, ...firefoxLike } = fakeBrowser;
    const router = createCommandRouter(firefoxLike as typeof fakeBrowser);
    await router('open-side', { id: 4, windowId: 7 });
    expect(fakeControl.sidePanelOpened).toHaveLength(1);
  });

  it('opens it for the window from the keyboard command', async () => {
    createBackground(fakeBrowser).start();
    fakeControl.command('open-side', { id: 4, windowId: 9 });
    await vi.waitFor(() => expect(fakeControl.sidePanelOpened).toEqual([{ windowId: 9 }]));
    // Not routed to the page like the overlay's own commands.
    expect(fakeControl.sentToTabs).toEqual([]);
  });

  it('forgets a tab’s step as soon as the tab starts loading another page', async () => {
    const { store } = createBackground(fakeBrowser);
    createBackground(fakeBrowser, store).start();
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 5, windowId: 7 } };
    await send({ type: 'page:step', step: 'verification', flow: 'recover', alerts: ['data-mismatch'] });
    expect(await store.get(tabStepItem(5))).toMatchObject({ step: 'verification', alerts: ['data-mismatch'] });
    // 'complete' first, then 'loading' in another tab, then 'loading' here: once the other tab's step is gone,
    // whatever 'complete' could have done here was done too (the worker handles the events in order).
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 6, windowId: 7 } };
    await send({ type: 'page:step', step: 'identity', flow: 'recover', alerts: [] });
    fakeControl.updateTab(5, { status: 'complete' });
    fakeControl.updateTab(6, { status: 'loading' });
    await vi.waitFor(async () => expect(await store.get(tabStepItem(6))).toBeNull());
    expect(await store.get(tabStepItem(5))).not.toBeNull();
    fakeControl.updateTab(5, { status: 'loading' });
    await vi.waitFor(async () => expect(await store.get(tabStepItem(5))).toBeNull());
  });
});

describe('background: a browser without a side column or shortcuts (Firefox for Android)', () => {
  it('starts without `commands`, and tells overlays there is no side area to offer', async () => {
    // The fake is Chrome-shaped (side panel, no sidebar): drop what Firefox for Android lacks.
    const { sidePanel: _p, commands: _c, ...phone } = fakeBrowser;
    createBackground(phone).start();
    fakeControl.sender = { ...CONTENT_SENDER, tab: { id: 1, windowId: 7 } };
    expect(await send({ type: 'side:get' })).toEqual({ open: false, showing: null, available: false });
    // A click on a (stale) button asks anyway: nothing opens, nothing throws.
    expect(await send({ type: 'side:open' })).toBe(false);
    expect(fakeControl.sidePanelOpened).toEqual([]);
  });
});
