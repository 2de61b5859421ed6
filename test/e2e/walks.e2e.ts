/**
 * Every scripted walk of the practice portal (test/walkthrough/walks.ts), in Chromium and in Firefox, with
 * the shipped builds: at each stop the overlay host must carry the expected step and flow, the overlay must
 * list the expected alerts, and steps swapped by AJAX must not have changed the URL (the partial-update path).
 * One browser per browser kind for the whole file; a fresh page and a reset portal per walk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../portal/clock';
import { createPortalServer, type PortalServer } from '../portal/server';
import { openBrowser, type BrowserUnderTest, type WalkBrowser } from '../walkthrough/browsers';
import { failed, runWalk } from '../walkthrough/runner';
import { WALKS, type WalkContext } from '../walkthrough/walks';
import { requireBuild, SHIPPED } from './harness/extensions';

const BUILDS: Record<WalkBrowser, string> = { chromium: SHIPPED.chrome, firefox: SHIPPED.firefox };

const clock = new ManualClock();
let portal: PortalServer;

beforeAll(async () => {
  portal = createPortalServer({ clock, deliveryDelayMs: 0 });
  await portal.start();
});
afterAll(async () => {
  await portal?.stop();
});

describe.each(['chromium', 'firefox'] as const)('%s: every walk of the practice portal', (name) => {
  let browser: BrowserUnderTest | undefined;

  beforeAll(async () => {
    browser = await openBrowser(name, requireBuild(BUILDS[name]));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(WALKS.map((walk) => [walk.id, walk] as const))('%s', async (_id, walk) => {
    if (!browser) throw new Error(`${name} did not start`);
    portal.world.reset();
    const driver = await browser.newDriver();
    const ctx: WalkContext = {
      driver,
      world: portal.world,
      clock,
      urls: portal.urls,
      captchaTtlMs: portal.config.captchaTtlMs,
      linkValidityMs: portal.config.linkValidityMs,
      sessionTimeoutMs: portal.config.sessionTimeoutMs,
    };
    try {
      const results = await runWalk(walk, ctx);
      // One line per stop, so a failure shows the whole walk at once.
      const report = results.map((r) => `${r.stop.name}: ${failed(r) ? r.problems.join('; ') : 'ok'}`);
      expect(report).toEqual(results.map((r) => `${r.stop.name}: ok`));
      expect(results).toHaveLength(walk.stops.length);
    } finally {
      await driver.close();
    }
  });
});
