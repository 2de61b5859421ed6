import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../src/overlay/controller';
import { LIVE_SETTLE_MS } from '../../../src/overlay/announcer';
import { HOST_ATTRIBUTE } from '../../../src/page/marker';
import { detection, fakeServices, flush, mount, pageInput, placeAt, text, type Mounted } from './helpers';

let current: Mounted | null = null;
afterEach(() => {
  current?.overlay.destroy();
  current = null;
  document.body.replaceChildren();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('live region', () => {
  /** Mounts with fake timers and records every non-empty text the live region ever holds. */
  async function mountListening() {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { services } = fakeServices();
    const overlay = createOverlay(document, services, { shadowMode: 'open' });
    overlay.start();
    const host = document.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE}]`)!;
    const region = host.shadowRoot!.querySelector('[role="status"]')!;
    const spoken: string[] = [];
    const observer = new MutationObserver(() => {
      const words = text(region);
      if (words) spoken.push(words);
    });
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    const settle = async (ms = 0) => {
      await vi.advanceTimersByTimeAsync(ms);
      await flush();
    };
    return { overlay, host, region, spoken, settle, stop: () => observer.disconnect() };
  }

  it('exists, empty and polite, from mount, before anything is said', async () => {
    const { overlay, region, spoken, settle, stop } = await mountListening();
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.getAttribute('aria-atomic')).toBe('true');
    expect(text(region)).toBe('');

    overlay.update(detection({ step: 'identity' }));
    await settle();
    expect(text(region)).toBe(''); // still settling: the region must be known before it speaks
    await settle(LIVE_SETTLE_MS);
    expect(spoken).toEqual(['Guía: Identifíquese con su cédula']);
    stop();
    overlay.destroy();
  });

  it('speaks only step changes and new alerts, never the same thing twice', async () => {
    const { overlay, spoken, settle, stop } = await mountListening();
    overlay.update(detection({ step: 'identity' }));
    await settle(LIVE_SETTLE_MS);

    overlay.update(detection({ step: 'identity', confidence: 0.95, signals: ['other signal'] }));
    await settle(1000);
    expect(spoken).toEqual(['Guía: Identifíquese con su cédula']);

    overlay.update(detection({ step: 'identity', alerts: ['captcha-error'] }));
    await settle();
    overlay.update(detection({ step: 'identity', alerts: ['captcha-error'] }));
    await settle(1000);
    expect(spoken).toEqual(['Guía: Identifíquese con su cédula', 'Aviso: Falta marcar «No soy un robot»']);

    overlay.update(detection({ step: 'verification' }));
    await settle(1000);
    expect(spoken.at(-1)).toBe('Guía: Confirme sus datos y responda las preguntas');

    // The CAPTCHA fails again later: that is news again.
    overlay.update(detection({ step: 'verification', alerts: ['captcha-error'] }));
    await settle(1000);
    expect(spoken.at(-1)).toBe('Aviso: Falta marcar «No soy un robot»');
    expect(spoken).toHaveLength(4);
    stop();
    overlay.destroy();
  });

  it('does not speak while hidden, and says nothing for ticks or layout changes', async () => {
    const { overlay, host, spoken, settle, stop } = await mountListening();
    overlay.update(detection({ step: 'none' }));
    await settle(1000);
    expect(spoken).toEqual([]);
    overlay.update(detection({ step: 'code' }));
    await settle(1000);
    expect(spoken).toEqual(['Guía: Escriba el código del correo']);
    host.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    host.shadowRoot!.querySelector<HTMLElement>('[data-action="dock"]')!.click();
    await settle(1000);
    expect(spoken).toHaveLength(1);
    stop();
    overlay.destroy();
  });

  it('asks the picker question once when unsure', async () => {
    const { overlay, spoken, settle, stop } = await mountListening();
    const unsure = detection({ step: 'none', candidates: [{ step: 'terms', score: 0.5 }] });
    overlay.update(unsure);
    overlay.update(unsure);
    await settle(1000);
    expect(spoken).toEqual(['Guía: ¿en qué paso está?']);
    stop();
    overlay.destroy();
  });
});

describe('keyboard', () => {
  it('keeps keydown, keyup and keypress inside the overlay', async () => {
    current = await mount({}, detection());
    const seen: string[] = [];
    const listener = (event: Event) => seen.push(event.type);
    for (const type of ['keydown', 'keyup', 'keypress']) {
      document.addEventListener(type, listener);
      window.addEventListener(type, listener);
    }
    const button = current.$('[data-action="dock"]')!;
    for (const type of ['keydown', 'keyup', 'keypress']) {
      button.dispatchEvent(new KeyboardEvent(type, { key: 'a', bubbles: true, composed: true }));
    }
    expect(seen).toEqual([]);
    // The page's own typing is untouched.
    const input = pageInput('cedula');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true, composed: true }));
    expect(seen).toEqual(['keydown', 'keydown']);
    for (const type of ['keydown', 'keyup', 'keypress']) {
      document.removeEventListener(type, listener);
      window.removeEventListener(type, listener);
    }
  });

  it('Escape collapses the panel and returns focus to the page element that had it', async () => {
    const input = pageInput('cedula');
    current = await mount({}, detection());
    input.focus();
    current.overlay.toggleFocus();
    expect(document.activeElement).toBe(current.host);
    const inside = current.root.activeElement!;
    inside.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await flush();
    expect(current.$('[data-action="expand"]')).not.toBeNull();
    expect(current.services.saveSettings).toHaveBeenLastCalledWith({ collapsed: true });
    expect(document.activeElement).toBe(input);
  });

  it('toggleFocus moves focus to the panel heading and back to the page', async () => {
    const input = pageInput('cedula');
    current = await mount({}, detection({ step: 'identity' }));
    input.focus();
    current.overlay.toggleFocus();
    expect(document.activeElement).toBe(current.host);
    expect(current.root.activeElement).toBe(current.$('h2'));
    current.overlay.toggleFocus();
    expect(document.activeElement).toBe(input);
  });

  it('toggleFocus reaches the pill when collapsed, and shows a hidden overlay first', async () => {
    current = await mount({ settings: { collapsed: true } }, detection());
    current.overlay.toggleVisibility();
    expect(current.host.hidden).toBe(true);
    current.overlay.toggleFocus();
    expect(current.host.hidden).toBe(false);
    expect(current.root.activeElement).toBe(current.$('[data-action="expand"]'));
  });

  it('every control is a native button, link or checkbox (reachable with Tab)', async () => {
    current = await mount({}, detection({ step: 'change-key', alerts: ['account-blocked'] }));
    await (current.$('[data-action="qa"]') as HTMLElement).click();
    await flush();
    const clickable = current.$$('[data-action], [data-pick], a, input');
    expect(clickable.length).toBeGreaterThan(5);
    for (const element of clickable) {
      expect(['BUTTON', 'A', 'INPUT']).toContain(element.tagName);
      expect(element.getAttribute('tabindex')).not.toBe('-1');
    }
    for (const button of current.$$('button')) {
      const name = button.getAttribute('aria-label') ?? text(button);
      expect(name.length, button.outerHTML).toBeGreaterThan(2);
    }
  });
});

describe('never covering the portal\'s fields', () => {
  // happy-dom's window is 1024 × 768; the panel defaults to 340 px wide at the right edge.
  it('moves to the other side when the focused field is under the panel, and comes back after', async () => {
    current = await mount({}, detection());
    expect(current.host.getAttribute('data-claveguia-dock')).toBe('right');
    const underPanel = pageInput('under');
    placeAt(underPanel, { left: 700, top: 200, width: 200, height: 30 });
    underPanel.focus();
    expect(current.host.getAttribute('data-claveguia-dock')).toBe('left');
    expect(current.services.saveSettings).not.toHaveBeenCalled(); // a temporary move, not a preference

    // Once the field under the right side is gone (an AJAX step swap), the panel goes back to its side.
    underPanel.remove();
    const middle = pageInput('middle');
    placeAt(middle, { left: 400, top: 200, width: 200, height: 30 });
    middle.focus();
    expect(current.host.getAttribute('data-claveguia-dock')).toBe('right');
  });

  it('does not sit over any visible portal field, focused or not', async () => {
    const left = pageInput('left');
    placeAt(left, { left: 20, top: 200, width: 200, height: 30 });
    const right = pageInput('right');
    placeAt(right, { left: 800, top: 200, width: 200, height: 30 });
    current = await mount({}, detection());
    // Neither side is free for the 340 px panel, the pill at the top right is: fold, do not cover.
    expect(current.host.getAttribute('data-claveguia-collapsed')).toBe('true');
    expect(current.services.saveSettings).not.toHaveBeenCalled();

    // The person opens it on purpose: now only the field they are typing in is avoided.
    current.$<HTMLButtonElement>('[data-action="expand"]')!.click();
    await flush();
    expect(current.host.getAttribute('data-claveguia-collapsed')).toBe('false');
    right.focus();
    expect(current.host.getAttribute('data-claveguia-dock')).toBe('left');
  });

  it('folds into the pill when the field is too wide for either side', async () => {
    current = await mount({}, detection());
    const wide = pageInput('wide');
    placeAt(wide, { left: 100, top: 300, width: 850, height: 30 });
    wide.focus();
    expect(current.host.getAttribute('data-claveguia-collapsed')).toBe('true');
    expect(current.$('[data-action="expand"]')).not.toBeNull();
    expect(document.activeElement).toBe(wide);

    wide.remove();
    const small = pageInput('small');
    placeAt(small, { left: 400, top: 300, width: 100, height: 30 });
    small.focus();
    expect(current.host.getAttribute('data-claveguia-collapsed')).toBe('false');
  });
});

describe('toggleFocus on a page without guidance', () => {
  it('does nothing and does not make the overlay appear later on its own', async () => {
    current = await mount({}, detection({ step: 'identity' }));
    current.overlay.toggleVisibility(); // the person hid it
    current.overlay.update(detection({ step: 'none' }));
    current.overlay.toggleFocus();
    current.overlay.toggleVisibility();
    current.overlay.update(detection({ step: 'start' }));
    expect(current.host.hidden).toBe(true);
  });
});
