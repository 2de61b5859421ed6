import puppeteer, { type Browser } from 'puppeteer-core';
import { browserExecutable } from './browsers';
import { MAPPED_HOSTS } from './hosts';

export interface FirefoxSession {
  browser: Browser;
  addonId: string;
  close(): Promise<void>;
}

/**
 * Firefox ESR over WebDriver BiDi with the unpacked extension installed as a temporary add-on.
 * BiDi cannot open moz-extension:// pages, so the popup is tested in Chromium only.
 */
export async function launchFirefox(
  extensionDir: string,
  options: {
    locale?: string;
    headed?: boolean;
    /**
     * A real window of this size in CSS px, without viewport emulation. `scale` is not applied: the layout
     * depends on CSS pixels only, and `layout.css.devPixelsPerPx` makes headless Firefox misplace BiDi clicks
     * (keypad presses and the CAPTCHA frame missed their targets in the walks).
     */
    window?: { width: number; height: number; scale: number };
    /** Downloads go to this folder without asking (a link with `download` saves straight there). */
    downloadDir?: string;
  } = {},
): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: browserExecutable('firefox'),
    headless: !options.headed,
    defaultViewport: options.headed || options.window ? null : { width: 1280, height: 720 },
    args: options.window ? [`--width=${options.window.width}`, `--height=${options.window.height}`] : [],
    extraPrefsFirefox: {
      'network.dns.localDomains': MAPPED_HOSTS.join(','),
      // Spanish needs Debian's language pack (firefox-esr-l10n-es-mx); es-MX falls back to our `es` catalogue.
      'intl.locale.requested': options.locale === 'en' ? 'en-US' : 'es-MX',
      'intl.accept_languages': options.locale ?? 'es',
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...(options.downloadDir
        ? {
            'browser.download.dir': options.downloadDir,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.start_downloads_in_tmp_dir': false,
          }
        : {}),
    },
  });
  const addonId = await browser.installExtension(extensionDir);
  return {
    browser,
    addonId,
    async close() {
      await browser.close();
    },
  };
}
