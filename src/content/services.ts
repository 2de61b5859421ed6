/**
 * What the overlay may ask of the extension, implemented over the platform adapter. The overlay itself
 * never touches extension APIs, so it stays testable with a fake.
 */
import { platform } from '../platform/browser';
import type { OverlayServices } from '../overlay/mount';
import { SETTINGS_KEY, parseSettings, parseTicks, type Settings, type Ticks } from '../storage/schema';
import type { ToBackground } from '../messages';

export async function loadSettings(): Promise<Settings> {
  const stored = await platform.storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

async function updateSettings(change: (current: Settings) => Settings): Promise<void> {
  await platform.storage.local.set({ [SETTINGS_KEY]: change(await loadSettings()) });
}

const ask = (message: ToBackground): Promise<unknown> => platform.runtime.sendMessage(message);

/** Copies through the async clipboard where the page is a secure context, else through a selection. */
async function copyText(text: string, doc: Document): Promise<void> {
  if (doc.defaultView?.isSecureContext && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
  doc.documentElement.append(area);
  try {
    area.select();
    if (!doc.execCommand('copy')) throw new Error('copy refused');
  } finally {
    area.remove();
  }
}

export function overlayServices(doc: Document, hostname: string): OverlayServices {
  return {
    version: platform.runtime.getManifest().version,
    loadSettings,
    saveSettings: (patch) => updateSettings((s) => ({ ...s, ...patch })),
    hideOnThisSite: () =>
      updateSettings((s) => ({ ...s, hiddenHosts: [...new Set([...s.hiddenHosts, hostname])] })),
    loadTicks: async () => parseTicks(await ask({ type: 'ticks:get' }).catch(() => ({}))),
    saveTicks: async (ticks: Ticks) => void (await ask({ type: 'ticks:set', ticks }).catch(() => undefined)),
    copyText: (text) => copyText(text, doc),
  };
}
