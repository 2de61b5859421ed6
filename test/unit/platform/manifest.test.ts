import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { androidMinVersion, FIREFOX_MIN_VERSION, GECKO_ID, toBrowserManifest, type SourceManifest } from '../../../src/platform/manifest';

const source = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../manifest.json'), 'utf8')) as SourceManifest;

describe('toBrowserManifest', () => {
  it('gives Chrome a service worker and the package version', () => {
    const chrome = toBrowserManifest(source, 'chrome', '1.2.3');
    expect(chrome.background).toEqual({ service_worker: source.background.service_worker, type: 'module' });
    expect(chrome.version).toBe('1.2.3');
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('gives Firefox the same worker as an event-page script, a gecko id and a minimum version', () => {
    const firefox = toBrowserManifest(source, 'firefox', '1.2.3');
    expect(firefox.background).toEqual({ scripts: [source.background.service_worker], type: 'module' });
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
  });

  it('declares Firefox for Android from the newest version its keys need (data_collection_permissions: 142)', () => {
    const firefox = toBrowserManifest(source, 'firefox', '1.0.0');
    expect(androidMinVersion(firefox)).toBe('142.0');
    // Without the data-collection key, MV3 host permissions (granted at install from 127) set the floor.
    const { browser_specific_settings: _s, ...withoutGecko } = firefox;
    expect(androidMinVersion({ ...withoutGecko, browser_specific_settings: { gecko: { id: GECKO_ID } } })).toBe('127.0');
    expect(androidMinVersion({})).toBe('113.0');
  });

  it('keeps everything else identical between browsers and leaves the source untouched', () => {
    const before = structuredClone(source);
    const strip = (m: Record<string, unknown>) => {
      const { background: _b, browser_specific_settings: _g, minimum_chrome_version: _c, side_panel: _s, sidebar_action: _f, commands: _k, ...rest } = m;
      return { ...rest, permissions: (rest.permissions as string[]).filter((p) => p !== 'sidePanel') };
    };
    expect(strip(toBrowserManifest(source, 'chrome', '1.0.0'))).toEqual(strip(toBrowserManifest(source, 'firefox', '1.0.0')));
    expect(source).toEqual(before);
  });

  it('asks both browsers for scripting and the IESS host (the estimator), nothing wider; the side panel is Chrome’s', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const built = toBrowserManifest(source, browser, '1.0.0');
      expect(built.permissions).toEqual(['storage', 'scripting', 'activeTab', 'alarms', ...(browser === 'chrome' ? ['sidePanel'] : [])]);
      expect(built.host_permissions).toEqual(['*://*.iess.gob.ec/*']);
      expect(built.optional_permissions).toEqual(['notifications']);
      expect(built).not.toHaveProperty('web_accessible_resources');
    }
  });

  it("declares the side area the way each browser wants it: Chrome's side panel, Firefox's sidebar", () => {
    const chrome = toBrowserManifest(source, 'chrome', '1.0.0');
    const firefox = toBrowserManifest(source, 'firefox', '1.0.0');
    expect(chrome.side_panel).toEqual({ default_path: 'src/side/index.html' });
    expect(chrome).not.toHaveProperty('sidebar_action');
    expect(chrome.commands).toHaveProperty('open-side');
    expect(firefox).not.toHaveProperty('side_panel');
    expect(firefox.permissions).not.toContain('sidePanel');
    expect(firefox.sidebar_action).toMatchObject({ default_panel: 'src/side/index.html', default_title: '__MSG_sideTitle__', open_at_install: true });
    // Firefox toggles its sidebar itself on this command name; the same key and words as Chrome's.
    const commands = firefox.commands as Record<string, unknown>;
    expect(commands).not.toHaveProperty('open-side');
    expect(commands._execute_sidebar_action).toEqual((chrome.commands as Record<string, unknown>)['open-side']);
    expect(Object.keys(commands).sort()).toEqual(['_execute_sidebar_action', 'focus-overlay', 'toggle-overlay']);
    // Only the builds for inspecting the in-page overlay keep the sidebar closed at install.
    expect(toBrowserManifest(source, 'firefox', '1.0.0', { sidebarAtInstall: false }).sidebar_action).toMatchObject({ open_at_install: false });
  });

  it('has an options page in a tab and asks for notifications only as an optional permission', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const built = toBrowserManifest(source, browser, '1.0.0');
      expect(built.options_ui).toEqual({ page: 'src/options/index.html', open_in_tab: true });
      expect(built.optional_permissions).toEqual(['notifications']);
      expect(built.permissions).not.toContain('notifications');
    }
  });

  it('declares Spanish as the default locale and localised name and description', () => {
    expect(source.default_locale).toBe('es');
    expect(source.name).toBe('__MSG_extName__');
    expect(source.description).toBe('__MSG_extDescription__');
    expect(Object.keys(source.icons as object)).toEqual(['16', '32', '48', '128']);
  });
});
