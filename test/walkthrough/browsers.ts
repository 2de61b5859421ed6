/** One browser with the extension loaded, handing out fresh pages as PageDrivers (walks, E2E, npm start). */
import { launchChromium } from '../e2e/harness/chromium';
import { playwrightDriver, puppeteerDriver, type PageDriver } from '../e2e/harness/driver';
import { launchFirefox } from '../e2e/harness/firefox';

export type WalkBrowser = 'chromium' | 'firefox';

export interface BrowserUnderTest {
  name: WalkBrowser;
  /** Chromium with `window`: its DevTools endpoint (the side panel is a target Playwright does not list). */
  cdpUrl: string | null;
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
  options: {
    headed?: boolean;
    viewport?: { width: number; height: number };
    /** A real window (no viewport emulation) at a screen scaling: what the side-area E2E measures. */
    window?: { width: number; height: number; scale: number };
  } = {},
): Promise<BrowserUnderTest> {
  const viewport = options.viewport ?? WALK_VIEWPORT;
  if (name === 'chromium') {
    const session = await launchChromium(
      extensionDir,
      options.headed ? { headed: true, viewport: null } : options.window ? { window: options.window } : { viewport },
    );
    return {
      name,
      cdpUrl: session.cdpUrl,
      newDriver: async () => playwrightDriver(await session.context.newPage()),
      close: () => session.close(),
    };
  }
  const session = await launchFirefox(extensionDir, { headed: options.headed ?? false, ...(options.window ? { window: options.window } : {}) });
  const newPage = async () => {
    const page = await session.browser.newPage();
    if (!options.headed && !options.window) await page.setViewport(viewport);
    return page;
  };
  return { name, cdpUrl: null, newDriver: async () => puppeteerDriver(await newPage()), close: () => session.close() };
}
