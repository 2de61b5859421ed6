import '../../../src/i18n/catalogues';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../src/overlay/controller';
import type { Overlay } from '../../../src/overlay/services';
import { HOST_ATTRIBUTE } from '../../../src/page/marker';
import { setLanguage } from '../../../src/i18n/t';
import { detection, fakeServices, flush, text } from './helpers';

let overlay: Overlay | null = null;
afterEach(() => {
  overlay?.destroy();
  overlay = null;
  setLanguage('auto');
});

function start(label: () => Promise<string | null>) {
  const { services } = fakeServices();
  const withPerson = { ...services, activePersonLabel: vi.fn(label) };
  overlay = createOverlay(document, withPerson, { shadowMode: 'open' });
  overlay.start();
  overlay.update(detection({ step: 'identity' }));
  const root = () => document.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE}]`)!.shadowRoot!;
  return { withPerson, line: () => root().querySelector('[data-cg-person]') };
}

describe('the overlay names the person being helped (label only)', () => {
  it('shows "Ayudando a: <label>" and follows a switch', async () => {
    let label: string | null = 'Mamá';
    const { withPerson, line } = start(async () => label);
    await flush();
    expect(text(line())).toBe('Ayudando a: Mamá');
    label = 'Tío <b>Luis</b>';
    overlay!.refreshPerson();
    await flush();
    // Rendered as text, never as markup.
    expect(text(line())).toBe('Ayudando a: Tío <b>Luis</b>');
    expect(line()!.querySelector('b')).toBeNull();
    expect(withPerson.activePersonLabel).toHaveBeenCalledTimes(2);
    label = null;
    overlay!.refreshPerson();
    await flush();
    expect(line()).toBeNull();
  });

  it('re-renders in the forced language and drops the name on "Olvidar todo"', async () => {
    const { line } = start(async () => 'Mum');
    await flush();
    setLanguage('en');
    overlay!.refreshPerson();
    await flush();
    expect(text(line())).toBe('Helping: Mum');
    overlay!.forget();
    await flush();
    expect(line()).toBeNull();
  });

  it('names nobody when the answer fails', async () => {
    const { line } = start(() => Promise.reject(new Error('context invalidated')));
    await flush();
    expect(line()).toBeNull();
  });
});
