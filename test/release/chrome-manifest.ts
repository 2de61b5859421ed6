/**
 * The manifest keys Chrome knows for MV3 (developer.chrome.com "Manifest file format"). Chrome warns about an
 * unrecognised key ("Unrecognized manifest key") and the Chrome Web Store reviews what it is given, so the
 * Chrome package must carry only these; Firefox-only keys (browser_specific_settings, sidebar_action,
 * background.scripts…) belong to the Firefox manifest alone (src/platform/manifest.ts).
 */
const CHROME_MV3_KEYS: ReadonlySet<string> = new Set([
  'manifest_version', 'name', 'version', 'description', 'icons', 'action', 'author', 'background',
  'chrome_settings_overrides', 'chrome_url_overrides', 'commands', 'content_scripts', 'content_security_policy',
  'cross_origin_embedder_policy', 'cross_origin_opener_policy', 'declarative_net_request', 'default_locale',
  'devtools_page', 'export', 'externally_connectable', 'homepage_url', 'host_permissions', 'import', 'incognito',
  'key', 'minimum_chrome_version', 'oauth2', 'omnibox', 'optional_host_permissions', 'optional_permissions',
  'options_page', 'options_ui', 'permissions', 'requirements', 'sandbox', 'short_name', 'side_panel', 'storage',
  'tts_engine', 'update_url', 'version_name', 'web_accessible_resources',
]);

/** Keys Chrome accepts inside the objects where Firefox has extra ones. */
const CHROME_NESTED_KEYS: Readonly<Record<string, ReadonlySet<string>>> = {
  background: new Set(['service_worker', 'type']),
  options_ui: new Set(['page', 'open_in_tab']),
  action: new Set(['default_icon', 'default_popup', 'default_title']),
};

/** Every key of `manifest` Chrome would not recognise, as a dotted path; empty when the manifest is clean. */
export function keysChromeRejects(manifest: Record<string, unknown>): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(manifest)) {
    if (!CHROME_MV3_KEYS.has(key)) {
      found.push(key);
      continue;
    }
    const nested = CHROME_NESTED_KEYS[key];
    if (nested && value && typeof value === 'object') {
      for (const inner of Object.keys(value)) if (!nested.has(inner)) found.push(`${key}.${inner}`);
    }
  }
  return found;
}
