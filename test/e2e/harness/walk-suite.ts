/**
 * Every scripted walk of the practice portal (test/walkthrough/walks.ts), in Chromium and in Firefox, on a
 * small laptop (1280×720) and on the same laptop at 200 % (a 640×360 window at scale 2), with the guide in
 * the browser's side area ("Guía al lado"), in real windows (no viewport emulation) so the portal reflows.
 *
 * At each stop: the overlay host carries the expected step, flow and alerts, and steps swapped by AJAX kept
 * the URL (the partial-update path); the side area shows that stop's step with its title and what to do now
 * on screen (read from Chrome's side panel; Firefox's sidebar cannot be inspected from a test, so there the
 * step it shows is read from what it reported on the host); and the step's first field is focused, on
 * screen and unobstructed, with no portal control or label under anything of ours.
 *
 * One spec file per browser (walks.chromium.e2e.ts, walks.firefox.e2e.ts), so the two run side by side on
 * the suite's two workers; each starts its browser once per screen size.
 */
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../portal/clock';
import { openBrowser, type BrowserUnderTest, type WalkBrowser } from '../../walkthrough/browsers';
import { failed, runWalk, type StopResult } from '../../walkthrough/runner';
import { WALKS, walkContext } from '../../walkthrough/walks';
import type { PageDriver } from './driver';
import { OPEN_ROOT, requireBuild, SHIPPED } from './extensions';
import { readSideArea, readWhileTyping, type SideAreaView } from './overlay-probe';
import { usePracticePortal, type PracticePortal } from './practice-portal';

// Chromium: the open root lets the test click the pill's button (a real click, as a person would). Firefox:
// the shipped build, which opens the sidebar at install.
const BUILDS: Record<WalkBrowser, string> = { chromium: OPEN_ROOT.chrome, firefox: SHIPPED.firefox };
const SCREENS = [
  { name: '1280×720', window: { width: 1280, height: 720, scale: 1 } },
  { name: '200% zoom on 1280×720', window: { width: 640, height: 360, scale: 2 } },
] as const;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if ((value !== undefined && ok(value)) || Date.now() > deadline) return value;
    await sleep(100);
  }
}

/** Chrome's side panel page, through a second DevTools client (Playwright does not list it). */
async function sidePanelPage(cdpUrl: string): Promise<{ client: PuppeteerBrowser; page: PuppeteerPage }> {
  const client = await puppeteer.connect({ browserURL: cdpUrl, defaultViewport: null });
  const target = await client.waitForTarget((t) => t.url().includes('/src/side/index.html'), { timeout: 10_000 });
  const page = await target.asPage();
  return { client, page };
}

const hostSide = (driver: PageDriver) =>
  driver.evaluate(() => {
    const host = document.querySelector('[data-claveguia-host]');
    return { side: host?.getAttribute('data-claveguia-side') ?? null, showing: host?.getAttribute('data-claveguia-side-step') ?? null };
  }, null);

/** Every walk in one browser, at each screen size: call once from that browser's spec file. */
export function describeEveryWalk(browserName: WalkBrowser): void {
  const clock = new ManualClock();
  const practice = usePracticePortal({ clock, deliveryDelayMs: 0 });
  describe.each(SCREENS.map((screen) => [`${browserName} at ${screen.name}`, screen] as const))('%s: every walk, read while typing', (_label, screen) => {
    walksOn(browserName, screen, practice, clock);
  });
}

function walksOn(name: WalkBrowser, screen: (typeof SCREENS)[number], practice: PracticePortal, clock: ManualClock): void {
  let browser: BrowserUnderTest | undefined;
  let opener: PageDriver | undefined;
  let side: { client: PuppeteerBrowser; page: PuppeteerPage } | null = null;

  beforeAll(async () => {
    browser = await openBrowser(name, requireBuild(BUILDS[name]), { window: screen.window });
    opener = await browser.newDriver();
    await opener.goto(practice.entryUrl);
    await opener.waitFor('[data-claveguia-host][data-claveguia-step="identity"]').catch(() => undefined);
    if (name === 'chromium') {
      // A real click on the pill's "Guía al lado": the user action Chrome requires travels with the message.
      await opener.click('[data-claveguia-host] [data-action="side"]');
      side = await sidePanelPage(browser.cdpUrl!);
    }
    // Firefox opened its sidebar at install (open_at_install); either way the page learns it is open.
    const state = await poll(() => hostSide(opener!), (s) => s.side === 'open', 10_000);
    expect(state.side).toBe('open');
  });
  afterAll(async () => {
    await side?.client.disconnect();
    await browser?.close();
  });

  /** What is wrong at this stop beyond the overlay's step (which the runner checks). */
  async function readAndType(result: StopResult, driver: PageDriver): Promise<string[]> {
    const expected = result.stop.expect;
    const problems: string[] = [];
    if (side) {
      const want = expected.offSite ? 'none' : expected.step;
      const view: SideAreaView | undefined = await poll(() => side!.page.evaluate(readSideArea), (v) => v.step === want);
      if (view?.step !== want) problems.push(`side area shows ${view?.step} (expected ${want})`);
      else if (!view.title || !view.action || !view.inView) problems.push(`side area ${view.size.width}×${view.size.height}: title or action not on screen`);
      if (view && !view.fitsWidth) problems.push('side area scrolls sideways');
    }
    if (expected.offSite) return problems;
    const reported = await poll(() => hostSide(driver), (s) => s.side === 'open' && s.showing === expected.step);
    if (reported?.side !== 'open') problems.push('the page does not know the side area is open');
    else if (reported.showing !== expected.step) problems.push(`side area reports ${reported.showing} (expected ${expected.step})`);
    const typing = await driver.evaluate(readWhileTyping, null);
    problems.push(...typing.problems);
    return problems;
  }

  it.each(WALKS.map((walk) => [walk.id, walk] as const))('%s', async (_id, walk) => {
    if (!browser) throw new Error(`${name} did not start`);
    const driver = await browser.newDriver();
    const ctx = walkContext(practice.server, driver, clock);
    try {
      const extra = new Map<StopResult, string[]>();
      const results = await runWalk(walk, ctx, { onStop: async (r) => void extra.set(r, await readAndType(r, driver)) });
      // One line per stop, so a failure shows the whole walk at once.
      const report = results.map((r) => {
        const problems = [...r.problems, ...(extra.get(r) ?? [])];
        return `${r.stop.name}: ${failed(r) || problems.length > 0 ? problems.join('; ') : 'ok'}`;
      });
      expect(report).toEqual(results.map((r) => `${r.stop.name}: ok`));
      expect(results).toHaveLength(walk.stops.length);
    } finally {
      await driver.close();
    }
  });
}
