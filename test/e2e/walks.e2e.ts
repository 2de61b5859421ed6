/**
 * Every scripted walk of the practice portal (test/walkthrough/walks.ts), in Chromium and in Firefox, with
 * the shipped builds: at each stop the overlay host must carry the expected step and flow, the overlay must
 * list the expected alerts, and steps swapped by AJAX must not have changed the URL (the partial-update path).
 * One browser per browser kind for the whole file; a fresh page and a reset portal per walk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../portal/clock';
import { openBrowser, type BrowserUnderTest, type WalkBrowser } from '../walkthrough/browsers';
import { failed, runWalk } from '../walkthrough/runner';
import { WALKS, walkContext } from '../walkthrough/walks';
import { requireBuild, SHIPPED } from './harness/extensions';
import { usePracticePortal } from './harness/practice-portal';

const BUILDS: Record<WalkBrowser, string> = { chromium: SHIPPED.chrome, firefox: SHIPPED.firefox };

const clock = new ManualClock();
const practice = usePracticePortal({ clock, deliveryDelayMs: 0 });

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
    const driver = await browser.newDriver();
    const ctx = walkContext(practice.server, driver, clock);
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
