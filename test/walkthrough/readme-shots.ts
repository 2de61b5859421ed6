/**
 * `npm run screenshots`: the README's pictures of the 1280×720 experience. Walks Ana's recovery (and two
 * failure personas) in Chromium in a real 1280×720 window with the guide beside the page, and saves, per
 * chosen stop, the portal as the person sees it and the side area next to it:
 * test/walkthrough/screenshots/side-NN-<stop>-{page,side}.png. Then the Chrome Web Store's pictures
 * (test/release/store-pictures.ts): store-N-<stop>-1280x800.png and store-tile-440x280.png.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { ManualClock } from '../portal/clock';
import { createPortalServer } from '../portal/server';
import { RECOVER_ENTRY } from '../portal/pages/recover';
import { OPEN_ROOT } from '../e2e/harness/extensions';
import { shootStorePictures } from '../release/store-pictures';
import { openBrowser } from './browsers';
import { runWalk } from './runner';
import { WALKS, walkContext } from './walks';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(import.meta.dirname, 'screenshots');
/** Walk id → the stops worth a picture. */
const PICTURES: Record<string, string[]> = {
  'recover-link': ['identity', 'verification', 'email-sent', 'new-key'],
  'wrong-answers': ['blocked'],
};

async function main(): Promise<void> {
  process.env.CLAVEGUIA_OPEN_SHADOW = '1';
  process.env.CLAVEGUIA_OUT_SUFFIX = '-e2e';
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), mode: 'chrome', logLevel: 'warn' });
  mkdirSync(OUT, { recursive: true });
  const clock = new ManualClock();
  const portal = createPortalServer({ clock, deliveryDelayMs: 0 });
  await portal.start();
  const browser = await openBrowser('chromium', OPEN_ROOT.chrome, { window: { width: 1280, height: 720, scale: 1 } });
  try {
    const opener = await browser.newDriver();
    await opener.goto(`${portal.urls.app}${RECOVER_ENTRY}`);
    await opener.waitFor('[data-claveguia-host] [data-action="side"]');
    await opener.click('[data-claveguia-host] [data-action="side"]');
    const client = await puppeteer.connect({ browserURL: browser.cdpUrl!, defaultViewport: null });
    const side = await (await client.waitForTarget((t) => t.url().includes('/src/side/index.html'))).asPage();
    let n = 0;
    for (const [walkId, stops] of Object.entries(PICTURES)) {
      const walk = WALKS.find((w) => w.id === walkId)!;
      const driver = await browser.newDriver();
      await runWalk(walk, walkContext(portal, driver, clock), {
        onStop: async (result) => {
          if (!stops.includes(result.stop.name)) return;
          await side.waitForFunction((step) => document.querySelector('[data-side-step]')?.getAttribute('data-side-step') === step, {}, result.stop.expect.step);
          const name = `side-${String(++n).padStart(2, '0')}-${result.stop.name}`;
          await driver.screenshot(resolve(OUT, `${name}-page.png`));
          await side.screenshot({ path: resolve(OUT, `${name}-side.png`) as `${string}.png` });
          console.log(`  ${name}`);
        },
      });
      await driver.close();
    }
    await client.disconnect();
    await browser.close();
    console.log('Store pictures:');
    await shootStorePictures(OPEN_ROOT.chrome, OUT, ROOT);
  } finally {
    await browser.close();
    await portal.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
