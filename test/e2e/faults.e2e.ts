/**
 * Faults (issue 14, item 4), in Chromium with the open-root build, on the practice portal:
 * - the background (service worker) stopped mid-flow through the DevTools protocol: the walk goes on, the
 *   guide follows, a tick made before and one made after are both kept, and the next step's countdown starts;
 * - storage corrupted (garbage under every key we own, written through the worker): the guide, the popup and the
 *   options page fall back and work, without an exception, and the popup writes valid data over the garbage;
 * - two tabs on different steps: each overlay shows its own step and keeps its own ticks;
 * - a browser restart on the same profile: what lives in storage.local (the dock side, the remembered person the
 *   guide names) survives, what lives in storage.session (ticks, tab steps) does not.
 * Covered elsewhere and not repeated: an extension reload or update with a portal tab open (extension-reload.e2e.ts),
 * the worker stopped mid-countdown (countdown.e2e.ts), people across a restart with and without "Recordar"
 * (popup.e2e.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../portal/clock';
import { failed, runWalk } from '../walkthrough/runner';
import { persona, upToEmailSent, walkContext, type Stop } from '../walkthrough/walks';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { extensionWorker, stopExtensionWorker } from './harness/worker-stop';
import { playwrightDriver } from './harness/driver';
import { OPEN_ROOT, OPTIONS_READ, POPUP_PEOPLE_READ, requireBuild } from './harness/extensions';
import { usePracticePortal } from './harness/practice-portal';
import { startStatesServer } from './harness/states-server';

const WIDE = { width: 1600, height: 900 };
const clock = new ManualClock(Date.now());
const practice = usePracticePortal({ clock, deliveryDelayMs: 0 });

type Area = 'local' | 'session';
type Areas = Record<Area, Record<string, unknown>>;
declare const chrome: { storage: Record<Area, { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void>; clear(): Promise<void> }> };

const readAreas = async (session: ChromiumSession): Promise<Areas> =>
  (await extensionWorker(session)).evaluate(async () => ({ local: await chrome.storage.local.get(null), session: await chrome.storage.session.get(null) }));

// ---- in the page (open shadow root)
const overlayStep = () => document.querySelector('[data-claveguia-host]')?.getAttribute('data-claveguia-step') ?? null;
const checklist = () =>
  Object.fromEntries(
    [...(document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelectorAll<HTMLInputElement>('.cg-checklist input[data-item]') ?? [])].map((i) => [i.dataset.item!, i.checked]),
  );
const tickFirstUnticked = () => {
  const box = [...(document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelectorAll<HTMLInputElement>('.cg-checklist input[data-item]') ?? [])].find((i) => !i.checked);
  box?.click();
  return box?.dataset.item ?? null;
};
const chip = () => document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector('[data-cg-countdown] [data-cg-clock]')?.textContent ?? null;
const clickInOverlay = (selector: string) => {
  const el = document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector(selector) as HTMLElement | null;
  el?.click();
  return el !== null;
};
/** Waits until the overlay's checklist for the step is rendered (it follows the step after the start's reads). */
async function checklistShown(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(checklist).then((c) => Object.keys(c).length), { timeout: 10_000 }).toBeGreaterThan(0);
}
const personLine = () => document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector('[data-cg-person]')?.textContent ?? null;

/** Page errors in the page and every script world (CDP), and in extension pages (Playwright's pageerror). */
async function watchErrors(session: ChromiumSession, page: Page, errors: string[]): Promise<void> {
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  const cdp = await session.context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', (e) => errors.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text));
  await cdp.send('Runtime.enable');
}

async function walk(page: Page, stops: Stop[]): Promise<void> {
  const results = await runWalk({ id: 'faults', title: 'faults', persona: 'ana', kind: 'happy', stops }, walkContext(practice.server, playwrightDriver(page), clock), {});
  expect(results.filter(failed).map((r) => `${r.stop.name}: ${r.problems.join('; ')}`)).toEqual([]);
}

describe('faults in Chromium', () => {
  let session: ChromiumSession;
  let states: Awaited<ReturnType<typeof startStatesServer>>;
  const profile = mkdtempSync(join(tmpdir(), 'claveguia-faults-'));

  beforeAll(async () => {
    states = await startStatesServer();
    session = await launchChromium(requireBuild(OPEN_ROOT.chrome), { viewport: WIDE, profileDir: profile });
  });
  afterAll(async () => {
    await session?.close();
    await states?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('the background stopped mid-flow: the guide follows the next step, ticks before and after are kept, the countdown starts', async () => {
    const page = await session.context.newPage();
    const errors: string[] = [];
    await watchErrors(session, page, errors);
    const [open, search, answer] = upToEmailSent(persona('ana'));
    clock.set(Date.now());
    await walk(page, [open!, search!]);
    expect(await page.evaluate(overlayStep)).toBe('verification');
    await checklistShown(page);
    const before = await page.evaluate(tickFirstUnticked);
    expect(before).not.toBeNull();
    await expect.poll(async () => Object.entries((await readAreas(session)).session).some(([k, v]) => k.startsWith('ticks:') && (v as Record<string, boolean>)[before!] === true)).toBe(true);

    // Stop the worker (what Chrome does after ~30 s idle).
    await stopExtensionWorker(session, page);

    // The walk goes on; the guide follows, and the email-sent step starts the countdown in a new worker.
    await walk(page, [answer!]);
    expect(await page.evaluate(overlayStep)).toBe('email-sent');
    await expect.poll(() => page.evaluate(chip), { timeout: 8_000 }).toMatch(/^\d+:\d\d/);
    await checklistShown(page);
    const after = await page.evaluate(tickFirstUnticked);
    expect(after).not.toBeNull();
    await expect
      .poll(async () => {
        const ticks = Object.entries((await readAreas(session)).session).find(([k]) => k.startsWith('ticks:'))?.[1] as Record<string, boolean> | undefined;
        return { before: ticks?.[before!] ?? false, after: ticks?.[after!] ?? false };
      })
      .toEqual({ before: true, after: true });
    await expect.poll(() => page.evaluate(checklist)).toMatchObject({ [after!]: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('storage corrupted under every key we own: the guide, the popup and the options page fall back, then valid data replaces the garbage', async () => {
    const errors: string[] = [];
    await (await extensionWorker(session)).evaluate(async () => {
      await chrome.storage.local.set({ settings: 'garbage', schemaVersion: 'nope', people: { list: 5, activeId: {} }, options: [1, 2, 3], deadlines: { current: 7, entries: 'x' } });
      await chrome.storage.session.set({ people: 42, 'ticks:1': 'x', 'step:1': { step: 'nonsense' }, 'ticks:999999': [null] });
    });
    const portal = await session.context.newPage();
    await watchErrors(session, portal, errors);
    await portal.goto(states.states.find((s) => s.id === 'recover/identity')!.servedUrl);
    await expect.poll(() => portal.evaluate(overlayStep)).toBe('identity');
    await expect.poll(() => portal.evaluate(checklist).then((c) => Object.keys(c).length)).toBeGreaterThan(0);

    const popup = await session.context.newPage();
    await watchErrors(session, popup, errors);
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
    await popup.locator(POPUP_PEOPLE_READ).waitFor();
    expect(await popup.locator('[data-person]').count()).toBe(0);
    await popup.getByRole('button', { name: 'Agregar una persona' }).click();
    await popup.locator('#person-label').fill('Después del daño');
    await popup.getByRole('button', { name: 'Guardar' }).click();
    await popup.locator('[data-person="Después del daño"]').waitFor();
    // Shown as soon as it is saved, stored a moment later: wait for the write over the garbage.
    await expect.poll(async () => (await readAreas(session)).session.people).toMatchObject({ list: [{ label: 'Después del daño' }] });

    const options = await session.context.newPage();
    await watchErrors(session, options, errors);
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    // Read once the page has read the (garbage) options, not its defaults before that.
    await options.locator(OPTIONS_READ).waitFor();
    expect(await options.locator('input[name="language"]:checked').getAttribute('value')).toBe('auto');

    // The guide still follows the page and saves a tick over the garbage.
    const item = await portal.evaluate(tickFirstUnticked);
    await expect.poll(() => portal.evaluate(checklist)).toMatchObject({ [item!]: true });
    expect(errors).toEqual([]);
    await (await extensionWorker(session)).evaluate(async () => {
      await chrome.storage.local.clear();
      await chrome.storage.session.clear();
    });
    for (const p of [portal, popup, options]) await p.close();
  });

  it('two tabs on different steps: each overlay shows its own step and keeps its own ticks', async () => {
    const identity = states.states.find((s) => s.id === 'recover/identity')!;
    const verification = states.states.find((s) => s.id === 'recover/verification')!;
    const a = await session.context.newPage();
    const b = await session.context.newPage();
    await a.goto(identity.servedUrl);
    await b.goto(verification.servedUrl);
    await expect.poll(() => a.evaluate(overlayStep)).toBe('identity');
    await expect.poll(() => b.evaluate(overlayStep)).toBe('verification');
    await expect.poll(() => a.evaluate(checklist).then((c) => Object.keys(c).length)).toBeGreaterThan(0);
    const ticked = await a.evaluate(tickFirstUnticked);
    await expect.poll(() => a.evaluate(checklist)).toMatchObject({ [ticked!]: true });

    // Tab B moves to the same step as A: its checklist starts unticked; A's tick stays A's.
    await b.goto(identity.servedUrl);
    await expect.poll(() => b.evaluate(overlayStep)).toBe('identity');
    await expect.poll(() => b.evaluate(checklist).then((c) => Object.keys(c).length)).toBeGreaterThan(0);
    expect(await b.evaluate(checklist)).toMatchObject({ [ticked!]: false });
    expect(await a.evaluate(checklist)).toMatchObject({ [ticked!]: true });
    // The box shows the tick at once; the store has it a moment later: wait for the write, then count.
    const tickedTabs = async () =>
      Object.entries((await readAreas(session)).session).filter(([k, v]) => k.startsWith('ticks:') && (v as Record<string, boolean>)[ticked!] === true).length;
    await expect.poll(tickedTabs).toBe(1);
    await a.close();
    await b.close();
  });

  it('a browser restart on the same profile: storage.local survives (dock side, the remembered person the guide names), storage.session does not', async () => {
    await (await extensionWorker(session)).evaluate(async () => {
      await chrome.storage.local.set({ people: { activeId: 'p1', list: [{ id: 'p1', label: 'Abuela' }] }, options: { rememberPeople: true } });
    });
    const page = await session.context.newPage();
    await page.goto(states.states.find((s) => s.id === 'recover/identity')!.servedUrl);
    await expect.poll(() => page.evaluate(personLine)).toBe('Ayudando a: Abuela');
    expect(await page.evaluate(clickInOverlay, '[data-action="dock"]')).toBe(true);
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-claveguia-host]')?.getAttribute('data-claveguia-dock'))).toBe('left');
    await checklistShown(page);
    const item = await page.evaluate(tickFirstUnticked);
    await expect.poll(async () => Object.keys((await readAreas(session)).session).some((k) => k.startsWith('ticks:'))).toBe(true);
    expect(item).not.toBeNull();

    await session.close();
    session = await launchChromium(requireBuild(OPEN_ROOT.chrome), { viewport: WIDE, profileDir: profile });
    const areas = await readAreas(session);
    expect(Object.keys(areas.session)).toEqual([]);
    expect(areas.local.settings).toMatchObject({ dock: 'left' });

    const again = await session.context.newPage();
    await again.goto(states.states.find((s) => s.id === 'recover/identity')!.servedUrl);
    await expect.poll(() => again.evaluate(personLine)).toBe('Ayudando a: Abuela');
    await expect.poll(() => again.evaluate(() => document.querySelector('[data-claveguia-host]')?.getAttribute('data-claveguia-dock'))).toBe('left');
    expect(await again.evaluate(checklist)).toMatchObject({ [item!]: false });
    await again.close();
  });
});
