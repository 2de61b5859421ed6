import '../../../src/i18n/catalogues';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../src/overlay/controller';
import type { Overlay } from '../../../src/overlay/services';
import { HOST_ATTRIBUTE } from '../../../src/page/marker';
import { detection, fakeServices, flush, text } from './helpers';

let overlay: Overlay | null = null;
afterEach(() => {
  overlay?.destroy();
  overlay = null;
});

function start(openSide: () => Promise<boolean>, initiallyOpen = false, available = true) {
  const { services } = fakeServices({ settings: { collapsed: true } });
  const withSide = { ...services, openSide: vi.fn(openSide), sideOpen: vi.fn(async () => ({ open: initiallyOpen, showing: null, available })) };
  overlay = createOverlay(document, withSide, { shadowMode: 'open' });
  overlay.start();
  overlay.update(detection({ step: 'identity' }));
  const host = () => document.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE}]`)!;
  const $ = (selector: string) => host().shadowRoot!.querySelector<HTMLElement>(selector);
  return { withSide, host, $ };
}

describe('the overlay and the side area', () => {
  it('offers "Guía al lado" beside the pill, and asks the browser to open it on click', async () => {
    const { withSide, $ } = start(async () => true);
    await flush();
    expect($('[data-action="expand"]')).not.toBeNull();
    const button = $('[data-action="side"]')!;
    // The accessible name starts with the visible words (WCAG 2.5.3).
    expect(text(button).startsWith('Guía al lado')).toBe(true);
    button.click();
    await flush();
    expect(withSide.openSide).toHaveBeenCalledTimes(1);
    expect($('[data-cg-side-hint]')).toBeNull();
  });

  it('where the browser has no side column (Firefox for Android), offers no button for it, in the pill or the panel', async () => {
    const { $ } = start(async () => false, false, false);
    await flush();
    expect($('[data-action="expand"]')).not.toBeNull();
    expect($('[data-action="side"]')).toBeNull();
    $('[data-action="expand"]')!.click();
    await flush();
    expect($('.cg-panel')).not.toBeNull();
    expect($('[data-action="side"]')).toBeNull();
  });

  it('where a page click cannot open it (Firefox), says how, in words and in the live region', async () => {
    const { $ } = start(async () => false);
    await flush();
    $('[data-action="side"]')!.click();
    await flush();
    expect(text($('[data-cg-side-hint]'))).toContain('Alt+Mayús+L');
    // Spoken once the region has settled after mounting (announcer.ts).
    await vi.waitFor(() => expect(text($('[role="status"]'))).toContain('Alt+Mayús+L'), { timeout: 3_000 });
  });

  it('with the guide open beside the page, keeps nothing in the page but what sits by the fields', async () => {
    const { host, $ } = start(async () => true, true);
    await flush();
    expect(host().getAttribute('data-claveguia-side')).toBe('open');
    expect($('[data-action="expand"]')).toBeNull();
    expect($('.cg-panel')).toBeNull();
    // The step is still on the host for QA, and the side area's own step when it says so.
    expect(host().getAttribute('data-claveguia-step')).toBe('identity');
    overlay!.setSide({ open: true, showing: 'identity', available: true });
    await flush();
    expect(host().getAttribute('data-claveguia-side-step')).toBe('identity');
    // Closed again: the pill comes back.
    overlay!.setSide({ open: false, showing: null, available: true });
    await flush();
    expect(host().getAttribute('data-claveguia-side')).toBe('closed');
    expect(host().hasAttribute('data-claveguia-side-step')).toBe(false);
    expect($('[data-action="expand"]')).not.toBeNull();
  });
});
