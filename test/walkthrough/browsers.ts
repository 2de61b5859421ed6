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
 * Wide enough that the overlay's panel (≤ 340 px + margin) sits beside the portal's 980 px column instead of
 * over it: at 1280 px the panel covers form fields on whichever side it docks (see the report of this work).
 */
export const WALK_VIEWPORT = { width: 1720, height: 960 };

export async function openBrowser(name: WalkBrowser, extensionDir: string, options: { headed?: boolean } = {}): Promise<BrowserUnderTest> {
  if (name === 'chromium') {
    const session = await launchChromium(extensionDir, options.headed ? { headed: true, viewport: null } : { viewport: WALK_VIEWPORT });
    return { name, newDriver: async () => playwrightDriver(await session.context.newPage()), close: () => session.close() };
  }
  const session = await launchFirefox(extensionDir, { headed: options.headed ?? false });
  const newPage = async () => {
    const page = await session.browser.newPage();
    if (!options.headed) await page.setViewport(WALK_VIEWPORT);
    return page;
  };
  return { name, newDriver: async () => puppeteerDriver(await newPage()), close: () => session.close() };
}
