/**
 * After an install or update, brings the guide back to IESS tabs that were already open. Chrome does not
 * inject declared content scripts into existing tabs; Firefox does, so there nothing is injected (it would run
 * twice). Both builds have `scripting` now (for the strength estimator), so the browser is told explicitly
 * (platform/build-target.ts). The stale script of the previous version has already removed itself (see
 * content/context.ts); the new one replaces any host it left behind.
 */
import type { PlatformApi } from '../platform/api';
import { BUILD_TARGET, INJECTS_INTO_OPEN_TABS } from '../platform/build-target';
import { IESS_MATCH_PATTERN } from '../platform/hosts';
import type { TargetBrowser } from '../platform/target';

export async function reinjectIntoOpenTabs(api: PlatformApi, browser: TargetBrowser = BUILD_TARGET): Promise<number> {
  const scripting = api.scripting;
  if (!scripting || INJECTS_INTO_OPEN_TABS[browser]) return 0;
  const files = (api.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.js ?? []);
  if (files.length === 0) return 0;
  // Host permission for the IESS pattern lets `url` filter without the "tabs" permission.
  const tabs = await api.tabs.query({ url: IESS_MATCH_PATTERN }).catch(() => []);
  let injected = 0;
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      // A tab may be discarded, closing, or showing an error page: skip it, the next load injects normally.
      await scripting.executeScript({ target: { tabId: tab.id }, files }).then(
        () => void injected++,
        () => undefined,
      );
    }),
  );
  return injected;
}
