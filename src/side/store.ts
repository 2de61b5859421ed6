/**
 * What the side area reads and writes, over the one store: the tab the person is looking at, what its page
 * shows (structure only, written by the background from the content script's `page:step`), that tab's
 * checklist ticks, and the people (shared with the popup). A seam, so the view is testable without a browser.
 */
import type { StepId } from '../detect/vocabulary';
import { SIDE_PORT_NAME, type CopyAnswer, type SideReport } from '../messages';
import { askTab } from '../messages/replies';
import type { PlatformApi, PortApi } from '../platform/api';
import { platform } from '../platform/browser';
import { tabStepItem, ticksItem, type TabStep, type Ticks } from '../storage/schema';
import { createStore, type Store } from '../storage/store';
import { createPagesStore, type PagesStore } from '../ui/pages-store';

export interface SideTab {
  id: number;
  windowId: number;
}

export type SideStore = Pick<
  PagesStore,
  'loadOptions' | 'subscribeOptions' | 'loadPeople' | 'updatePeople' | 'subscribePeople' | 'ticks' | 'saveTicks'
> & {
  /** The active tab of the side area's own window. */
  activeTab(): Promise<SideTab | null>;
  /** Called with the newly active tab of that window. */
  onTabActivated(listener: (tab: SideTab) => void): () => void;
  tabStep(tabId: number): Promise<TabStep | null>;
  subscribeTabStep(tabId: number, listener: (step: TabStep | null) => void): () => void;
  subscribeTicks(tabId: number, listener: (ticks: Ticks) => void): () => void;
  /**
   * Tells the background the side area is open in `windowId` (overlays there stay a pill) for as long as the
   * page lives; reconnects if the worker stopped. Returns the disconnect.
   */
  announceOpen(windowId: number): SideAnnouncer;
  /** "Guardar copia anónima": asks the tab's content script for the page's anonymous copy (null when it cannot). */
  makeCopy?(tabId: number): Promise<CopyAnswer | null>;
};

/** The side area's line to the background while it lives. */
export interface SideAnnouncer {
  /** Says which step it now shows (structure only). */
  showing(step: StepId | null): void;
  close(): void;
}

/** A dropped port is retried after this long: long enough not to spin while the worker restarts. */
const RECONNECT_MS = 500;

export function createSideStore(api: PlatformApi, store: Store = createStore(api.storage)): SideStore {
  const shared = createPagesStore(api, store);
  return {
    loadOptions: shared.loadOptions,
    subscribeOptions: shared.subscribeOptions,
    loadPeople: shared.loadPeople,
    updatePeople: shared.updatePeople,
    subscribePeople: shared.subscribePeople,
    ticks: shared.ticks,
    saveTicks: shared.saveTicks,

    async activeTab() {
      const [tab] = await api.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      return tab?.id !== undefined && tab.windowId !== undefined ? { id: tab.id, windowId: tab.windowId } : null;
    },
    onTabActivated(listener) {
      let windowId: number | null = null;
      void this.activeTab().then((tab) => (windowId = tab?.windowId ?? null));
      const onActivated = (info: { tabId: number; windowId: number }) => {
        if (windowId === null || info.windowId === windowId) listener({ id: info.tabId, windowId: info.windowId });
      };
      api.tabs.onActivated.addListener(onActivated);
      return () => api.tabs.onActivated.removeListener(onActivated);
    },
    tabStep: (tabId) => store.get(tabStepItem(tabId)),
    subscribeTabStep: (tabId, listener) => store.subscribe(tabStepItem(tabId), listener),
    subscribeTicks: (tabId, listener) => store.subscribe(ticksItem(tabId), listener),

    makeCopy: async (tabId) => {
      return askTab(api.tabs, tabId, { type: 'copy:make' });
    },

    announceOpen(windowId) {
      let port: PortApi | null = null;
      let closed = false;
      let report: SideReport = { windowId, showing: null };
      let retry: ReturnType<typeof setTimeout> | undefined;
      const connect = () => {
        if (closed) return;
        try {
          port = api.runtime.connect({ name: SIDE_PORT_NAME });
          port.onDisconnect.addListener(() => {
            port = null;
            retry = setTimeout(connect, RECONNECT_MS);
          });
          port.postMessage(report);
        } catch {
          port = null;
        }
      };
      connect();
      return {
        showing(step) {
          report = { windowId, showing: step };
          try {
            port?.postMessage(report);
          } catch {
            // The worker stopped: the reconnection sends the report.
          }
        },
        close() {
          closed = true;
          clearTimeout(retry);
          port?.disconnect();
        },
      };
    },
  };
}

export const sideStore: SideStore = createSideStore(platform);
