import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { SHIPPED, requireBuild } from './harness/extensions';
import { startFixtureServer } from './harness/fixture-server';
import { OTHER_HOST, urlOn } from './harness/hosts';
import { TAKEOVER_EVENT } from '../../src/content/context';
import { GECKO_ID } from '../../src/platform/manifest';

const RECOVERY_APP_PAGE = '/iess-gestion-desbloqueo-publico-web/public/inicio.jsf';

/**
 * A tab that counts, from the page's own world, the resident's start announcements (`TAKEOVER_EVENT`, which every
 * copy of the resident dispatches on the document as it starts): a positive sign that our script runs there.
 */
async function countingTab(session: FirefoxSession): Promise<Page> {
  const page = await session.browser.newPage();
  await page.evaluateOnNewDocument((event: string) => {
    const w = window as unknown as { cgStarts: number };
    w.cgStarts = 0;
    document.addEventListener(event, () => void w.cgStarts++);
  }, TAKEOVER_EVENT);
  return page;
}

const starts = (page: Page) => page.evaluate(() => (window as unknown as { cgStarts?: number }).cgStarts ?? -1);
const hosts = (page: Page) => page.$$eval('[data-claveguia-host]', (found) => found.length);

/**
 * Firefox gives a test no view of the extension's worker (its Chromium twin asks it), so "nothing happened here"
 * is read once the same pipeline, started later in another tab, has gone all the way: a recovery-app page on
 * `host` whose resident started, read its settings, detected, had the guide injected and shown.
 */
async function aLaterGuideShownOn(session: FirefoxSession, host: string, port: number): Promise<void> {
  const control = await session.browser.newPage();
  await control.goto(urlOn(host, port, RECOVERY_APP_PAGE));
  await control.waitForSelector('[data-claveguia-host]', { timeout: 15_000 });
  await control.close();
}

describe('Firefox: the shipped build installs and runs only on IESS hosts', () => {
  let session: FirefoxSession;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchFirefox(requireBuild(SHIPPED.firefox));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('installs under its gecko id', () => {
    expect(session.addonId).toBe(GECKO_ID);
  });

  it('runs on www.iess.gob.ec and app.iess.gob.ec: the guide on a recovery app, nothing of it on another page', async () => {
    const page = await countingTab(session);
    for (const host of ['www.iess.gob.ec', 'app.iess.gob.ec']) {
      // A page of a recovery app that shows nothing it knows: the guide is loaded and asks which step it is.
      await page.goto(urlOn(host, server.port, RECOVERY_APP_PAGE));
      await page.waitForSelector('[data-claveguia-host]', { timeout: 10_000 });
      expect(await hosts(page)).toBe(1);
      // A page that is not a recovery page: the resident runs there, and adds nothing to the page.
      await page.goto(urlOn(host, server.port, '/'));
      await page.waitForSelector('#host');
      await page.waitForFunction(() => (window as unknown as { cgStarts: number }).cgStarts === 1, { timeout: 10_000 });
      await aLaterGuideShownOn(session, host, server.port);
      expect(await hosts(page)).toBe(0);
      expect(await starts(page)).toBe(1);
    }
    await page.close();
  });

  it('does not run on another host', async () => {
    const page = await countingTab(session);
    await page.goto(urlOn(OTHER_HOST, server.port, '/'));
    await page.waitForSelector('#host');
    await aLaterGuideShownOn(session, 'app.iess.gob.ec', server.port);
    expect(await starts(page)).toBe(0);
    expect(await hosts(page)).toBe(0);
    await page.close();
  });
});
