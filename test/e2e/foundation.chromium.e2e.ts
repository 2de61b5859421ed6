import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabsWithContentScript } from './harness/probe';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { SHIPPED, requireBuild } from './harness/extensions';
import { startFixtureServer } from './harness/fixture-server';
import { OTHER_HOST, urlOn } from './harness/hosts';

describe('Chromium: the shipped build loads and runs only on IESS hosts', () => {
  let session: ChromiumSession;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium(requireBuild(SHIPPED.chrome));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('starts its background service worker', () => {
    expect(session.serviceWorker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\//);
  });

  it('runs the content script on www.iess.gob.ec and app.iess.gob.ec', async () => {
    const page = await session.context.newPage();
    for (const host of ['www.iess.gob.ec', 'app.iess.gob.ec']) {
      await page.goto(urlOn(host, server.port, '/'));
      await expect.poll(() => page.locator('[data-claveguia-host]').count()).toBe(1);
      // A page with no recovery form: the detector says so and the overlay stays out of the way.
      await expect.poll(() => page.locator('[data-claveguia-host]').getAttribute('data-claveguia-step')).toBe('none');
    }
    await page.close();
  });

  it('does not run on another host', async () => {
    const page = await session.context.newPage();
    await page.goto(urlOn(OTHER_HOST, server.port, '/'));
    await page.locator('#host').waitFor();
    // Asked, not waited for: no tab has our script listening (the IESS pages of the test before were closed).
    expect(await tabsWithContentScript(session)).toBe(0);
    expect(await page.locator('[data-claveguia-host]').count()).toBe(0);
    await page.close();
  });

  it('renders the popup in Spanish', async () => {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('ClaveGuía');
    expect(await page.locator('main').textContent()).toContain('Nada sale de su navegador');
    expect(await page.getAttribute('html', 'lang')).toMatch(/^es/);
    await page.close();
  });
});
