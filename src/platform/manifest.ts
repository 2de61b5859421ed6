import type { TargetBrowser } from './target';

/**
 * The one place where Chrome and Firefox manifests differ. `manifest.json` at the top level is written
 * Chrome-shaped (a background service worker); Firefox gets the same worker file as an event-page script,
 * a fixed add-on id (MV3 requires one) and the minimum version whose APIs we rely on. Permissions are the same
 * in both; what the background does differently per browser is in build-target.ts.
 */

export const GECKO_ID = 'claveguia@claveguia.github.io';
/**
 * Firefox 142 is the first (desktop 140, Android 142) with `data_collection_permissions`, which AMO now
 * requires; it also has the popover top layer (125) and MV3 content-script isolation we rely on.
 */
export const FIREFOX_MIN_VERSION = '142.0';
/** Chromium 120 has the popover top layer (114) and the MV3 APIs we use. */
export const CHROME_MIN_VERSION = '120';

export interface SourceManifest {
  manifest_version: 3;
  version: string;
  background: { service_worker: string; type?: 'module' };
  [key: string]: unknown;
}

export type BrowserManifest = Omit<SourceManifest, 'background'> & {
  background: { service_worker: string; type?: 'module' } | { scripts: string[]; type?: 'module' };
  [key: string]: unknown;
};

export function toBrowserManifest(source: SourceManifest, browser: TargetBrowser, version: string): BrowserManifest {
  const { background, ...rest } = source;
  const common = { ...structuredClone(rest), version };
  if (browser === 'chrome') {
    return { ...common, minimum_chrome_version: CHROME_MIN_VERSION, background: { ...background } };
  }
  return {
    // The same permissions as Chrome: `scripting` and the IESS host (the content script's own) inject the
    // strength estimator on the new-key step. Firefox 127+ grants MV3 host permissions at install.
    ...common,
    background: { scripts: [background.service_worker], ...(background.type ? { type: background.type } : {}) },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Nothing is collected or transmitted: the privacy promise, stated where Firefox reads it.
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
