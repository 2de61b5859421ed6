import '../../../src/i18n/catalogues';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { OFFICIAL_LINKS } from '../../../src/flow/links';
import { setLanguage } from '../../../src/i18n/t';
import { Popup } from '../../../src/popup/Popup';
import { createPagesStore, pagesStore } from '../../../src/ui/pages-store';
import { OPTIONS } from '../../../src/storage/options';
import { PEOPLE_SESSION } from '../../../src/storage/people';
import { SETTINGS } from '../../../src/storage/schema';
import { fakeBrowser, fakeControl, POPUP_SENDER } from '../fakes/browser';
import { settle } from '../fakes/settle';

const SETTINGS_KEY = SETTINGS.key;
const VALID_CEDULA = '1712345600';
const VALID_CEDULA_2 = '0902345610';

const flush = () =>
  act(async () => {
    await settle();
  });

let container: HTMLElement;
const $ = <E extends Element = HTMLElement>(selector: string) => container.querySelector<E>(selector);
const $$ = <E extends Element = HTMLElement>(selector: string) => [...container.querySelectorAll<E>(selector)];
const button = (label: string) => {
  const found = $$<HTMLButtonElement>('button').find((b) => b.textContent?.trim() === label);
  if (!found) throw new Error(`no button «${label}» in: ${$$('button').map((b) => b.textContent).join(' | ')}`);
  return found;
};
const click = async (el: HTMLElement) => {
  await act(async () => el.click());
  await flush();
};
const type = async (selector: string, value: string) => {
  const input = $<HTMLInputElement>(selector)!;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
};
const errorFor = (id: string) => $(`[data-error-for="${id}"]`);
const stored = async (area: 'local' | 'session', key: string) => (await fakeBrowser.storage[area].get(key))[key];

async function open(): Promise<void> {
  container = document.body.appendChild(document.createElement('div'));
  act(() => render(<Popup store={pagesStore} />, container));
  await flush();
}

async function addPerson(fields: { label: string; cedula?: string; email?: string; day?: string; month?: string }) {
  await click(button('Agregar una persona'));
  await type('#person-label', fields.label);
  if (fields.cedula) await type('#person-cedula', fields.cedula);
  if (fields.email) await type('#person-email', fields.email);
  if (fields.day) await type('#person-day', fields.day);
  if (fields.month) await type('#person-month', fields.month);
  await click(button('Guardar'));
}

beforeEach(() => {
  fakeControl.sender = POPUP_SENDER;
});
afterEach(() => {
  render(null, container);
  container.remove();
  setLanguage('auto');
});

describe('Popup basics', () => {
  it('states the privacy promise, says plainly it is not the IESS, and links to the three official pages', async () => {
    await open();
    expect($('h1')?.textContent).toBe('ClaveGuía');
    expect(container.textContent).toContain('Nada sale de su navegador');
    expect(container.textContent).not.toMatch(/afiliad/i);
    expect($('.tagline')?.textContent).toContain('No es del IESS');
    const links = $$<HTMLAnchorElement>('a[data-link]').filter((a) => a.dataset.link !== 'options');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      OFFICIAL_LINKS.recover.href,
      OFFICIAL_LINKS.unlock.href,
      OFFICIAL_LINKS.employer.href,
    ]);
    for (const a of links) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toContain('noopener');
    }
    expect($<HTMLAnchorElement>('a[data-link="options"]')?.href).toBe('chrome-extension://claveguia-test/src/options/index.html');
    expect(container.textContent).toContain('La guía se muestra en todas las páginas del IESS.');
  });

  it('lists hidden sites and shows the guide again on one', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { dock: 'left', collapsed: false, hiddenHosts: ['app.iess.gob.ec', 'www.iess.gob.ec'] } });
    await open();
    const buttons = $$<HTMLButtonElement>('.hidden-hosts button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Mostrar de nuevo en app.iess.gob.ec', 'Mostrar de nuevo en www.iess.gob.ec']);
    await click(buttons[0]!);
    expect(((await stored('local', SETTINGS_KEY)) as { hiddenHosts: string[] }).hiddenHosts).toEqual(['www.iess.gob.ec']);
    expect($$('.hidden-hosts button').map((b) => b.textContent)).toEqual(['Mostrar de nuevo en www.iess.gob.ec']);
  });

  it('bad stored data never breaks the view', async () => {
    await fakeBrowser.storage.local.set({
      schemaVersion: 2,
      settings: 'nonsense',
      options: { language: 'klingon', rememberPeople: 'yes', keyMinLength: 99, linkValidityMs: { recover: 'x' } },
      people: { list: 'not a list' },
    });
    await fakeBrowser.storage.session.set({
      people: { activeId: 42, list: [null, { id: 'a' }, { id: 'b', label: 'Papá', cedula: 'DROP TABLE', birthDay: 40, birthMonth: 2, preflight: { 'id-number': 'yes', phone: true } }] },
      'step:1': { step: 'hacked', flow: 'recover' },
    });
    fakeControl.tabs = [{ id: 1, url: 'javascript:alert(1)' }];
    await open();
    expect($('h1')?.textContent).toBe('ClaveGuía');
    expect($$('[data-person]').map((li) => li.getAttribute('data-person'))).toEqual(['Papá']);
    expect($('.site')?.getAttribute('data-verdict')).toBe('unknown');
    expect($('.tab-step')).toBeNull();
    expect($('#remember')).not.toBeNull();
  });

  it('keeps working when storage itself fails', async () => {
    const store = createPagesStore({
      ...fakeBrowser,
      storage: {
        ...fakeBrowser.storage,
        local: { ...fakeBrowser.storage.local, get: async () => Promise.reject(new Error('broken')) },
        session: { ...fakeBrowser.storage.session, get: async () => Promise.reject(new Error('broken')) },
      },
    });
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Popup store={store} />, container));
    await flush();
    expect($('h1')?.textContent).toBe('ClaveGuía');
    expect(container.textContent).toContain('Aún no agregó a nadie');
  });
});

describe('Popup: people', () => {
  it('validates on entry: cédula check digit, email typo and syntax, impossible dates, missing label', async () => {
    await open();
    await click(button('Agregar una persona'));
    expect(document.activeElement?.id).toBe('person-label');
    await type('#person-cedula', '1712345601');
    expect(errorFor('person-cedula')?.textContent).toContain('último dígito');
    expect($('#person-cedula')?.getAttribute('aria-invalid')).toBe('true');
    await type('#person-cedula', '17123');
    expect(errorFor('person-cedula')?.hidden).toBe(true);
    await type('#person-cedula', VALID_CEDULA);
    expect(errorFor('person-cedula')?.hidden).toBe(true);

    await type('#person-email', 'ana@gmial.com');
    expect($('.suggestion')?.textContent).toContain('¿Quiso decir ana@gmail.com?');
    await click(button('Usar esta dirección'));
    expect($<HTMLInputElement>('#person-email')?.value).toBe('ana@gmail.com');
    expect($('.suggestion')).toBeNull();
    await type('#person-email', 'ana@@x.com');
    expect(errorFor('person-email')?.hidden).toBe(false);
    await type('#person-email', 'ana@gmail.com');

    await type('#person-day', '31');
    await type('#person-month', '2');
    expect(errorFor('person-birth')?.textContent).toMatch(/\S/);
    expect($('#person-day')?.getAttribute('aria-invalid')).toBe('true');
    await type('#person-month', '13');
    expect(errorFor('person-birth')?.hidden).toBe(false);
    await type('#person-month', '3');
    expect(errorFor('person-birth')?.hidden).toBe(true);

    // No label: nothing is saved, the label gets the message.
    await click(button('Guardar'));
    expect(errorFor('person-label')?.textContent).toBe('Escriba un nombre para reconocer a esta persona.');
    expect(await stored('session', 'people')).toBeUndefined();
    await type('#person-label', 'Mamá');
    await click(button('Guardar'));
    expect(await stored('session', 'people')).toMatchObject({
      list: [{ label: 'Mamá', cedula: VALID_CEDULA, email: 'ana@gmail.com', birthDay: 31, birthMonth: 3 }],
    });
  });

  it('the val* messages come from the reason codes (cédula length, province)', async () => {
    await open();
    await click(button('Agregar una persona'));
    await type('#person-cedula', '9912345678');
    expect(errorFor('person-cedula')?.hidden).toBe(false);
    await type('#person-label', 'X');
    await type('#person-cedula', '171234');
    await click(button('Guardar'));
    // Incomplete is only flagged on save.
    expect(errorFor('person-cedula')?.hidden).toBe(false);
    expect(await stored('session', 'people')).toBeUndefined();
  });

  it('adds two people in session storage, switches in one action, edits and deletes after confirming', async () => {
    await open();
    await addPerson({ label: 'Para mí', cedula: VALID_CEDULA });
    await addPerson({ label: 'Mamá', cedula: VALID_CEDULA_2 });
    const people = (await stored('session', 'people')) as { activeId: string; list: { id: string; label: string }[] };
    expect(people.list.map((p) => p.label)).toEqual(['Para mí', 'Mamá']);
    // The newest is the one being helped.
    expect(people.activeId).toBe(people.list[1]!.id);
    expect(await stored('local', 'people')).toBeUndefined();
    expect($('#preflight-heading')?.textContent).toBe('Antes de empezar: Mamá');

    const radios = $$<HTMLInputElement>('input[name="active-person"]');
    expect(radios.map((r) => r.checked)).toEqual([false, true]);
    await click(radios[0]!);
    expect(((await stored('session', 'people')) as { activeId: string }).activeId).toBe(people.list[0]!.id);
    expect($('#preflight-heading')?.textContent).toBe('Antes de empezar: Para mí');

    await click(button('Cambiar') ?? $$('button').find((b) => b.getAttribute('aria-label') === 'Cambiar los datos de Mamá')!);
    expect($<HTMLInputElement>('#person-label')?.value).toBe('Para mí');
    await type('#person-label', 'Yo');
    await click(button('Guardar'));
    expect($$('[data-person]').map((li) => li.getAttribute('data-person'))).toEqual(['Yo', 'Mamá']);

    // Focus follows: back to the edit button it came from.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Cambiar los datos de Yo');
    const remove = $$<HTMLButtonElement>('button').find((b) => b.getAttribute('aria-label') === 'Quitar a Mamá')!;
    await click(remove);
    expect(container.textContent).toContain('¿Quitar a Mamá y sus marcas?');
    expect(document.activeElement?.hasAttribute('data-confirm-question')).toBe(true);
    await click(button('Cancelar'));
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Quitar a Mamá');
    expect($$('[data-person]')).toHaveLength(2);
    await click($$<HTMLButtonElement>('button').find((b) => b.getAttribute('aria-label') === 'Quitar a Mamá')!);
    await click(button('Sí, quitar'));
    expect($$('[data-person]').map((li) => li.getAttribute('data-person'))).toEqual(['Yo']);
    expect(document.activeElement?.textContent).toBe('Agregar una persona');
  });

  it('while the store is still reading, claims neither a list nor "nobody yet"; once it answers, shows who is there', async () => {
    await fakeBrowser.storage.session.set({ people: { activeId: 'a', list: [{ id: 'a', label: 'Mamá' }] } });
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const slow = { ...pagesStore, loadPeople: () => answered.then(() => pagesStore.loadPeople()) };
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Popup store={slow} />, container));
    await flush();
    const section = $('section[aria-labelledby="people-heading"]')!;
    expect(section.getAttribute('aria-busy')).toBe('true');
    expect($$('[data-person]')).toHaveLength(0);
    expect(section.textContent).not.toContain('Aún no agregó a nadie');
    expect(section.querySelector('button')).toBeNull();
    answer();
    await flush();
    expect(section.getAttribute('aria-busy')).toBe('false');
    expect($$('[data-person]').map((li) => li.getAttribute('data-person'))).toEqual(['Mamá']);
  });

  it('ticks per person with a readiness summary, and the other person keeps their own', async () => {
    await open();
    await addPerson({ label: 'Para mí' });
    await addPerson({ label: 'Mamá' });
    expect($('.readiness')?.textContent).toBe('0 de 8 listos');
    await click($<HTMLInputElement>('#pf-id-number')!);
    await click($<HTMLInputElement>('#pf-email-open')!);
    expect($('.readiness')?.textContent).toBe('2 de 8 listos');
    expect($('[data-person="Mamá"] .person-ready')?.textContent).toBe('2 de 8 listos');
    expect($('[data-person="Para mí"] .person-ready')?.textContent).toBe('0 de 8 listos');
    // Another flow: the same facts count, the list changes.
    await click($$<HTMLInputElement>('input[name="pf-flow"]').find((r) => r.value === 'unlock')!);
    expect($('.preflight')?.getAttribute('data-flow')).toBe('unlock');
    expect($('.readiness')?.textContent).toBe('2 de 5 listos');
    expect($('[data-item="fingerprint"] details summary')?.textContent).toBe('¿Y si no lo tengo?');
    await click($$<HTMLInputElement>('input[name="active-person"]')[0]!);
    expect($('.readiness')?.textContent).toBe('0 de 5 listos');
  });

  it('"Recordar en este equipo" moves the people to storage.local and back, and says what it means', async () => {
    await open();
    await addPerson({ label: 'Mamá', cedula: VALID_CEDULA });
    expect($('#remember-hint')?.textContent).toContain('se borran solas al cerrar el navegador');
    await click($<HTMLInputElement>('#remember')!);
    expect(await stored('session', 'people')).toBeUndefined();
    expect(await stored('local', 'people')).toMatchObject({ list: [{ label: 'Mamá', cedula: VALID_CEDULA }] });
    expect(await stored('local', OPTIONS.key)).toMatchObject({ rememberPeople: true });
    expect($('#remember-hint')?.textContent).toContain('quedan guardadas en este equipo');
    // Edits now go to the remembered copy.
    await addPerson({ label: 'Papá' });
    expect(((await stored('local', 'people')) as { list: unknown[] }).list).toHaveLength(2);
    await click($<HTMLInputElement>('#remember')!);
    expect(await stored('local', 'people')).toBeUndefined();
    expect(((await stored('session', PEOPLE_SESSION.key)) as { list: unknown[] }).list).toHaveLength(2);
    expect($$('[data-person]')).toHaveLength(2);
  });
});

describe('Popup: what was clicked stays shown while the store writes it', () => {
  /** A store whose `method` waits for release() while `hold` is on. */
  function holding<K extends 'setRemember' | 'updatePeople'>(method: K) {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const control = { hold: false, release: () => release() };
    const original = pagesStore[method] as (...args: unknown[]) => Promise<unknown>;
    const store = { ...pagesStore, [method]: (...args: unknown[]) => (control.hold ? held.then(() => original(...args)) : original(...args)) };
    return { store: store as typeof pagesStore, control };
  }
  async function openWith(store: typeof pagesStore): Promise<void> {
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Popup store={store} />, container));
    await flush();
  }
  /** Another context writes the people as they are stored: the popup reads them again and re-renders. */
  const rewritePeople = async () => {
    await fakeBrowser.storage.session.set({ [PEOPLE_SESSION.key]: await stored('session', PEOPLE_SESSION.key) });
    await flush();
  };

  it('the remember box stays ticked while the people move to storage.local', async () => {
    const { store, control } = holding('setRemember');
    await openWith(store);
    await addPerson({ label: 'Mamá' });
    control.hold = true;
    const box = $<HTMLInputElement>('#remember')!;
    await click(box);
    expect(box.checked).toBe(true);
    await rewritePeople();
    expect(box.checked).toBe(true);
    control.release();
    await flush();
    expect(box.checked).toBe(true);
    expect(await stored('local', OPTIONS.key)).toMatchObject({ rememberPeople: true });
  });

  it('a tick stays ticked while it is written, though a read of the people from before it answers meanwhile', async () => {
    const { store, control } = holding('updatePeople');
    await openWith(store);
    await addPerson({ label: 'Mamá' });
    control.hold = true;
    const box = $<HTMLInputElement>('#pf-id-number')!;
    await click(box);
    expect(box.checked).toBe(true);
    await rewritePeople();
    expect(box.checked).toBe(true);
    expect($('.readiness')?.textContent).toBe('1 de 8 listos');
    control.release();
    await flush();
    expect(box.checked).toBe(true);
    expect(await stored('session', PEOPLE_SESSION.key)).toMatchObject({ list: [{ label: 'Mamá', preflight: { 'id-number': true } }] });
  });
});

describe('Popup: the active tab', () => {
  it.each([
    ['https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/', 'official'],
    ['http://app.iess.gob.ec/x', 'insecure'],
    ['https://iess-gob-ec.com/clave', 'lookalike'],
    ['https://iess.gob.ec.example.com/', 'lookalike'],
    ['https://\u0456ess.gob.ec/', 'lookalike'],
    ['https://www.example.org/', 'not-iess'],
    ['chrome://newtab/', 'unknown'],
  ])('%s → %s', async (url, verdict) => {
    fakeControl.tabs = [{ id: 4, url }];
    await open();
    expect($('.site')?.getAttribute('data-verdict')).toBe(verdict);
    expect($('.site')?.textContent).not.toMatch(/^\s*$/);
  });

  it('shows the detected step and flow, and hides or shows the guide on that portal site', async () => {
    fakeControl.tabs = [{ id: 5, url: 'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf' }];
    await fakeBrowser.storage.session.set({ 'step:5': { step: 'identity', flow: 'unlock', at: 1 } });
    await open();
    expect($('.tab-step')?.getAttribute('data-step')).toBe('identity');
    expect($('.tab-step')?.textContent).toContain('Desbloqueo');
    // The checklist follows the tab's flow.
    expect($('.preflight')?.getAttribute('data-flow')).toBe('unlock');
    expect(container.textContent).toContain('La guía se muestra en app.iess.gob.ec.');
    await click(button('Ocultar la guía en este sitio'));
    expect(((await stored('local', SETTINGS_KEY)) as { hiddenHosts: string[] }).hiddenHosts).toEqual(['app.iess.gob.ec']);
    expect(container.textContent).toContain('La guía está oculta en app.iess.gob.ec.');
    await click(button('Mostrar la guía en este sitio'));
    expect(((await stored('local', SETTINGS_KEY)) as { hiddenHosts: string[] }).hiddenHosts).toEqual([]);
  });

  it('with a side column and shortcuts (the fake is Chrome-shaped), offers "Guía al lado" and names the shortcuts', async () => {
    fakeControl.tabs = [{ id: 5, url: 'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf' }];
    await fakeBrowser.storage.session.set({ 'step:5': { step: 'identity', flow: 'unlock', at: 1 } });
    await open();
    expect($('[data-action="open-side"]')).not.toBeNull();
    expect($('.shortcuts')).not.toBeNull();
    // The guide itself lives in the side column there, not in the popup.
    expect($('[data-popup-step]')).toBeNull();
  });

  it('on a phone (no side column, no shortcuts) offers neither, and carries the step guide with its checklist', async () => {
    fakeControl.tabs = [{ id: 5, url: 'https://app.iess.gob.ec/iess-gestion-desbloqueo-clave-web/public/desbloquearClave.jsf' }];
    await fakeBrowser.storage.session.set({ 'step:5': { step: 'identity', flow: 'unlock', at: 1 } });
    const { sidePanel: _p, commands: _c, ...phone } = fakeBrowser;
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<Popup store={createPagesStore(phone)} />, container));
    await flush();
    expect($('[data-action="open-side"]')).toBeNull();
    expect($('.shortcuts')).toBeNull();
    expect($('[data-popup-step]')?.getAttribute('data-popup-step')).toBe('identity');
    expect($('#step-guide-title')?.textContent?.trim()).toBeTruthy();
    expect($('.step-guide .cg-wants')?.textContent?.trim()).toBeTruthy();
    // Ticking an item there saves it for that tab, where the overlay reads it.
    const box = $<HTMLInputElement>('.step-guide .cg-checklist input[type="checkbox"]')!;
    await click(box);
    const saved = (await fakeBrowser.storage.session.get(null)) as Record<string, unknown>;
    const ticks = Object.entries(saved).find(([key]) => key.startsWith('ticks:5'))?.[1] as Record<string, boolean> | undefined;
    expect(ticks && Object.values(ticks)).toContain(true);
  });

  it('offers no guide control on a site that is not the portal', async () => {
    fakeControl.tabs = [{ id: 6, url: 'https://www.example.org/' }];
    await open();
    expect($('[data-action="toggle-guide-here"]')).toBeNull();
  });
});

describe('Popup: erase everything', () => {
  it('asks first; cancel keeps everything; confirming erases both areas through the background and says so', async () => {
    createBackground(fakeBrowser).start();
    fakeControl.tabs = [{ id: 3, url: 'https://app.iess.gob.ec/x' }];
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { dock: 'left', collapsed: true, hiddenHosts: ['app.iess.gob.ec'] } });
    await fakeBrowser.storage.session.set({ 'ticks:7': { 'identity.id': true } });
    await open();
    await addPerson({ label: 'Mamá', cedula: VALID_CEDULA });
    const status = $('p.status')!;
    await click(button('Olvidar todo'));
    expect($('#erase-confirm')?.textContent).toContain('¿Olvidar todo?');
    expect(document.activeElement?.id).toBe('erase-confirm');
    await click(button('Cancelar'));
    expect(await stored('session', 'people')).toBeDefined();
    expect(document.activeElement?.getAttribute('data-action')).toBe('erase');

    await click(button('Olvidar todo'));
    await click(button('Sí, olvidar todo'));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    expect(status.textContent).toBe('Listo: ClaveGuía ya no guarda nada.');
    expect($$('[data-person]')).toHaveLength(0);
    expect(container.textContent).toContain('La guía se muestra en todas las páginas del IESS.');
    expect(fakeControl.sentToTabs).toContainEqual({ tabId: 3, message: { type: 'data:erased' } });
  });

  it('says so when the erase could not be confirmed, and claims nothing', async () => {
    // No background is listening: nothing answers the request.
    await open();
    await click(button('Olvidar todo'));
    await click(button('Sí, olvidar todo'));
    expect($('p.status')!.textContent).toBe('No se pudo borrar. Cierre esta ventana y vuelva a intentarlo.');
  });
});

describe('Popup: language override', () => {
  it('follows the options page: English when forced, whatever the browser says', async () => {
    await fakeBrowser.storage.local.set({ schemaVersion: 2, options: { language: 'en' } });
    await pagesStore.loadOptions();
    await open();
    expect($('#people-heading')?.textContent).toBe('People you are helping');
    expect($('.tagline')?.textContent).toContain('Not made by the IESS');
    expect(document.documentElement.lang).toBe('en');
  });
});
