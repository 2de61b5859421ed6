/**
 * What the overlay may ask of the extension, over the platform adapter. Content scripts read settings from
 * the store but never write storage: every change is a message the background applies under its lock, so
 * two tabs (or a tab and the popup) never lose each other's writes.
 */
import type { ActivePerson } from './mismatch';
import { COUNTDOWN_PORT_NAME } from '../messages';
import { ask } from '../messages/replies';
import type { CountdownSource } from '../overlay/countdown-feed';
import type { PlatformApi, PortApi } from '../platform/api';
import { DEADLINES } from '../storage/deadlines';
import type { OverlayServices } from '../overlay/services';
import { SETTINGS, type Ticks } from '../storage/schema';
import type { Store } from '../storage/store';
import { makeCopy } from './copy';

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

/**
 * The countdown's deadline comes straight from the store (content scripts may read storage.local; only the
 * background writes it). While a clock runs, a port to the background carries a ping every second; if the
 * worker stopped, the port dropped and the next ping reconnects, which wakes it.
 */
export function countdownSource(api: PlatformApi, store: Store): CountdownSource {
  let port: PortApi | null = null;
  const drop = () => {
    port = null;
  };
  return {
    load: () => store.get(DEADLINES),
    subscribe: (listener) => store.subscribe(DEADLINES, listener),
    ping() {
      try {
        if (!port) {
          port = api.runtime.connect({ name: COUNTDOWN_PORT_NAME });
          port.onDisconnect.addListener(drop);
        }
        port.postMessage({ type: 'tick' });
      } catch {
        // Extension context gone (reload, update): the content script is about to remove itself.
        port = null;
      }
    },
    release() {
      const open = port;
      port = null;
      try {
        open?.disconnect();
      } catch {
        // Already gone.
      }
    },
  };
}

export function overlayServices(
  api: PlatformApi,
  store: Store,
  doc: Document,
  hideOnThisSite: () => void,
  people: ActivePerson,
): OverlayServices {
  return {
    version: api.runtime.getManifest().version,
    loadSettings: () => store.get(SETTINGS),
    saveSettings: async (patch) => void (await ask(api.runtime, { type: 'settings:patch', patch })),
    hideOnThisSite,
    loadTicks: () => ask(api.runtime, { type: 'ticks:get' }),
    saveTicks: async (ticks: Ticks) => void (await ask(api.runtime, { type: 'ticks:set', ticks })),
    copyText: (text) => copyText(text, doc),
    // The label comes from the one source the checks use too (content/mismatch.ts ActivePerson).
    activePersonLabel: async () => people.label,
    // No await before the send: Chrome honours the click's user action only while it is current.
    openSide: () => ask(api.runtime, { type: 'side:open' }),
    sideOpen: () => ask(api.runtime, { type: 'side:get' }),
    countdown: countdownSource(api, store),
    makeCopy: () => makeCopy(doc, api),
  };
}
