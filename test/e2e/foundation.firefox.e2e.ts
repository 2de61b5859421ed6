import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { SHIPPED, requireBuild } from './harness/extensions';
import { startFixtureServer } from './harness/fixture-server';
import { OTHER_HOST, urlOn } from './harness/hosts';
import { GECKO_ID } from '../../src/platform/manifest';

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
    const page = await session.browser.newPage();
    for (const host of ['www.iess.gob.ec', 'app.iess.gob.ec']) {
      // A page of a recovery app that shows nothing it knows: the guide is loaded and asks which step it is.
      await page.goto(urlOn(host, server.port, '/iess-gestion-desbloqueo-publico-web/public/inicio.jsf'));
      await page.waitForSelector('[data-claveguia-host]', { timeout: 10_000 });
      expect(await page.$$eval('[data-claveguia-host]', (hosts) => hosts.length)).toBe(1);
      await page.goto(urlOn(host, server.port, '/'));
      await page.waitForSelector('#host');
      await new Promise((done) => setTimeout(done, 500));
      expect(await page.$$eval('[data-claveguia-host]', (hosts) => hosts.length)).toBe(0);
    }
    await page.close();
  });

  it('does not run on another host', async () => {
    const page = await session.browser.newPage();
    await page.goto(urlOn(OTHER_HOST, server.port, '/'));
    await page.waitForSelector('#host');
    await new Promise((done) => setTimeout(done, 500));
    expect(await page.$$eval('[data-claveguia-host]', (hosts) => hosts.length)).toBe(0);
    await page.close();
  });
});
