/**
 * Every walk of the practice portal on a phone: 360×640 CSS px, in Chromium's mobile emulation (meta viewport,
 * touch, `pointer: coarse`) and in Firefox with a 360-px-wide viewport. No side area (a phone has none: the
 * Firefox build here keeps its sidebar closed, and Chromium's is never opened), so the in-page guide is all
 * the person has.
 *
 * The on-screen keyboard is simulated by a shorter viewport: at each stop the page is made 360×320 (about half
 * of the screen, what Android's keyboard leaves), the step's first field is focused (on a step where nothing
 * takes typing no keyboard opens, so the screen stays whole), and then, measured
 * against window.visualViewport: the step's title and what to do now are fully on screen, the field in use and
 * its label are not under the guide, no other portal control is under it unless no spot was free even for
 * its short form (those stops are counted and printed), every control of ours is at least 44×44, and
 * wherever the link's countdown runs it is on screen. axe-core finds nothing there. Then the
 * screen is whole again and the guide is opened by a tap: its targets are checked and axe runs on it too.
 * One walk more runs at 412×915 (a larger phone) with the same checks, in both browsers.
 *
 * What a shorter viewport does not reproduce: on Android the keyboard shrinks only the visual viewport (the
 * layout viewport keeps its height and the visual one scrolls inside it). placement.test.ts covers that
 * geometry (a frame offset inside the layout viewport); here both shrink together.
 *
 * CLAVEGUIA_PHONE_SHOTS=<dir> saves a screenshot of each stop with the keyboard's space taken (for a person
 * to look at; never asserted).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../portal/clock';
import { failed, runWalk, type StopResult } from '../walkthrough/runner';
import { WALKS, walkContext, type Walk } from '../walkthrough/walks';
import { AXE_SOURCE, runAxe } from './harness/axe';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { playwrightDriver, puppeteerDriver, type PageDriver } from './harness/driver';
import { OPEN_ROOT, OPTIONS_READ, POPUP_PEOPLE_READ, requireBuild } from './harness/extensions';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { pressGuideButton, readPhone, type PhoneReading } from './harness/phone-probe';
import { usePracticePortal } from './harness/practice-portal';

const SHOTS = process.env.CLAVEGUIA_PHONE_SHOTS ?? '';
/** The mail was just sent: the link's countdown runs here (once the link is used it stops, by design). */
const WAITING_STEPS = new Set(['email-sent']);
/** About half of the screen: what Android's keyboard leaves of a 360×640 or 412×915 phone. */
const keyboardOpen = (screen: Screen): Screen => ({ width: screen.width, height: Math.round(screen.height / 2) });

interface Screen {
  width: number;
  height: number;
}

/** One browser, one page, reused by every walk; resizing and tapping as the phone checks need. */
interface Phone {
  driver: PageDriver;
  resize(screen: Screen): Promise<void>;
  /** A tap on one of the guide's own buttons (a real touch in Chromium). */
  tapGuide(action: string): Promise<void>;
  axe(): Promise<{ violations: string[]; inspected: number }>;
  close(): Promise<void>;
}

const clock = new ManualClock();
const practice = usePracticePortal({ clock, deliveryDelayMs: 0 });

/** Runs axe-core (injected once per document) on the guide: its host and shadow root. */
async function axeIn(page: { addScriptTag(o: { content: string }): Promise<unknown> }, evaluate: PageDriver['evaluate']) {
  if (!(await evaluate(() => 'axe' in window, null))) await page.addScriptTag({ content: AXE_SOURCE });
  return evaluate(runAxe, '[data-claveguia-host]');
}

/**
 * As a person does on a phone: bring the control on screen, look (the guide re-places itself on the scroll,
 * one frame later), then tap. A driver alone scrolls and clicks in the same moment, before anything can move;
 * for a tap inside a frame (the CAPTCHA's box) Playwright checks what the parent page shows over it before the
 * click, not as it lands. A phone walk's CAPTCHA click was lost under load, likely that way.
 */
function lookingDriver(base: PageDriver): PageDriver {
  const settle = () => base.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))), null);
  const look = async (selector: string) => {
    await base.evaluate((s: string) => document.querySelector(s)?.scrollIntoView({ block: 'center' }), selector);
    await settle();
  };
  const frameSelector = (urlPart: string) => `iframe[src*="${urlPart}"]`;
  return {
    ...base,
    click: async (selector) => {
      await look(selector);
      await base.click(selector);
    },
    check: async (selector) => {
      await look(selector);
      await base.check(selector);
    },
    clickInFrame: async (urlPart, selector, timeoutMs) => {
      await base.waitFor(frameSelector(urlPart), timeoutMs);
      await look(frameSelector(urlPart));
      await base.clickInFrame(urlPart, selector, timeoutMs);
    },
  };
}

async function chromiumPhone(screen: Screen): Promise<Phone> {
  const session: ChromiumSession = await launchChromium(requireBuild(OPEN_ROOT.chrome), { viewport: screen, mobile: true });
  const page: PlaywrightPage = await session.context.newPage();
  const driver = lookingDriver(playwrightDriver(page));
  return {
    driver,
    resize: (size) => page.setViewportSize(size),
    tapGuide: (action) => page.tap(`[data-claveguia-host] [data-action="${action}"]`),
    axe: () => axeIn(page, driver.evaluate),
    close: () => session.close(),
  };
}

async function firefoxPhone(screen: Screen): Promise<Phone> {
  const session: FirefoxSession = await launchFirefox(requireBuild(OPEN_ROOT.firefox));
  const page: PuppeteerPage = await session.browser.newPage();
  await page.setViewport(screen);
  const driver = lookingDriver(puppeteerDriver(page));
  return {
    driver,
    resize: (size) => page.setViewport(size),
    // WebDriver BiDi in Firefox has no touch emulation: the tap is a click on the same button.
    tapGuide: async (action) => void expect(await driver.evaluate(pressGuideButton, action)).toBe(true),
    axe: () => axeIn(page, driver.evaluate),
    close: () => session.close(),
  };
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Polls the guide until it is placed (in its phone form, and in its full form over no control) or time runs
 * out, then reads it. Focusing a field scrolls the page under the fixed bar; the guide re-places itself on the
 * scroll one frame later, which a loaded machine may deliver after the first reading.
 */
async function settledReading(phone: Phone, focus: boolean) {
  const unsettled = (r: PhoneReading) => r.problems.length > 0 || (r.covered.length > 0 && r.form !== 'bar-compact');
  let reading = await phone.driver.evaluate(readPhone, focus);
  for (const deadline = Date.now() + 10_000; unsettled(reading) && Date.now() < deadline; ) {
    await pause(100);
    reading = await phone.driver.evaluate(readPhone, false);
  }
  return reading;
}

/** Stops where no spot was free even for the bar's short form, and the controls it lay over there. */
const coveredStops: string[] = [];

/** Kinds of stop (step and alerts) whose opened guide was already checked in this browser: once is enough. */
const panelsSeen = new Set<string>();

/** Everything wrong at one stop of a walk on the phone (empty when all holds). */
async function checkStop(phone: Phone, result: StopResult, screen: Screen, label: string): Promise<string[]> {
  const expected = result.stop.expect;
  if (expected.offSite) return [];
  const problems: string[] = [];
  // The keyboard opens: half the screen, and the person taps the step's first field.
  await phone.resize(keyboardOpen(screen));
  let typing = await settledReading(phone, true);
  if (typing.field === null) {
    // Nothing on this step takes typing (the security image's picture grid, the "mail sent" page): a phone opens
    // no keyboard there, and the field the person left was replaced with the step, so its keyboard closed.
    await phone.resize(screen);
    typing = await settledReading(phone, false);
  }
  problems.push(...typing.problems);
  // Where there is room the bar covers no control; where there is none even for its short form, it takes that
  // form and covers as few as it can (never the field in use or its label): counted, and printed at the end.
  if (typing.covered.length > 0) {
    if (typing.form !== 'bar-compact') problems.push(`covers ${typing.covered.join(', ')} in its full form`);
    else coveredStops.push(`${label} ${result.walk.id} › ${result.stop.name}: ${typing.covered.join(', ')}`);
  }
  // axe once per kind of stop (step and alerts) in each form: the guide's markup depends on nothing else.
  const kind = `${label}|${expected.step}|${[...(expected.alerts ?? [])].sort().join(',')}`;
  const firstOfKind = !panelsSeen.has(kind);
  if (firstOfKind || typing.form !== 'bar') {
    const axeTyping = await phone.axe();
    if (axeTyping.violations.length > 0 || axeTyping.inspected === 0) problems.push(`axe (typing): ${axeTyping.violations.join(', ') || 'inspected nothing'}`);
  }
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await phone.driver.screenshot(join(SHOTS, `${label}-${result.walk.id}-${result.index}-${result.stop.name}.png`));
  }
  await phone.driver.evaluate(() => (document.activeElement as HTMLElement | null)?.blur(), null);
  if (!firstOfKind && !WAITING_STEPS.has(expected.step)) {
    await phone.resize(screen);
    return problems;
  }
  panelsSeen.add(kind);
  // The keyboard closes; the person taps the guide open, reads it, and minimises it again.
  await phone.resize(screen);
  await phone.tapGuide('expand');
  let panel = await phone.driver.evaluate(readPhone, false);
  // The opened guide scrolls within itself (alerts first): what it must show is its form and its targets.
  const inPanel = (p: string) => !p.startsWith('the step title') && !p.startsWith('what to do now');
  for (const deadline = Date.now() + 10_000; panel.form !== 'panel' && Date.now() < deadline; ) {
    await pause(100);
    panel = await phone.driver.evaluate(readPhone, false);
  }
  if (panel.form !== 'panel') problems.push(`the guide did not open on a tap (${panel.form})`);
  // Wherever the countdown runs (the opened guide shows it), it is on screen while typing too.
  if (WAITING_STEPS.has(expected.step) && !panel.countdown) problems.push('no link countdown after the mail was sent');
  if (panel.countdown && !typing.countdown) problems.push('the link countdown is not on screen while typing');
  problems.push(...panel.problems.filter(inPanel).map((p) => `panel: ${p}`));
  const axePanel = await phone.axe();
  if (axePanel.violations.length > 0 || axePanel.inspected === 0) problems.push(`axe (panel): ${axePanel.violations.join(', ') || 'inspected nothing'}`);
  await phone.tapGuide('collapse');
  // The next stop's taps land on the page only once the opened guide has gone back to its bar.
  const collapsed = async () => (await phone.driver.evaluate(readPhone, false)).form !== 'panel';
  for (const deadline = Date.now() + 10_000; !(await collapsed()) && Date.now() < deadline; ) await pause(100);
  if (!(await collapsed())) problems.push('the guide did not close on a tap');
  return problems;
}

async function walkOnPhone(phone: Phone, walk: Walk, screen: Screen, label: string): Promise<void> {
  await phone.resize(screen);
  const ctx = walkContext(practice.server, phone.driver, clock);
  const extra = new Map<StopResult, string[]>();
  const results = await runWalk(walk, ctx, { onStop: async (r) => void extra.set(r, await checkStop(phone, r, screen, label)) });
  // One line per stop, so a failure shows the whole walk at once.
  const report = results.map((r) => {
    const problems = [...r.problems, ...(extra.get(r) ?? [])];
    return `${r.stop.name}: ${failed(r) || problems.length > 0 ? problems.join('; ') : 'ok'}`;
  });
  expect(report).toEqual(results.map((r) => `${r.stop.name}: ok`));
  expect(results).toHaveLength(walk.stops.length);
}

const PHONES = { chromium: chromiumPhone, firefox: firefoxPhone } as const;
const SMALL: Screen = { width: 360, height: 640 };
const LARGE: Screen = { width: 412, height: 915 };

describe.each(Object.keys(PHONES) as (keyof typeof PHONES)[])('%s on a phone (360×640, keyboard open)', (name) => {
  let phone: Phone | undefined;
  let started = 0;
  beforeAll(async () => {
    started = Date.now();
    phone = await PHONES[name](SMALL);
  });
  afterAll(async () => {
    await phone?.close();
    console.log(`phone.e2e ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const here = coveredStops.filter((s) => s.startsWith(name));
    console.log(`phone.e2e ${name}: ${here.length} stop(s) with no free spot for the bar:\n${here.join('\n')}`);
  });

  it.each(WALKS.map((walk) => [walk.id, walk] as const))('%s', async (_id, walk) => {
    if (!phone) throw new Error(`${name} did not start`);
    await walkOnPhone(phone, walk, SMALL, `${name}-360`);
  });
});

describe.each(Object.keys(PHONES) as (keyof typeof PHONES)[])('%s on a larger phone (412×915, keyboard open)', (name) => {
  let phone: Phone | undefined;
  beforeAll(async () => {
    phone = await PHONES[name](LARGE);
  });
  afterAll(async () => {
    await phone?.close();
  });
  it('the first happy walk', async () => {
    if (!phone) throw new Error(`${name} did not start`);
    await walkOnPhone(phone, WALKS[0]!, LARGE, `${name}-412`);
  });
});

/** Controls of an extension page smaller than a finger (44×44 CSS px; a checkbox's or radio's label row counts). */
function smallTargets(): string[] {
  const out: string[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('button, summary, select, input, .choice, .check, a.button-link')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const input = el as HTMLInputElement;
    if (el.tagName === 'INPUT' && (input.type === 'checkbox' || input.type === 'radio')) {
      // Its target is the row with its label.
      const row = el.closest('.choice, .check, .remember') as HTMLElement | null;
      const rr = row?.getBoundingClientRect();
      if (!rr || rr.height < 43.5) out.push(`${input.id || input.name}: row ${Math.round(rr?.height ?? 0)} px tall`);
      continue;
    }
    if (r.height < 43.5 || (el.tagName === 'BUTTON' && r.width < 43.5)) out.push(`${el.tagName.toLowerCase()} «${(el.textContent ?? '').trim().slice(0, 30)}» ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return out;
}

describe('the popup and the options page on a phone (Chromium, 360×640, touch)', () => {
  let session: ChromiumSession | undefined;
  beforeAll(async () => {
    session = await launchChromium(requireBuild(OPEN_ROOT.chrome), { viewport: SMALL, mobile: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(['src/popup/index.html', 'src/options/index.html'])('%s: axe-core finds nothing, no sideways scrolling, every target a finger wide', async (path) => {
    if (!session) throw new Error('chromium did not start');
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    // Each page renders its lists once the store has answered: check the page as it is then.
    await page.locator(path.includes('popup') ? POPUP_PEOPLE_READ : OPTIONS_READ).waitFor();
    // A page with something in each list: a person (opens the preflight for them) on the popup.
    if (path.includes('popup')) {
      await page.getByRole('button', { name: 'Agregar una persona' }).tap();
      await page.locator('#person-label').fill('Mamá');
      await page.getByRole('button', { name: 'Guardar' }).tap();
      await expect.poll(() => page.locator('[data-person]').count()).toBeGreaterThan(0);
    }
    // Extension pages forbid inline scripts (CSP); evaluate runs outside the page's CSP.
    await page.evaluate(AXE_SOURCE);
    const { violations, inspected } = await page.evaluate(runAxe, null);
    expect(violations).toEqual([]);
    expect(inspected).toBeGreaterThan(30);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => innerWidth)).toBe(360);
    expect(await page.evaluate(smallTargets)).toEqual([]);
    await page.close();
  });
});
