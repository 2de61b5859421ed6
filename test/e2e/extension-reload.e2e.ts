/**
 * An extension update (or reload) while someone is in the middle of a recovery: the old content script must
 * stop at once and leave nothing behind, and the guide must come back on the open tab without a page reload,
 * still following AJAX step changes. Chromium reloads through `runtime.reload()`; Firefox re-installs the
 * same add-on id, which is how an update arrives.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { personaById } from '../portal/personas';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { SHIPPED, requireBuild } from './harness/extensions';
import { usePracticePortal } from './harness/practice-portal';
import { playwrightDriver, puppeteerDriver, type PageDriver } from './harness/driver';
import { fillIdentity, RECOVER_SEARCH } from './harness/portal-steps';


/** A mark only a page reload could erase, and a count of our host elements coming and going. */
function armPageProbe(): void {
  const probe = { inserted: 0, removed: 0 };
  (window as unknown as { __cgProbe: typeof probe }).__cgProbe = probe;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const n of record.addedNodes) if ((n as Element).hasAttribute?.('data-claveguia-host')) probe.inserted++;
      for (const n of record.removedNodes) if ((n as Element).hasAttribute?.('data-claveguia-host')) probe.removed++;
    }
  }).observe(document.documentElement, { childList: true });
}
const readProbe = () => (window as unknown as { __cgProbe?: { inserted: number; removed: number } }).__cgProbe ?? null;
const hostCount = () => document.querySelectorAll('[data-claveguia-host]').length;

async function toVerification(driver: PageDriver): Promise<void> {
  await fillIdentity(driver, personaById('ana')!.cedula);
  await driver.click(RECOVER_SEARCH);
  await expect.poll(async () => (await driver.overlayState()).step, { timeout: 5_000 }).toBe('verification');
}

/**
 * The content scripts' worlds in the page, and the listeners each holds on the document. A world's listeners
 * are visible only through its own `document` object, so each isolated world is asked separately over CDP.
 */
class ScriptWorlds {
  private readonly contexts = new Map<number, { origin: string; type: string }>();
  constructor(private readonly cdp: CDPSession) {
    cdp.on('Runtime.executionContextCreated', ({ context }) =>
      this.contexts.set(context.id, { origin: context.origin, type: String(context.auxData?.type ?? '') }),
    );
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.contexts.delete(executionContextId));
  }

  /** Our extension's isolated worlds that still exist, by context id. */
  ours(extensionId: string): number[] {
    return [...this.contexts].filter(([, c]) => c.type === 'isolated' && c.origin.includes(extensionId)).map(([id]) => id);
  }

  async listeners(contextId: number): Promise<number> {
    const { result } = await this.cdp.send('Runtime.evaluate', { expression: 'document', contextId });
    const { listeners } = await this.cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    await this.cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
    return listeners.length;
  }
}

/**
 * What QA's reload button on chrome://extensions does. Developer mode first: without it, Chromium disables
 * a reloaded unpacked extension ("unsupported developer extension") instead of loading it again.
 */
async function reloadFromExtensionsPage(session: ChromiumSession): Promise<void> {
  const extensions = await session.context.newPage();
  await extensions.goto('chrome://extensions');
  await extensions.evaluate(async (id) => {
    type Dev = {
      updateProfileConfiguration(c: { inDeveloperMode: boolean }, done: () => void): void;
      reload(id: string, o: { failQuietly: boolean }, done: () => void): void;
    };
    const dev = (globalThis as unknown as { chrome: { developerPrivate: Dev } }).chrome.developerPrivate;
    await new Promise<void>((done) => dev.updateProfileConfiguration({ inDeveloperMode: true }, done));
    await new Promise<void>((done) => dev.reload(id, { failQuietly: true }, done));
  }, session.extensionId);
  await extensions.close();
}

const portal = usePracticePortal();

describe('the extension reloaded with a portal tab open', () => {
  let chromium: ChromiumSession;
  let firefox: FirefoxSession;
  afterAll(async () => {
    await chromium?.close();
    await firefox?.close();
  });

  it('in Chromium: the old script stops (no listener left), one host, the guide back without a reload', async () => {
    chromium = await launchChromium(requireBuild(SHIPPED.chrome));
    const page: Page = await chromium.context.newPage();
    const cdp = await chromium.context.newCDPSession(page);
    const errors: string[] = [];
    const worlds = new ScriptWorlds(cdp);
    await cdp.send('Runtime.enable');
    cdp.on('Runtime.exceptionThrown', (e) => errors.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text));
    const driver = playwrightDriver(page);
    await driver.goto(portal.entryUrl);
    await expect.poll(async () => (await driver.overlayState()).step, { timeout: 5_000 }).toBe('identity');
    await page.evaluate(armPageProbe);
    const [oldWorld, ...others] = worlds.ours(chromium.extensionId);
    expect(others).toEqual([]);
    const working = await worlds.listeners(oldWorld!);
    expect(working, 'a running content script listens to the page').toBeGreaterThan(0);

    await reloadFromExtensionsPage(chromium);

    // The new script is injected into the open tab, the old one removed its host: one host, the right step.
    await expect.poll(() => page.evaluate(readProbe), { timeout: 10_000 }).toEqual({ inserted: 1, removed: 1 });
    expect(await page.evaluate(hostCount)).toBe(1);
    await expect.poll(async () => (await driver.overlayState()).step).toBe('identity');
    // The old script does no more work: its world, if it still exists, holds no listener on the page; the new
    // copy holds as many as the old one did.
    const newWorlds = worlds.ours(chromium.extensionId).filter((id) => id !== oldWorld);
    expect(newWorlds).toHaveLength(1);
    expect(await worlds.listeners(newWorlds[0]!)).toBe(working);
    if (worlds.ours(chromium.extensionId).includes(oldWorld!)) expect(await worlds.listeners(oldWorld!)).toBe(0);

    await toVerification(driver);
    expect(await page.evaluate(readProbe), 'no page reload, no second host').toEqual({ inserted: 1, removed: 1 });
    expect(errors.filter((e) => /context invalidated/i.test(e))).toEqual([]);
  });

  it('in Firefox: one host, the guide back without a reload, and it follows the next AJAX step', async () => {
    firefox = await launchFirefox(requireBuild(SHIPPED.firefox));
    const page = await firefox.browser.newPage();
    const driver = puppeteerDriver(page);
    await driver.goto(portal.entryUrl);
    await expect.poll(async () => (await driver.overlayState()).step, { timeout: 5_000 }).toBe('identity');
    await page.evaluate(armPageProbe);

    // Installing the same add-on id again is an update.
    await firefox.browser.installExtension(requireBuild(SHIPPED.firefox));

    await expect.poll(() => page.evaluate(readProbe), { timeout: 10_000 }).toEqual({ inserted: 1, removed: 1 });
    expect(await page.evaluate(hostCount)).toBe(1);
    await expect.poll(async () => (await driver.overlayState()).step).toBe('identity');

    await toVerification(driver);
    expect(await page.evaluate(readProbe), 'no page reload, no second host').toEqual({ inserted: 1, removed: 1 });
  });
});
