/**
 * The background, assembled from its parts. It holds no state in memory: Chrome stops the worker after
 * ~30 s idle and Firefox unloads the event page, so everything lives in the store. Constructing it does
 * nothing; `start` registers every listener once (synchronously, as MV3 requires at the worker's top level).
 */
import { CONTENT_PORT_NAME, COUNTDOWN_PORT_NAME, SIDE_PORT_NAME, type ToContent } from '../messages';
import type { PlatformApi, PortApi, StorageChange } from '../platform/api';
import { onClockMoved } from '../platform/now';
import { PEOPLE_SESSION, activePerson, parsePeople } from '../storage/people';
import { tabStepItem, ticksItem } from '../storage/schema';
import { createStore, type Store } from '../storage/store';
import { createCommandRouter } from './commands';
import { createDeadlineKeeper, type Clock, type DeadlineKeeper } from './deadline';
import { createDispatcher, messageHandlers } from './messages';
import { tell } from '../messages/replies';
import { reinjectIntoOpenTabs } from './reinject';
import { createSideTracker, type SideTracker } from './side';

export interface Background {
  readonly store: Store;
  readonly deadlines: DeadlineKeeper;
  readonly side: SideTracker;
  start(): void;
}

const ERASED: ToContent = { type: 'data:erased' };
const PERSON_CHANGED: ToContent = { type: 'person:changed' };

/**
 * The active person in a stored people value (either area), without the pre-flight ticks, for comparing before and
 * after: a switch, an edit of the cédula or the e-mail, an erase all change it (issue 18); a tick does not.
 */
const activeData = (raw: unknown): string => {
  const person = activePerson(parsePeople(raw).value);
  if (!person) return '';
  const { preflight: _ticks, ...data } = person;
  return JSON.stringify(data);
};

export function createBackground(api: PlatformApi, store: Store = createStore(api.storage), clock?: Clock): Background {
  let started = false;
  const deadlines = createDeadlineKeeper(api, store, clock);
  const side = createSideTracker(api);

  const onInstalled = (details: { reason: string }) => {
    void store.migrateStored();
    if (details.reason === 'install' || details.reason === 'update') void reinjectIntoOpenTabs(api);
  };
  // Content scripts hold a port open only so that its loss tells them the extension went away.
  const onConnect = (port: PortApi) => {
    if (port.name === COUNTDOWN_PORT_NAME) deadlines.onViewPort(port);
    else if (port.name === SIDE_PORT_NAME) side.onPort(port);
    else if (port.name !== CONTENT_PORT_NAME) port.disconnect();
  };
  const onTabRemoved = (tabId: number) => {
    void store.remove(ticksItem(tabId));
    void store.remove(tabStepItem(tabId));
  };
  // A tab that starts loading has left its page: its step is stale until the new page's script reports.
  const onTabUpdated = (tabId: number, changeInfo: { status?: string }) => {
    if (changeInfo.status === 'loading') void store.remove(tabStepItem(tabId));
  };

  /** Open overlays drop whatever they hold in memory; tabs without our script simply refuse. */
  const tellTabsErased = async () => {
    const tabs = await api.tabs.query({}).catch(() => []);
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : tell(api.tabs, tab.id, ERASED))));
  };

  const tellTabs = async (message: ToContent) => {
    const tabs = await api.tabs.query({}).catch(() => []);
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : tell(api.tabs, tab.id, message))));
  };
  /**
   * Content scripts cannot see storage.session, where people live by default: when the active person (who, or
   * their data) changes in either area, open overlays are told to ask again (`person:active`). Ticks alone change
   * nothing.
   */
  const onStorageChanged = (changes: Record<string, StorageChange>) => {
    const change = changes[PEOPLE_SESSION.key];
    if (change && activeData(change.oldValue) !== activeData(change.newValue)) void tellTabs(PERSON_CHANGED);
  };

  return {
    store,
    deadlines,
    side,
    start() {
      if (started) return;
      started = true;
      api.runtime.onMessage.addListener(createDispatcher(api, messageHandlers(store, deadlines, side)));
      api.alarms.onAlarm.addListener(deadlines.onAlarm);
      api.commands?.onCommand.addListener(createCommandRouter(api, side));
      api.runtime.onInstalled.addListener(onInstalled);
      api.runtime.onConnect.addListener(onConnect);
      api.tabs.onRemoved.addListener(onTabRemoved);
      api.tabs.onUpdated.addListener(onTabUpdated);
      store.onErase(tellTabsErased);
      api.storage.onChanged.addListener(onStorageChanged);
      store.onErase(() => deadlines.erase());
      // A woken worker (or event page) recomputes the badge and re-creates alarms from the stored deadline.
      void deadlines.sync().catch(() => undefined);
      // E2E build only: a test moved the clock (src/platform/now.ts); shipped builds register nothing.
      onClockMoved(() => void deadlines.sync().catch(() => undefined));
    },
  };
}
