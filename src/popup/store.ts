import { platform } from '../platform/browser';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings, type Settings } from '../storage/schema';

/** What the popup reads and writes; a seam so the component is testable without the browser. */
export interface PopupStore {
  loadSettings(): Promise<Settings>;
  showOnHost(host: string): Promise<Settings>;
  subscribe(onChange: (settings: Settings) => void): () => void;
  /** Erases everything ClaveGuía stored, in both areas, in one action. */
  eraseAll(): Promise<void>;
}

export const popupStore: PopupStore = {
  async loadSettings() {
    const stored = await platform.storage.local.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY] ?? DEFAULT_SETTINGS);
  },
  async showOnHost(host) {
    const current = await this.loadSettings();
    const next: Settings = { ...current, hiddenHosts: current.hiddenHosts.filter((h) => h !== host) };
    await platform.storage.local.set({ [SETTINGS_KEY]: next });
    return next;
  },
  async eraseAll() {
    await Promise.all([platform.storage.local.clear(), platform.storage.session.clear()]);
  },
  subscribe(onChange) {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SETTINGS_KEY in changes) onChange(parseSettings(changes[SETTINGS_KEY]?.newValue));
    };
    platform.storage.onChanged.addListener(listener);
    return () => platform.storage.onChanged.removeListener(listener);
  },
};
