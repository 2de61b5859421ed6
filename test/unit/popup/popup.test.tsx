import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup } from '../../../src/popup/Popup';
import { popupStore } from '../../../src/popup/store';
import { fakeBrowser } from '../fakes/browser';
import { SETTINGS_KEY } from '../../../src/storage/schema';

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
    const buttons = [...container.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Mostrar de nuevo en app.iess.gob.ec', 'Mostrar de nuevo en www.iess.gob.ec']);
    await act(async () => buttons[0]!.click());
    await flush();
    const stored = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect((stored[SETTINGS_KEY] as { hiddenHosts: string[] }).hiddenHosts).toEqual(['www.iess.gob.ec']);
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Mostrar de nuevo en www.iess.gob.ec']);
  });
});
