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
/**
 * The first Firefox for Android version that understands each key the Firefox manifest declares, from MDN's
 * browser-compat-data (research: phones-reports-stores-cost.md §A.1, §A.4). Keys Android lacks entirely
 * (`sidebar_action`, `commands`) are not listed: Android ignores them, and every surface feature-detects the
 * APIs behind them (capabilities.ts). The declared minimum is the highest of these, so `web-ext lint` raises
 * no KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION.
 */
export const ANDROID_KEY_MIN_VERSIONS: Readonly<Record<string, number>> = {
  'browser_specific_settings.gecko_android': 113,
  // MV3 host permissions (and content-script matches) granted at install: before 127 the guide silently did not run.
  host_permissions: 127,
  'browser_specific_settings.gecko.data_collection_permissions': 142,
};

/** The Android minimum for a built Firefox manifest: the newest version any of its listed keys needs. */
export function androidMinVersion(manifest: Record<string, unknown>): string {
  const has = (path: string) =>
    path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), manifest) !==
    undefined;
  const needed = Object.entries(ANDROID_KEY_MIN_VERSIONS)
    .filter(([path]) => path === 'browser_specific_settings.gecko_android' || has(path))
    .map(([, version]) => version);
  return `${Math.max(...needed)}.0`;
}

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

/** The command that opens the side area: Chrome routes it in the background, Firefox handles its own name. */
export const SIDE_COMMAND = 'open-side';

/**
 * Chrome's side panel becomes Firefox's sidebar: the same page, no permission (`sidePanel` is Chrome's), and
 * Firefox's own `_execute_sidebar_action` command instead of ours. `open_at_install` shows the guide (its
 * "how to start" and the pre-flight checklist) once, right after installing; Chrome has no equivalent, so its
 * popup offers the button.
 */
function withSidebar<M extends Record<string, unknown>>(manifest: M, openAtInstall: boolean): M {
  const { side_panel: sidePanel, ...rest } = manifest as M & { side_panel?: { default_path: string } };
  if (!sidePanel) return manifest;
  const permissions = ((rest.permissions as string[] | undefined) ?? []).filter((p) => p !== 'sidePanel');
  const commands = { ...((rest.commands as Record<string, unknown> | undefined) ?? {}) };
  const sideCommand = commands[SIDE_COMMAND];
  delete commands[SIDE_COMMAND];
  if (sideCommand) commands._execute_sidebar_action = sideCommand;
  const action = rest.action as { default_icon?: unknown } | undefined;
  return {
    ...rest,
    permissions,
    commands,
    sidebar_action: {
      default_panel: sidePanel.default_path,
      default_title: '__MSG_sideTitle__',
      ...(action?.default_icon ? { default_icon: action.default_icon } : {}),
      open_at_install: openAtInstall,
    },
  } as unknown as M;
}

export interface ManifestOptions {
  /**
   * Firefox opens the sidebar right after installing (true in every shipped build). The E2E builds that
   * inspect the in-page overlay turn it off, since with the guide beside the page the overlay keeps to a pill.
   */
  sidebarAtInstall?: boolean;
}

export function toBrowserManifest(
  source: SourceManifest,
  browser: TargetBrowser,
  version: string,
  options: ManifestOptions = {},
): BrowserManifest {
  const { background, ...rest } = source;
  const common = { ...structuredClone(rest), version };
  if (browser === 'chrome') {
    return { ...common, minimum_chrome_version: CHROME_MIN_VERSION, background: { ...background } };
  }
  const firefox: BrowserManifest = {
    // The same permissions as Chrome: `scripting` and the IESS host (the content script's own) inject the
    // strength estimator on the new-key step. Firefox 127+ grants MV3 host permissions at install.
    ...withSidebar(common, options.sidebarAtInstall ?? true),
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
  // Firefox for Android runs MV3 with content scripts: the in-page guide is the product there (no sidebar, no
  // side panel, no shortcuts; the popup opens full-screen).
  (firefox.browser_specific_settings as Record<string, unknown>).gecko_android = { strict_min_version: androidMinVersion(firefox) };
  return firefox;
}
