/**
 * The portal swaps steps by AJAX on the same URL. The content script must notice within 300 ms of the
 * swap, in both browsers. The clock starts when the portal's own script has put the new step into the DOM
 * (seen by a page observer), and stops when the overlay host's step attribute changes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { personaById } from '../portal/personas';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { SHIPPED, requireBuild } from './harness/extensions';
import { usePracticePortal } from './harness/practice-portal';
import { playwrightDriver, puppeteerDriver, type PageDriver } from './harness/driver';
import { fillIdentity, RECOVER_SEARCH } from './harness/portal-steps';

const REDETECT_BUDGET_MS = 300;
const BIRTH_DAY = 'frmRecuperar:txtDia';

/** Arms observers in the page: when the verification form appears, and when the overlay re-detects. */
function armTimers(birthDayId: string): void {
  const marks: { swapped?: number; detected?: number } = {};
  (window as unknown as { __cgMarks: typeof marks }).__cgMarks = marks;
  new MutationObserver((_, observer) => {
    if (document.getElementById(birthDayId)) {
      marks.swapped = performance.now();
      observer.disconnect();
    }
  }).observe(document.body, { childList: true, subtree: true });
  const host = document.querySelector('[data-claveguia-host]')!;
  new MutationObserver((_, observer) => {
    if (host.getAttribute('data-claveguia-step') === 'verification') {
      marks.detected = performance.now();
      observer.disconnect();
    }
  }).observe(host, { attributes: true, attributeFilter: ['data-claveguia-step'] });
}

const readMarks = () => (window as unknown as { __cgMarks: { swapped?: number; detected?: number } }).__cgMarks;

async function measureSwap(driver: PageDriver, entryUrl: string) {
  const ana = personaById('ana')!;
  await driver.goto(entryUrl);
  await expect.poll(async () => (await driver.overlayState()).step, { timeout: 5_000 }).toBe('identity');
  await fillIdentity(driver, ana.cedula);
  await driver.evaluate(armTimers, BIRTH_DAY);
  await driver.click(RECOVER_SEARCH);
  await expect.poll(() => driver.evaluate(readMarks, null).then((m) => m.detected ?? null), { timeout: 5_000 }).not.toBeNull();
  const marks = await driver.evaluate(readMarks, null);
  return { url: driver.url(), lag: marks.detected! - marks.swapped! };
}

const portal = usePracticePortal();

describe('AJAX step change is re-detected within 300 ms', () => {
  let chromium: ChromiumSession;
  let firefox: FirefoxSession;
  afterAll(async () => {
    await chromium?.close();
    await firefox?.close();
  });

  it('in Chromium', async () => {
    chromium = await launchChromium(requireBuild(SHIPPED.chrome));
    const page = await chromium.context.newPage();
    const { url, lag } = await measureSwap(playwrightDriver(page), portal.entryUrl);
    expect(new URL(url).pathname, 'the step changed without navigating').toBe('/iess-gestion-desbloqueo-publico-web/');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThanOrEqual(REDETECT_BUDGET_MS);
  });

  it('in Firefox', async () => {
    firefox = await launchFirefox(requireBuild(SHIPPED.firefox));
    const page = await firefox.browser.newPage();
    const { url, lag } = await measureSwap(puppeteerDriver(page), portal.entryUrl);
    expect(new URL(url).pathname, 'the step changed without navigating').toBe('/iess-gestion-desbloqueo-publico-web/');
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThanOrEqual(REDETECT_BUDGET_MS);
  });
});
