/** One browser with the extension loaded, handing out fresh pages as PageDrivers (walks, E2E, npm start). */
import { launchChromium } from '../e2e/harness/chromium';
import { playwrightDriver, puppeteerDriver, type PageDriver } from '../e2e/harness/driver';
import { launchFirefox } from '../e2e/harness/firefox';

export type WalkBrowser = 'chromium' | 'firefox';

export interface BrowserUnderTest {
  name: WalkBrowser;
  newDriver(): Promise<PageDriver>;
  close(): Promise<void>;
}

/**
 * A small laptop, the size many of our users have: the overlay must fold out of the way of every field here.
 */
export const WALK_VIEWPORT = { width: 1280, height: 720 };

export async function openBrowser(
  name: WalkBrowser,
  extensionDir: string,
  options: { headed?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<BrowserUnderTest> {
  const viewport = options.viewport ?? WALK_VIEWPORT;
  if (name === 'chromium') {
    const session = await launchChromium(extensionDir, options.headed ? { headed: true, viewport: null } : { viewport });
    return { name, newDriver: async () => playwrightDriver(await session.context.newPage()), close: () => session.close() };
  }
  const session = await launchFirefox(extensionDir, { headed: options.headed ?? false });
  const newPage = async () => {
    const page = await session.browser.newPage();
    if (!options.headed) await page.setViewport(viewport);
    return page;
  };
  return { name, newDriver: async () => puppeteerDriver(await newPage()), close: () => session.close() };
}
