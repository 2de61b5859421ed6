/**
 * What the extension pages (popup, options page, side area) read and write, over the one store; a seam so the components are
 * testable without the browser. "Olvidar todo" goes through the background, which owns the erase hooks (open
 * overlays, and later alarms and the badge).
 *
 * People live in `storage.session` by default; "Recordar en este equipo" (options.rememberPeople) keeps them
 * in `storage.local`. `setRemember` moves them between the two areas: the destination is written first, then
 * the option flips, then the source is removed, so no reader ever sees nobody.
 */
import { checkSite, type SiteCheck } from '../flow/official-site';
import { setLanguage } from '../i18n/t';
import { ask } from '../messages/replies';
import type { PlatformApi, TabInfo } from '../platform/api';
import { platform } from '../platform/browser';
import { capabilitiesOf, type Capabilities } from '../platform/capabilities';
import { isIessUrl } from '../platform/hosts';
import { OPTIONS, type Options } from '../storage/options';
import { PEOPLE_REMEMBERED, PEOPLE_SESSION, type People } from '../storage/people';
import { SETTINGS, tabStepItem, ticksItem, type Settings, type TabStep, type Ticks } from '../storage/schema';
import { createStore, type Store } from '../storage/store';

/** The tab the toolbar button was clicked on (activeTab), as far as the popup needs it. */
export interface ActiveTab {
  id: number | null;
  windowId: number | null;
  /** The official-site verdict; `unknown` when the address cannot be read. */
  site: SiteCheck;
  /** The host, when the tab is an IESS page where the guide runs (for "show / hide the guide here"). */
  portalHost: string | null;
}

export interface PagesStore {
  loadSettings(): Promise<Settings>;
  showOnHost(host: string): Promise<Settings>;
  hideOnHost(host: string): Promise<Settings>;
  subscribe(onChange: (settings: Settings) => void): () => void;

  loadOptions(): Promise<Options>;
  saveOptions(change: (current: Options) => Options): Promise<Options>;
  subscribeOptions(onChange: (options: Options) => void): () => void;

  /** The people, from the area the options choose. */
  loadPeople(): Promise<People>;
  updatePeople(change: (current: People) => People): Promise<People>;
  subscribePeople(onChange: () => void): () => void;
  /** Moves the people to `storage.local` (true) or back to `storage.session` (false). */
  setRemember(remember: boolean): Promise<Options>;

  activeTab(): Promise<ActiveTab>;
  tabStep(tabId: number): Promise<TabStep | null>;
  /** A tab's step checklist ticks (shared with the overlay and the side area). */
  ticks(tabId: number): Promise<Ticks>;
  saveTicks(tabId: number, change: (ticks: Ticks) => Ticks): Promise<Ticks>;

  /** What this browser offers: a side column to open, keyboard shortcuts to mention (not on a phone). */
  capabilities(): Capabilities;

  /** Asks for the optional `notifications` permission (a user gesture is required). */
  requestNotifications(): Promise<boolean>;
  optionsPageUrl(): string;

  /**
   * Opens the guide in the browser's side area (Chrome's side panel, Firefox's sidebar). Call it straight
   * from the click: both browsers accept it only inside the person's action. False where it is unavailable.
   */
  openSide(windowId: number | null): Promise<boolean>;

  /** Erases everything ClaveGuía stored, in both areas, in one action. */
  eraseAll(): Promise<void>;
}

const peopleItem = (options: Options) => (options.rememberPeople ? PEOPLE_REMEMBERED : PEOPLE_SESSION);

export function createPagesStore(api: PlatformApi, store: Store = createStore(api.storage)): PagesStore {
  const options = () => store.get(OPTIONS);
  return {
    loadSettings: () => store.get(SETTINGS),
    showOnHost: (host) => store.update(SETTINGS, (s) => ({ ...s, hiddenHosts: s.hiddenHosts.filter((h) => h !== host) })),
    hideOnHost: (host) =>
      store.update(SETTINGS, (s) => ({ ...s, hiddenHosts: s.hiddenHosts.includes(host) ? s.hiddenHosts : [...s.hiddenHosts, host] })),
    subscribe: (onChange) => store.subscribe(SETTINGS, onChange),

    async loadOptions() {
      const value = await options();
      setLanguage(value.language);
      return value;
    },
    async saveOptions(change) {
      const value = await store.update(OPTIONS, change);
      setLanguage(value.language);
      return value;
    },
    subscribeOptions: (onChange) =>
      store.subscribe(OPTIONS, (value) => {
        setLanguage(value.language);
        onChange(value);
      }),

    loadPeople: async () => store.get(peopleItem(await options())),
    updatePeople: async (change) => store.update(peopleItem(await options()), change),
    subscribePeople(onChange) {
      const offs = [PEOPLE_SESSION, PEOPLE_REMEMBERED].map((item) => store.subscribe(item, () => onChange()));
      return () => offs.forEach((off) => off());
    },
    async setRemember(remember) {
      const current = await options();
      if (current.rememberPeople === remember) return current;
      const from = remember ? PEOPLE_SESSION : PEOPLE_REMEMBERED;
      const to = remember ? PEOPLE_REMEMBERED : PEOPLE_SESSION;
      const people = await store.get(from);
      await store.update(to, () => people);
      const next = await store.update(OPTIONS, (o) => ({ ...o, rememberPeople: remember }));
      await store.remove(from);
      return next;
    },

    async activeTab() {
      let tab: TabInfo | undefined;
      try {
        [tab] = await api.tabs.query({ active: true, currentWindow: true });
      } catch {
        tab = undefined;
      }
      const url = tab?.url ?? '';
      const site = checkSite(url);
      return { id: tab?.id ?? null, windowId: tab?.windowId ?? null, site, portalHost: url && isIessUrl(url) ? site.host : null };
    },
    tabStep: (tabId) => store.get(tabStepItem(tabId)),
    ticks: (tabId) => store.get(ticksItem(tabId)),
    saveTicks: (tabId, change) => store.update(ticksItem(tabId), change),
    capabilities: () => capabilitiesOf(api),

    async requestNotifications() {
      try {
        return (await api.permissions?.request({ permissions: ['notifications'] })) === true;
      } catch {
        return false;
      }
    },
    optionsPageUrl: () => api.runtime.getURL('src/options/index.html'),

    openSide(windowId) {
      const opening = api.sidePanel
        ? windowId === null
          ? Promise.reject(new Error('no window'))
          : api.sidePanel.open({ windowId })
        : api.sidebarAction
          ? api.sidebarAction.open()
          : Promise.reject(new Error('no side area'));
      return opening.then(
        () => true,
        () => false,
      );
    },

    async eraseAll() {
      if (!(await ask(api.runtime, { type: 'data:erase' }))) throw new Error('erase not confirmed');
    },
  };
}

export const pagesStore: PagesStore = createPagesStore(platform);
