import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

/**
 * The few page actions the walks and E2E specs need, the same over Playwright (Chromium) and Puppeteer
 * (Firefox), so one walk script drives both browsers.
 */
export interface PageDriver {
  readonly browser: 'chromium' | 'firefox';
  goto(url: string): Promise<void>;
  url(): string;
  click(selector: string): Promise<void>;
  /** Types into an editable field, replacing what it held. */
  fill(selector: string, value: string): Promise<void>;
  select(selector: string, value: string): Promise<void>;
  check(selector: string): Promise<void>;
  waitFor(selector: string, timeoutMs?: number): Promise<void>;
  exists(selector: string): Promise<boolean>;
  text(selector: string): Promise<string>;
  attribute(selector: string, name: string): Promise<string | null>;
  /** Runs a function in the page (main world) with one serialisable argument. */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  screenshot(path: string): Promise<void>;
  /** The overlay host's detected step and flow (the attributes QA reads). */
  overlayState(): Promise<{ step: string | null; flow: string | null }>;
  /**
   * Alert ids the overlay shows (`data-alert` inside its shadow root), read through the browser's protocol so it
   * works on the shipped build's closed root too; empty when there is no overlay.
   */
  overlayAlerts(): Promise<string[]>;
  /**
   * Clicks an element inside the (possibly cross-origin) child frame whose URL contains `urlPart`, once that
   * frame's document has loaded: its control can be on screen before the script that listens to it has run,
   * and a click then is lost (the walks' CAPTCHA token never came once, under load).
   */
  clickInFrame(urlPart: string, selector: string, timeoutMs?: number): Promise<void>;
  /** Runs a function in the child frame whose URL contains `urlPart` (found as `clickInFrame` finds it). */
  evaluateInFrame<A, R>(urlPart: string, fn: (arg: A) => R, arg: A): Promise<R>;
  close(): Promise<void>;
}

const HOST = '[data-claveguia-host]';

/** Polls for a child frame by URL: a cross-origin frame attaches after its parent's load event. */
async function findFrame<F>(frames: () => F[], url: (f: F) => string, urlPart: string, timeoutMs: number): Promise<F> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = frames().find((f) => url(f).includes(urlPart));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no frame with URL containing ${urlPart}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function overlayStateIn(evaluate: PageDriver['evaluate']) {
  return evaluate((host: string) => {
    const el = document.querySelector(host);
    return { step: el?.getAttribute('data-claveguia-step') ?? null, flow: el?.getAttribute('data-claveguia-flow') ?? null };
  }, HOST);
}

/** The alert ids the overlay shows, from its host attribute (readable with a closed root, and from the pill). */
async function overlayAlertsIn(evaluate: PageDriver['evaluate']): Promise<string[]> {
  const value = await evaluate((host: string) => document.querySelector(host)?.getAttribute('data-claveguia-alerts') ?? '', HOST);
  return value.split(' ').filter(Boolean);
}

export function playwrightDriver(page: PlaywrightPage): PageDriver {
  const driver: PageDriver = {
    browser: 'chromium',
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    url: () => page.url(),
    click: (s) => page.click(s),
    fill: (s, v) => page.fill(s, v),
    select: async (s, v) => void (await page.selectOption(s, v)),
    check: (s) => page.check(s),
    waitFor: async (s, timeout = 10_000) => void (await page.waitForSelector(s, { timeout, state: 'visible' })),
    exists: async (s) => (await page.$(s)) !== null,
    text: async (s) => (await page.textContent(s)) ?? '',
    attribute: (s, n) => page.getAttribute(s, n),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    screenshot: async (path) => void (await page.screenshot({ path, fullPage: false })),
    overlayState: () => overlayStateIn(driver.evaluate),
    // CDP's pierce walks closed shadow roots, which page scripts (and Playwright selectors) cannot.
    overlayAlerts: () => overlayAlertsIn(driver.evaluate),
    clickInFrame: async (urlPart, selector, timeoutMs = 10_000) => {
      const frame = await findFrame(() => page.frames(), (f) => f.url(), urlPart, timeoutMs);
      await frame.waitForLoadState('load', { timeout: timeoutMs });
      await frame.click(selector, { timeout: timeoutMs });
    },
    evaluateInFrame: async (urlPart, fn, arg) => {
      const frame = await findFrame(() => page.frames(), (f) => f.url(), urlPart, 10_000);
      return frame.evaluate(fn as (a: unknown) => unknown, arg) as never;
    },
    close: () => page.close(),
  };
  return driver;
}

export function puppeteerDriver(page: PuppeteerPage): PageDriver {
  const driver: PageDriver = {
    browser: 'firefox',
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    url: () => page.url(),
    click: (s) => page.click(s),
    fill: async (s, v) => {
      await page.$eval(s, (el) => ((el as HTMLInputElement).value = ''));
      await page.type(s, v);
    },
    select: async (s, v) => void (await page.select(s, v)),
    check: async (s) => {
      if (!(await page.$eval(s, (el) => (el as HTMLInputElement).checked))) await page.click(s);
    },
    waitFor: async (s, timeout = 10_000) => void (await page.waitForSelector(s, { timeout, visible: true })),
    exists: async (s) => (await page.$(s)) !== null,
    text: async (s) => (await page.$eval(s, (el) => el.textContent ?? '')) as string,
    attribute: (s, n) => page.$eval(s, (el, name) => el.getAttribute(name), n),
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => unknown, arg) as never,
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    overlayState: () => overlayStateIn(driver.evaluate),
    // WebDriver BiDi serialises closed shadow roots when asked (includeShadowTree: 'all'); Puppeteer has no
    // public option for it, so this uses its BiDi realm directly (test harness only).
    overlayAlerts: () => overlayAlertsIn(driver.evaluate),
    clickInFrame: async (urlPart, selector, timeoutMs = 10_000) => {
      const frame = await findFrame(() => page.frames(), (f) => f.url(), urlPart, timeoutMs);
      await frame.waitForFunction(() => document.readyState === 'complete', { timeout: timeoutMs });
      await frame.waitForSelector(selector, { timeout: timeoutMs, visible: true });
      await frame.click(selector);
    },
    evaluateInFrame: async (urlPart, fn, arg) => {
      const frame = await findFrame(() => page.frames(), (f) => f.url(), urlPart, 10_000);
      return frame.evaluate(fn as (a: unknown) => unknown, arg) as never;
    },
    close: () => page.close(),
  };
  return driver;
}
