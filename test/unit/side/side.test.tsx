import '../../../src/i18n/catalogues';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../../src/background/background';
import { setLanguage } from '../../../src/i18n/t';
import { Side } from '../../../src/side/Side';
import { createSideStore } from '../../../src/side/store';
import { PEOPLE_SESSION } from '../../../src/storage/people';
import { CONTENT_SENDER, fakeBrowser, fakeControl } from '../fakes/browser';
import { settle } from '../fakes/settle';

const flush = () =>
  act(async () => {
    await settle();
  });

let container: HTMLElement | null = null;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = null;
  setLanguage('auto');
});
const $ = (selector: string) => container!.querySelector<HTMLElement>(selector);
/** The step the side area shows, once it settles on `want` (its loads chain several storage reads). */
const shows = (want: string) =>
  vi.waitFor(async () => {
    await flush();
    expect($('[data-side-step]')?.getAttribute('data-side-step')).toBe(want);
  });
const text = (selector: string) => ($(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The background (which keeps each tab's step) with a content script in tab `tabId` reporting `step`. */
async function pageShows(tabId: number, step: string, alerts: string[] = []) {
  fakeControl.sender = { ...CONTENT_SENDER, tab: { id: tabId, windowId: 7 } };
  await fakeBrowser.runtime.sendMessage({ type: 'page:step', step, flow: 'recover', alerts });
}

async function open() {
  container = document.body.appendChild(document.createElement('div'));
  act(() => render(<Side store={createSideStore(fakeBrowser)} />, container!));
  await flush();
}

describe('the side area', () => {
  it('shows the active tab’s step: title and what to do now first, then the alert’s advice and the checklist', async () => {
    const background = createBackground(fakeBrowser);
    background.start();
    fakeControl.tabs = [{ id: 1, windowId: 7 }];
    await pageShows(1, 'verification', ['data-mismatch']);
    await open();
    await shows('verification');
    const main = $('main')!;
    const first = [...main.children].slice(0, 3).map((el) => el.getAttribute('data-side') ?? el.className);
    expect(first).toEqual(['cg-flow', 'title', 'action']);
    expect(text('[data-side="title"]')).not.toBe('');
    expect(text('[data-side="action"]')).not.toBe('');
    expect($('[data-alert="data-mismatch"]')).not.toBeNull();
    // It told the background it is open in window 7, showing this step (overlays there stay a pill).
    expect(background.side.status(7)).toEqual({ open: true, showing: 'verification', available: true });

    // Ticking the checklist keeps the tick for that tab, where the overlay reads it.
    const box = $('[data-section="side-checklist"] input[type="checkbox"]') as HTMLInputElement;
    await act(async () => box.click());
    await flush();
    const ticks = Object.values((await fakeBrowser.storage.session.get('ticks:1'))['ticks:1'] as Record<string, boolean>);
    expect(ticks).toContain(true);
  });

  it('follows the page as it changes step, and the person to another tab', async () => {
    const background = createBackground(fakeBrowser);
    background.start();
    fakeControl.tabs = [{ id: 1, windowId: 7 }];
    await pageShows(1, 'identity');
    await open();
    await shows('identity');
    await pageShows(1, 'code');
    await flush();
    await shows('code');

    // A tab with no recovery page: how to start, the official links, and the pre-flight checklist open.
    await act(async () => void fakeControl.activateTab(2, 7));
    await flush();
    await shows('none');
    expect(text('[data-side="title"]')).toBe('Abra la página oficial del IESS');
    expect(container!.querySelectorAll('a[data-link]').length).toBeGreaterThan(0);
    expect(($('.side-preflight') as HTMLDetailsElement).open).toBe(true);
    expect(background.side.status(7)).toEqual({ open: true, showing: null, available: true });
    // Another window's tab changes nothing here.
    await act(async () => void fakeControl.activateTab(1, 8));
    for (let i = 0; i < 5; i++) await flush();
    expect($('[data-side-step]')!.getAttribute('data-side-step')).toBe('none');
  });

  it('names the person being helped by label only, and ticks their pre-flight checklist', async () => {
    createBackground(fakeBrowser).start();
    fakeControl.tabs = [{ id: 1, windowId: 7 }];
    await fakeBrowser.storage.session.set({
      [PEOPLE_SESSION.key]: { activeId: 'p1', list: [{ id: 'p1', label: 'Mamá', cedula: '1712345600', preflight: {} }] },
    });
    await open();
    expect(text('[data-cg-person]')).toBe('Ayudando a: Mamá');
    expect(container!.textContent).not.toContain('1712345600');
    const item = $('.side-preflight input[type="checkbox"]') as HTMLInputElement;
    await act(async () => item.click());
    await flush();
    const people = (await fakeBrowser.storage.session.get(PEOPLE_SESSION.key))[PEOPLE_SESSION.key] as { list: { preflight: Record<string, boolean> }[] };
    expect(Object.values(people.list[0]!.preflight)).toEqual([true]);
  });
});
