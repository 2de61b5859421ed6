/**
 * A volunteer abroad with an English browser lets it translate the portal. The guide must still know the
 * step on every stop of whole walks (through full loads and AJAX swaps), and our own UI, marked
 * translate="no", must survive the translator rewriting the page around it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../portal/clock';
import { failed, runWalk } from '../walkthrough/runner';
import { WALKS, walkContext } from '../walkthrough/walks';
import { WALK_VIEWPORT } from '../walkthrough/browsers';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { SHIPPED, requireBuild } from './harness/extensions';
import { usePracticePortal } from './harness/practice-portal';
import { playwrightDriver, puppeteerDriver, type PageDriver } from './harness/driver';
import { installTranslator } from './harness/translator';

/**
 * Walks that reach the portal by address (the walks' link clicks look for the Spanish link text, which a
 * translated page no longer has): AJAX swaps, the security image, an OTP code and the unlock flow.
 */
const TRANSLATED_WALKS = ['security-image', 'otp-code', 'unlock'];

const clock = new ManualClock();
const practice = usePracticePortal({ clock, deliveryDelayMs: 0 });

async function walkTranslated(driver: PageDriver, walkId: string): Promise<void> {
  const walk = WALKS.find((w) => w.id === walkId)!;
  const ctx = walkContext(practice.server, driver, clock);
  const results = await runWalk(walk, ctx);
  const report = results.map((r) => `${r.stop.name}: ${failed(r) ? r.problems.join('; ') : 'ok'}`);
  expect(report).toEqual(results.map((r) => `${r.stop.name}: ok`));
  // The translator really ran on the last page, and our host kept out of it.
  const seen = await driver.evaluate(
    () => ({
      lang: document.documentElement.lang,
      fonts: document.querySelectorAll('font').length,
      hostTranslate: document.querySelector('[data-claveguia-host]')?.getAttribute('translate') ?? null,
    }),
    null,
  );
  expect(seen.lang).toBe('en');
  expect(seen.hostTranslate).toBe('no');
}

describe('a page translated by Chrome', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium(requireBuild(SHIPPED.chrome), { viewport: WALK_VIEWPORT });
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(TRANSLATED_WALKS)('%s', async (walkId) => {
    const page = await session.context.newPage();
    await page.addInitScript(installTranslator, 'chrome');
    try {
      await walkTranslated(playwrightDriver(page), walkId);
      expect(await page.evaluate(() => document.querySelectorAll('font').length)).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });
});

describe('a page translated by Firefox', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(requireBuild(SHIPPED.firefox));
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(TRANSLATED_WALKS)('%s', async (walkId) => {
    const page = await session.browser.newPage();
    await page.setViewport(WALK_VIEWPORT);
    await page.evaluateOnNewDocument(installTranslator, 'firefox');
    try {
      await walkTranslated(puppeteerDriver(page), walkId);
    } finally {
      await page.close();
    }
  });
});
