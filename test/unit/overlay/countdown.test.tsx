/**
 * The overlay's countdown chip and email-wait advice under happy-dom with a fake clock: it ticks on its own
 * timer without re-rendering the rest of the overlay, speaks at the start, 2:00, 1:00, 0:30 and expiry exactly
 * once each through the one live region, can be minimised, pings the background only while the clock runs,
 * and shows the email-wait advice at its thresholds.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOverlay } from '../../../src/overlay/controller';
import type { CountdownSource } from '../../../src/overlay/countdown-feed';
import type { Overlay } from '../../../src/overlay/services';
import { HOST_ATTRIBUTE } from '../../../src/page/marker';
import type { DeadlineEntry, Deadlines } from '../../../src/storage/deadlines';
import { detection, fakeServices, fakeSource, flush, text } from './helpers';
import { fakeBrowser } from '../fakes/browser';

const T0 = Date.UTC(2026, 10, 30, 12, 0, 0);
const MIN = 60_000;
const msg = (key: string, ...subs: string[]) => fakeBrowser.i18n.getMessage(key, subs);

const entry = (over: Partial<DeadlineEntry> = {}): DeadlineEntry => ({
  flow: 'recover',
  personId: null,
  requestedAt: T0,
  deadline: T0 + 3 * MIN,
  validityMs: 3 * MIN,
  source: 'detected',
  startedOn: 'email-sent',
  step: 'email-sent',
  stepSeenAt: T0,
  notified: [],
  ...over,
});
const withEntry = (e: DeadlineEntry): Deadlines => ({ current: 'recover:-', entries: { 'recover:-': e } });

let overlay: Overlay | null = null;
beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  overlay?.destroy();
  overlay = null;
  document.body.replaceChildren();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function mountWith(source: CountdownSource, settings = {}) {
  const { services } = fakeServices({ settings });
  overlay = createOverlay(document, { ...services, countdown: source }, { shadowMode: 'open' });
  overlay.start();
  overlay.update(detection({ step: 'email-sent', flow: 'recover' }));
  await vi.advanceTimersByTimeAsync(0);
  await flush();
  const root = document.querySelector(`[${HOST_ATTRIBUTE}]`)!.shadowRoot!;
  return {
    root,
    chip: () => root.querySelector('[data-cg-countdown]'),
    clock: () => text(root.querySelector('[data-cg-countdown] [data-cg-clock]')),
    live: () => text(root.querySelector('[data-cg-live]')),
  };
}

/** Advances the fake clock second by second, collecting every distinct text the live region takes. */
async function run(ms: number, live: () => string, heard: string[]) {
  for (let t = 0; t < ms; t += 250) {
    await vi.advanceTimersByTimeAsync(250);
    const now = live();
    if (now && heard[heard.length - 1] !== now) heard.push(now);
  }
}

describe('the countdown chip in the overlay', () => {
  it('appears with a silent timer, "aprox." and words, and speaks the start once', async () => {
    const fake = fakeSource();
    const view = await mountWith(fake.source);
    expect(view.chip()).toBeNull();
    await vi.advanceTimersByTimeAsync(500); // the live region settles before it first speaks
    fake.set(withEntry(entry({ requestedAt: Date.now(), deadline: Date.now() + 3 * MIN })));
    await flush();
    expect(view.clock()).toBe('3:00');
    const timer = view.root.querySelector('[data-cg-countdown] [role="timer"]')!;
    expect(timer.getAttribute('aria-live')).toBeNull(); // role=timer is implicitly off: never read each second
    expect(timer.getAttribute('aria-label')).toBe(msg('cdTimerName'));
    expect(text(view.chip())).toContain(msg('cdApprox'));
    expect(text(view.chip())).toContain(msg('countdownPhasePlenty'));
    expect(view.chip()!.querySelector('[data-icon="clock"]')).not.toBeNull();
    expect(view.live()).toBe(msg('countdownAnnounceStart', '3'));
    expect(fake.source.ping).toHaveBeenCalled();
  });

  it('ticks each second re-rendering only the chip, never the rest of the overlay', async () => {
    const fake = fakeSource(withEntry(entry()));
    const view = await mountWith(fake.source);
    expect(view.clock()).toBe('3:00');
    await vi.advanceTimersByTimeAsync(500); // the step's own announcement lands first (live-region settle)
    await flush();
    const panelTitle = view.root.querySelector('.cg-title');
    const touched: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((r) => touched.push(r.target)));
    observer.observe(view.root, { subtree: true, childList: true, characterData: true, attributes: true });
    await vi.advanceTimersByTimeAsync(2_600); // each tick lands a few ms after the display's second
    await flush();
    observer.takeRecords().forEach((r) => touched.push(r.target));
    observer.disconnect();
    expect(view.clock()).toBe('2:57');
    expect(touched.length).toBeGreaterThan(0);
    const chip = view.chip()!;
    expect(touched.filter((node) => !chip.contains(node))).toEqual([]);
    expect(view.root.querySelector('.cg-title')).toBe(panelTitle);
  });

  it('speaks 2:00, 1:00, 0:30 and expiry exactly once each, then shows the expired state in words, shape and colour', async () => {
    const fake = fakeSource(withEntry(entry()));
    const view = await mountWith(fake.source);
    const heard: string[] = [];
    await run(3 * MIN + 2_000, view.live, heard);
    // The step's own announcement ("Guía: …") came first, from the guide; the countdown's follow.
    expect(heard.shift()).toContain('Guía');
    expect(heard).toEqual([msg('countdownAnnounce2m'), msg('countdownAnnounce1m'), msg('countdownAnnounce30s'), msg('countdownAnnounceExpired')]);
    expect(view.chip()!.getAttribute('data-phase')).toBe('expired');
    expect(view.clock()).toBe('0:00');
    expect(text(view.chip())).toContain(msg('countdownPhaseExpired'));
    expect(view.chip()!.querySelector('[data-icon="error"]')).not.toBeNull();
    // A re-delivered store value (another tab wrote) does not repeat anything.
    fake.set(withEntry(entry()));
    await run(5_000, view.live, heard);
    expect(heard).toHaveLength(4);
  });

  it('a page loaded mid-window starts silently from the current time', async () => {
    vi.setSystemTime(T0 + 70_000);
    const fake = fakeSource(withEntry(entry()));
    const view = await mountWith(fake.source);
    const heard: string[] = [];
    await run(2_250, view.live, heard);
    expect(view.clock()).toBe('1:48');
    expect(heard.filter((h) => h.includes('Empezó'))).toEqual([]);
  });

  it('sits on the pill when the overlay is folded, and can be minimised to one button and shown again', async () => {
    const fake = fakeSource(withEntry(entry()));
    const view = await mountWith(fake.source, { collapsed: true });
    expect(view.root.querySelector('.cg-pill-row [data-cg-countdown]')).not.toBeNull();
    (view.root.querySelector('[data-action="countdown-hide"]') as HTMLElement).click();
    await flush();
    expect(view.chip()).toBeNull();
    const show = view.root.querySelector('[data-action="countdown-show"]') as HTMLElement;
    expect(show.getAttribute('aria-label')).toBe(msg('cdShow'));
    show.click();
    await flush();
    expect(view.chip()).not.toBeNull();
  });

  it('stops pinging the background once the clock stops, and hides when the link was used in time', async () => {
    const fake = fakeSource(withEntry(entry()));
    const view = await mountWith(fake.source);
    fake.set(withEntry(entry({ step: 'terms', stepSeenAt: T0 + 30_000 })));
    await flush();
    expect(view.chip()).toBeNull();
    expect(fake.source.release).toHaveBeenCalled();
    expect(view.root.querySelector('[data-cg-email-wait]')).toBeNull();
  });

  it('does not pulse under prefers-reduced-motion', () => {
    const css = readFileSync(resolve(import.meta.dirname, '../../../src/overlay/overlay.css'), 'utf8');
    expect(css).toMatch(/\.cg-countdown\[data-phase='urgent'\][^}]*animation:/);
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)\s*{\s*\.cg-countdown\[data-phase='urgent'\]\s*{\s*animation: none;/);
  });
});

describe('the email-wait advice in the panel', () => {
  it('appears at 5 and 15 minutes of waiting, and says "probably expired" when the link page comes late', async () => {
    const fake = fakeSource(withEntry(entry()));
    const view = await mountWith(fake.source);
    const level = () => view.root.querySelector('[data-cg-email-wait]')?.getAttribute('data-cg-email-wait') ?? null;
    expect(level()).toBeNull();
    await vi.advanceTimersByTimeAsync(5 * MIN + 15_000);
    await flush();
    expect(level()).toBe('check-spam');
    expect(text(view.root.querySelector('[data-cg-email-wait]'))).toContain(msg('emailWaitSpamAction'));
    await vi.advanceTimersByTimeAsync(10 * MIN);
    await flush();
    expect(level()).toBe('check-inbox-is-registered');
    fake.set(withEntry(entry({ step: 'terms', stepSeenAt: Date.now() })));
    await flush();
    expect(level()).toBe('probably-expired');
    expect(text(view.root.querySelector('[data-cg-email-wait]'))).toContain(msg('emailWaitExpiredAction'));
  });
});
