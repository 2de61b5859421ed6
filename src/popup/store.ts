/**
 * What the popup reads and writes, over the one store; a seam so the component is testable without the
 * browser. "Olvidar todo" goes through the background, which owns the erase hooks (open overlays, and later
 * alarms and the badge).
 */
import type { PlatformApi } from '../platform/api';
import { platform } from '../platform/browser';
import { SETTINGS, type Settings } from '../storage/schema';
import { createStore } from '../storage/store';

export interface PopupStore {
  loadSettings(): Promise<Settings>;
  showOnHost(host: string): Promise<Settings>;
  subscribe(onChange: (settings: Settings) => void): () => void;
  /** Erases everything ClaveGuía stored, in both areas, in one action. */
  eraseAll(): Promise<void>;
}

export function createPopupStore(api: PlatformApi): PopupStore {
  const store = createStore(api.storage);
  return {
    loadSettings: () => store.get(SETTINGS),
    showOnHost: (host) => store.update(SETTINGS, (s) => ({ ...s, hiddenHosts: s.hiddenHosts.filter((h) => h !== host) })),
    subscribe: (onChange) => store.subscribe(SETTINGS, onChange),
    async eraseAll() {
      const done = await api.runtime.sendMessage({ type: 'data:erase' });
      if (done !== true) throw new Error('erase not confirmed');
    },
  };
}

export const popupStore: PopupStore = createPopupStore(platform);
