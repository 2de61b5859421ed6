import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../../src/popup/Popup';
import { popupStore } from '../../../src/popup/store';
import { fakeBrowser, fakeControl, POPUP_SENDER } from '../fakes/browser';
import { SETTINGS } from '../../../src/storage/schema';
import { createBackground } from '../../../src/background/background';

const SETTINGS_KEY = SETTINGS.key;

const flush = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });

describe('Popup', () => {
  let container: HTMLElement;
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('states the privacy promise and links to the official recovery page', async () => {
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Popup store={popupStore} />, container));
    await flush();
    expect(container.querySelector('h1')?.textContent).toBe('ClaveGuía');
    expect(container.textContent).toContain('Nada sale de su navegador');
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/');
    expect(container.textContent).toContain('La guía se muestra en todas las páginas del IESS.');
  });

  it('lists hidden sites and shows the guide again on one', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { dock: 'left', collapsed: false, hiddenHosts: ['app.iess.gob.ec', 'www.iess.gob.ec'] } });
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Popup store={popupStore} />, container));
    await flush();
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('.hidden-hosts button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Mostrar de nuevo en app.iess.gob.ec', 'Mostrar de nuevo en www.iess.gob.ec']);
    await act(async () => buttons[0]!.click());
    await flush();
    const stored = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect((stored[SETTINGS_KEY] as { hiddenHosts: string[] }).hiddenHosts).toEqual(['www.iess.gob.ec']);
    expect([...container.querySelectorAll('.hidden-hosts button')].map((b) => b.textContent)).toEqual(['Mostrar de nuevo en www.iess.gob.ec']);
  });
});

describe('Popup: erase everything', () => {
  let container: HTMLElement;
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('erases settings and per-tab ticks in one action, through the background, and says so', async () => {
    createBackground(fakeBrowser).start();
    fakeControl.sender = POPUP_SENDER;
    fakeControl.tabs = [{ id: 3, url: 'https://app.iess.gob.ec/x' }];
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec'] } });
    await fakeBrowser.storage.session.set({ 'ticks:7': { 'identity.id': true } });
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Popup store={popupStore} />, container));
    await flush();
    const status = container.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('');
    const erase = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Borrar todo lo que guardó ClaveGuía')!;
    await act(async () => erase.click());
    await flush();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(status.textContent).toBe('Listo: ClaveGuía ya no guarda nada.');
    expect(container.textContent).toContain('La guía se muestra en todas las páginas del IESS.');
    // Open overlays are told to drop what they hold.
    expect(fakeControl.sentToTabs).toEqual([{ tabId: 3, message: { type: 'data:erased' } }]);
  });

  it('says so when the erase could not be confirmed, and claims nothing', async () => {
    // No background is listening: nothing answers the request.
    fakeControl.sender = POPUP_SENDER;
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Popup store={popupStore} />, container));
    await flush();
    const erase = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Borrar todo lo que guardó ClaveGuía')!;
    await act(async () => erase.click());
    await flush();
    expect(container.querySelector('[role="status"]')!.textContent).toBe('No se pudo borrar. Cierre esta ventana y vuelva a intentarlo.');
  });
});
