import '../../../src/i18n/catalogues';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../../../src/flow/durations';
import { setLanguage, t } from '../../../src/i18n/t';
import { OptionsPage } from '../../../src/options/Options';
import { pagesStore } from '../../../src/ui/pages-store';
import { OPTIONS } from '../../../src/storage/options';
import { fakeBrowser, fakeControl } from '../fakes/browser';
import { settle } from '../fakes/settle';

const flush = () =>
  act(async () => {
    await settle();
  });
let container: HTMLElement;
const $ = <E extends Element = HTMLElement>(s: string) => container.querySelector<E>(s);
const $$ = <E extends Element = HTMLElement>(s: string) => [...container.querySelectorAll<E>(s)];
const options = async () => (await fakeBrowser.storage.local.get(OPTIONS.key))[OPTIONS.key] as Record<string, unknown> | undefined;
const click = async (el: HTMLElement) => {
  await act(async () => el.click());
  await flush();
};
const change = async (selector: string, value: string) => {
  const input = $<HTMLInputElement>(selector)!;
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await flush();
};

async function open(): Promise<void> {
  container = document.body.appendChild(document.createElement('div'));
  act(() => render(<OptionsPage store={pagesStore} />, container));
  await flush();
}

afterEach(() => {
  render(null, container);
  container.remove();
  setLanguage('auto');
});

describe('Options page', () => {
  it('switches the language for every context: English, then the browser again', async () => {
    await open();
    expect($('h1')?.textContent).toBe('Opciones de ClaveGuía');
    await click($$<HTMLInputElement>('input[name="language"]').find((r) => r.value === 'en')!);
    expect(await options()).toMatchObject({ language: 'en' });
    expect($('h1')?.textContent).toBe('ClaveGuía options');
    expect(t('flowUnlock')).not.toBe('Desbloqueo de clave');
    expect(document.documentElement.lang).toBe('en');
    await click($$<HTMLInputElement>('input[name="language"]').find((r) => r.value === 'auto')!);
    expect($('h1')?.textContent).toBe('Opciones de ClaveGuía');
  });

  it('says it is busy until the store has answered, then shows the stored choices and marks them read', async () => {
    await fakeBrowser.storage.local.set({ [OPTIONS.key]: { language: 'en' } });
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const slow = { ...pagesStore, loadOptions: () => answered.then(() => pagesStore.loadOptions()) };
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<OptionsPage store={slow} />, container));
    await flush();
    const main = $('main')!;
    expect(main.getAttribute('aria-busy')).toBe('true');
    expect(main.getAttribute('data-options-read')).toBe('false');
    expect($<HTMLInputElement>('input[name="language"]:checked')?.value).toBe('auto');
    answer();
    await flush();
    expect(main.getAttribute('aria-busy')).toBe('false');
    expect(main.getAttribute('data-options-read')).toBe('true');
    expect($<HTMLInputElement>('input[name="language"]:checked')?.value).toBe('en');
  });

  it('shows a choice as made while the store writes it, though the page re-renders meanwhile', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = { ...pagesStore, saveOptions: (change: Parameters<typeof pagesStore.saveOptions>[0]) => held.then(() => pagesStore.saveOptions(change)) };
    container = document.body.appendChild(document.createElement('div'));
    act(() => render(<OptionsPage store={slow} />, container));
    await flush();
    const english = $$<HTMLInputElement>('input[name="language"]').find((r) => r.value === 'en')!;
    await click(english);
    // Another context changes the people: the page reads them again and re-renders before the choice is stored.
    await fakeBrowser.storage.session.set({ people: { activeId: 'a', list: [{ id: 'a', label: 'Mamá' }] } });
    await flush();
    expect(english.checked).toBe(true);
    release();
    await flush();
    expect(english.checked).toBe(true);
    expect(await options()).toMatchObject({ language: 'en' });
  });

  it('keeps each flow link validity within the bounds, and says so on nonsense', async () => {
    await open();
    expect($<HTMLInputElement>('#validity-recover')?.value).toBe('15');
    expect($<HTMLInputElement>('#validity-unlock')?.value).toBe('3');
    await change('#validity-unlock', '45');
    expect(await options()).toMatchObject({ linkValidityMs: { unlock: 30 * MINUTE_MS } });
    expect($<HTMLInputElement>('#validity-unlock')?.value).toBe('30');
    await change('#validity-employer', '4,5');
    expect(await options()).toMatchObject({ linkValidityMs: { unlock: 30 * MINUTE_MS, employer: 4.5 * MINUTE_MS } });
    await change('#validity-recover', 'abc');
    expect($('#validity-recover-error')?.hidden).toBe(false);
    expect($('#validity-recover')?.getAttribute('aria-invalid')).toBe('true');
    expect(((await options())?.linkValidityMs as Record<string, number>).recover).toBeUndefined();
  });

  it('stores the key-length rule only when it makes sense', async () => {
    await open();
    expect($<HTMLInputElement>('#key-min')?.value).toBe('6');
    await change('#key-max', '12');
    expect(await options()).toMatchObject({ keyMinLength: 6, keyMaxLength: 12 });
    await change('#key-min', '20');
    expect($('#key-error')?.hidden).toBe(false);
    expect(await options()).toMatchObject({ keyMinLength: 6, keyMaxLength: 12 });
  });

  it('asks for the optional notifications permission when turned on, and stays off when refused', async () => {
    fakeControl.grantNext = false;
    await open();
    await click($<HTMLInputElement>('#notifications')!);
    expect(await options()).toMatchObject({ notifications: false });
    expect($<HTMLInputElement>('#notifications')?.checked).toBe(false);
    expect($('p.status')?.textContent).toContain('no dio permiso');
    fakeControl.grantNext = true;
    await click($<HTMLInputElement>('#notifications')!);
    expect(fakeControl.granted.has('notifications')).toBe(true);
    expect(await options()).toMatchObject({ notifications: true });
    await click($<HTMLInputElement>('#notifications')!);
    expect(await options()).toMatchObject({ notifications: false });
  });

  it('data retention moves the people between the areas', async () => {
    await fakeBrowser.storage.session.set({ people: { activeId: 'a', list: [{ id: 'a', label: 'Mamá' }] } });
    await open();
    await click($$<HTMLInputElement>('input[name="retention"]').find((r) => r.value === 'local')!);
    expect((await fakeBrowser.storage.local.get('people')).people).toMatchObject({ list: [{ label: 'Mamá' }] });
    expect((await fakeBrowser.storage.session.get('people')).people).toBeUndefined();
    await click($$<HTMLInputElement>('input[name="retention"]').find((r) => r.value === 'session')!);
    expect((await fakeBrowser.storage.session.get('people')).people).toMatchObject({ list: [{ label: 'Mamá' }] });
  });

  it('holds the same pre-flight checklist for the active person, to keep beside the portal', async () => {
    await fakeBrowser.storage.session.set({
      people: { activeId: 'b', list: [{ id: 'a', label: 'Yo' }, { id: 'b', label: 'Mamá', preflight: { 'id-number': true } }] },
    });
    await open();
    expect($('#preflight-heading')?.textContent).toBe('Antes de empezar: Mamá');
    expect($('.readiness')?.textContent).toBe('1 de 8 listos');
    await click($<HTMLInputElement>('#opf-phone')!);
    expect((await fakeBrowser.storage.session.get('people')).people).toMatchObject({
      list: [{ id: 'a' }, { id: 'b', preflight: { 'id-number': true, phone: true } }],
    });
    await click($$<HTMLInputElement>('input[name="options-person"]')[0]!);
    expect($('#preflight-heading')?.textContent).toBe('Antes de empezar: Yo');
    expect($('.readiness')?.textContent).toBe('0 de 8 listos');
  });

  it('bad stored options never break the page', async () => {
    await fakeBrowser.storage.local.set({ schemaVersion: 2, options: { language: 7, keyMinLength: 'a', linkValidityMs: [1] } });
    await open();
    expect($('h1')?.textContent).toBe('Opciones de ClaveGuía');
    expect($$<HTMLInputElement>('input[name="language"]').find((r) => r.checked)?.value).toBe('auto');
  });
});
