import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { browserExecutable } from './browsers';
import { MAPPED_HOSTS } from './hosts';

export interface ChromiumSession {
  context: BrowserContext;
  /** With `window`: the DevTools endpoint, for a second client that sees targets Playwright lists not (the side panel). */
  cdpUrl: string | null;
  extensionId: string;
  serviceWorker: Worker;
  close(): Promise<void>;
}

/** Debian's Chromium with the unpacked extension loaded, a fresh profile, and the portal hosts on loopback. */
export async function launchChromium(
  extensionDir: string,
  options: {
    locale?: string;
    viewport?: { width: number; height: number } | null;
    headed?: boolean;
    /**
     * A profile directory to use and KEEP (close() does not delete it), so a test can relaunch the browser on
     * the same profile, as a restart. The caller removes it. Without it, a fresh profile is made and deleted.
     */
    profileDir?: string;
    /**
     * A real window of this size in DIPs, without viewport emulation, so the side panel takes its column and
     * the page reflows; `scale` is the screen's scaling (2 = a 1280×720 screen at 200 % is a 640×360 window).
     */
    window?: { width: number; height: number; scale: number };
    /** A phone: mobile viewport emulation (meta viewport honoured, touch events, `pointer: coarse`) with touch. */
    mobile?: boolean;
  } = {},
): Promise<ChromiumSession> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'claveguia-chromium-'));
  const locale = options.locale ?? 'es';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserExecutable('chromium'),
    headless: !options.headed,
    locale,
    viewport: options.window ? null : options.viewport === undefined ? { width: 1280, height: 720 } : options.viewport,
    ...(options.mobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    // Extension i18n follows the browser's UI language, which Chromium on Linux reads from the environment.
    env: { ...process.env, LANGUAGE: locale, LANG: `${locale.replace('-', '_')}.UTF-8` },
    args: [
      // Headed (npm start): --host-resolver-rules below is on Chromium's list of "unsupported command-line
      // flags" and would put a warning bar over every page; --test-type (what ChromeDriver passes) turns that
      // startup bar off without changing what the flags do.
      ...(options.headed ? ['--start-maximized', '--test-type'] : ['--headless=new']),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${locale}`,
      ...(options.window
        ? [
            `--window-size=${options.window.width},${options.window.height}`,
            `--force-device-scale-factor=${options.window.scale}`,
            '--remote-debugging-port=0',
          ]
        : []),
      `--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(',')}`,
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  const cdpUrl = options.window ? `http://127.0.0.1:${readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]}` : null;
  return {
    context,
    cdpUrl,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}
