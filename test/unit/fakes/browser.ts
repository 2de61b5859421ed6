/**
 * An in-memory stand-in for webextension-polyfill, aliased in unit tests (see vite.config.ts). It is typed
 * against the platform adapter's `PlatformApi`, so it cannot drift from what the code calls. It reads the real
 * Spanish catalogue so components render the strings people will see, and it lets tests play the browser:
 * deliver messages with a chosen sender, fire install events, and invalidate the extension context the way
 * a reload or update does.
 */
import es from '../../../src/public/_locales/es/messages.json';
import type { AlarmInfo, MessageSender, PlatformApi, PortApi, ScriptInjection, StorageChange, TabInfo } from '../../../src/platform/api';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (es as Catalogue)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  let text = entry.message;
  for (const [name, placeholder] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(placeholder.content.replace('$', '')) - 1;
    text = text.replaceAll(new RegExp(`\\$${name}\\$`, 'gi'), subs[index] ?? '');
  }
  return text.replaceAll('$$', '$');
}

type Listener<A extends unknown[]> = (...args: A) => unknown;
function event<A extends unknown[]>() {
  const listeners = new Set<Listener<A>>();
  return {
    addListener: (l: Listener<A>) => void listeners.add(l),
    removeListener: (l: Listener<A>) => void listeners.delete(l),
    hasListener: (l: Listener<A>) => listeners.has(l),
    emit: (...args: A) => [...listeners].map((l) => l(...args)),
    get size() {
      return listeners.size;
    },
    clear: () => listeners.clear(),
  };
}

type Changes = Record<string, StorageChange>;

function storageArea(areaName: string, onChanged: ReturnType<typeof event<[Changes, string]>>) {
  let data: Record<string, unknown> = {};
  return {
    async get(keys?: string | string[] | null) {
      if (keys == null) return structuredClone(data);
      const names = typeof keys === 'string' ? [keys] : keys;
      const out: Record<string, unknown> = {};
      for (const name of names) if (name in data) out[name] = structuredClone(data[name]);
      return out;
    },
    async set(items: Record<string, unknown>) {
      const changes: Changes = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: structuredClone(v) };
        data[k] = structuredClone(v);
      }
      onChanged.emit(changes, areaName);
    },
    async remove(keys: string | string[]) {
      const changes: Changes = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (k in data) changes[k] = { oldValue: data[k] };
        delete data[k];
      }
      if (Object.keys(changes).length > 0) onChanged.emit(changes, areaName);
    },
    async clear() {
      const changes = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { oldValue: v }]));
      data = {};
      if (Object.keys(changes).length > 0) onChanged.emit(changes, areaName);
    },
    reset() {
      data = {};
    },
  };
}

const EXTENSION_ID = 'claveguia-test';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
/** Who `runtime.sendMessage` says sent a message: by default, our content script on an IESS tab. */
export const CONTENT_SENDER: MessageSender = { id: EXTENSION_ID, frameId: 0, url: 'https://app.iess.gob.ec/x', tab: { id: 1 } };
export const POPUP_SENDER: MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };

const storageChanged = event<[Changes, string]>();
const runtimeMessage = event<[unknown, MessageSender]>();
const commandEvent = event<[string, TabInfo | undefined]>();
const installed = event<[{ reason: string; previousVersion?: string }]>();
const connected = event<[PortApi]>();
const tabActivated = event<[{ tabId: number; windowId: number }]>();
const tabUpdated = event<[number, { status?: string }]>();
const tabRemoved = event<[number]>();
const alarmFired = event<[AlarmInfo]>();
const local = storageArea('local', storageChanged);
const session = storageArea('session', storageChanged);

interface FakePort extends PortApi {
  connected: boolean;
}
const ports = new Set<FakePort>();
let contextValid = true;

function makePort(name: string): FakePort {
  const onDisconnect = event<[PortApi]>();
  const onMessage = event<[unknown, PortApi]>();
  const port: FakePort = {
    name,
    connected: true,
    onDisconnect,
    onMessage,
    // One object plays both ends: a message posted by the view reaches the background's listener.
    postMessage(message: unknown) {
      if (!port.connected) throw new Error('Attempting to use a disconnected port object');
      onMessage.emit(structuredClone(message), port);
    },
    disconnect() {
      port.connected = false;
      ports.delete(port);
    },
  };
  ports.add(port);
  return port;
}

/** What tests control beyond the API itself. */
export const fakeControl = {
  /** The sender the next `runtime.sendMessage` calls report. */
  sender: CONTENT_SENDER as MessageSender,
  tabs: [] as TabInfo[],
  sentToTabs: [] as { tabId: number; message: unknown }[],
  /** Whether `tabs.sendMessage` also reaches the content script running in this test's document. */
  deliverToTabs: false,
  /** Every `scripting.executeScript` call, as made. */
  injected: [] as ScriptInjection[],
  /**
   * What running injected files does in the tab (the unit tests' one global plays the target's isolated world).
   * Functions (`func`) run for real against that global, with their `args`.
   */
  onFiles: (_injection: ScriptInjection): void => undefined,
  /** Makes the next `scripting.executeScript` calls fail, as for a tab that navigated or closed. */
  failInjection: false,
  /** Optional permissions granted so far, and whether the next `permissions.request` is accepted. */
  granted: new Set<string>(),
  grantNext: true,
  contentScripts: [{ js: ['assets/content.js'], matches: ['*://*.iess.gob.ec/*'] }],
  /** Open ports (content scripts connected to the background). */
  get openPorts(): number {
    return ports.size;
  },
  /** What an extension reload or update does to a content script: the runtime goes, its ports drop. */
  invalidateContext({ dropPorts = true } = {}): void {
    contextValid = false;
    if (!dropPorts) return;
    for (const port of [...ports]) {
      ports.delete(port);
      port.connected = false;
      (port.onDisconnect as ReturnType<typeof event<[PortApi]>>).emit(port);
    }
  },
  /** What a stopped service worker does: ports drop, the runtime stays. */
  dropPorts(): void {
    for (const port of [...ports]) {
      ports.delete(port);
      port.connected = false;
      (port.onDisconnect as ReturnType<typeof event<[PortApi]>>).emit(port);
    }
  },
  install: (reason = 'update') => installed.emit({ reason }),
  command: (name: string, tab?: TabInfo) => commandEvent.emit(name, tab),
  removeTab: (tabId: number) => tabRemoved.emit(tabId),
  activateTab: (tabId: number, windowId = 1) => tabActivated.emit({ tabId, windowId }),
  updateTab: (tabId: number, changeInfo: { status?: string }) => tabUpdated.emit(tabId, changeInfo),
  /** What `sidePanel.open` was asked to open, in order. */
  sidePanelOpened: [] as { tabId?: number; windowId?: number }[],
  /** Scheduled alarms by name, as `alarms.create` left them. */
  alarms: new Map<string, AlarmInfo>(),
  /** Fires every alarm due at `now` (a test's fake clock), the way the browser would. */
  fireDueAlarms(now: number): AlarmInfo[] {
    const due = [...fakeControl.alarms.values()].filter((a) => a.scheduledTime <= now).sort((a, b) => a.scheduledTime - b.scheduledTime);
    for (const alarm of due) {
      fakeControl.alarms.delete(alarm.name);
      alarmFired.emit(alarm);
    }
    return due;
  },
  /** The toolbar button as the background last set it. */
  badge: { text: '', background: '', color: '', title: '' },
  notifications: [] as { id: string; title: string; message: string }[],
  listenerCounts: () => ({ message: runtimeMessage.size, storage: storageChanged.size }),
};

export const fakeBrowser = {
  i18n: { getMessage, getUILanguage: () => 'es' },
  storage: { local, session, onChanged: storageChanged },
  runtime: {
    get id() {
      return contextValid ? EXTENSION_ID : undefined;
    },
    getManifest: () => ({ version: '0.0.0-test', manifest_version: 3, content_scripts: fakeControl.contentScripts }),
    getURL: (path: string) => `${ORIGIN}${path.replace(/^\//, '')}`,
    sendMessage: (message: unknown) => {
      if (!contextValid) return Promise.reject(new Error('Extension context invalidated.'));
      const reply = Promise.all(runtimeMessage.emit(structuredClone(message), fakeControl.sender)).then((results) => results.find((r) => r !== undefined));
      pendingReplies.add(reply);
      const forget = () => void pendingReplies.delete(reply);
      reply.then(forget, forget);
      return reply;
    },
    onMessage: runtimeMessage,
    connect: ({ name }: { name: string }) => {
      if (!contextValid) throw new Error('Extension context invalidated.');
      const port = makePort(name);
      connected.emit(port);
      return port;
    },
    onConnect: connected,
    onInstalled: installed,
  },
  commands: { onCommand: commandEvent },
  tabs: {
    sendMessage: async (tabId: number, message: unknown) => {
      fakeControl.sentToTabs.push({ tabId, message });
      // The unit tests' one global plays the tab's content script too: deliver it there when a test asks.
      if (fakeControl.deliverToTabs) runtimeMessage.emit(structuredClone(message), { id: EXTENSION_ID });
      return undefined;
    },
    query: async (query: { url?: string | string[]; active?: boolean; windowId?: number }) =>
      query.active
        ? fakeControl.tabs.slice(0, 1)
        : fakeControl.tabs.filter(
            (tab) => (!query.url || /\.iess\.gob\.ec\//.test(tab.url ?? '')) && (query.windowId === undefined || (tab.windowId ?? 1) === query.windowId),
          ),
    onRemoved: tabRemoved,
    onActivated: tabActivated,
    onUpdated: tabUpdated,
  },
  alarms: {
    create: (name: string, info: { when: number }) => void fakeControl.alarms.set(name, { name, scheduledTime: info.when }),
    clear: async (name: string) => fakeControl.alarms.delete(name),
    getAll: async () => [...fakeControl.alarms.values()].map((a) => ({ ...a })),
    onAlarm: alarmFired,
  },
  action: {
    setBadgeText: async ({ text }: { text: string }) => void (fakeControl.badge.text = text),
    setBadgeBackgroundColor: async ({ color }: { color: string }) => void (fakeControl.badge.background = color),
    setBadgeTextColor: async ({ color }: { color: string }) => void (fakeControl.badge.color = color),
    setTitle: async ({ title }: { title: string }) => void (fakeControl.badge.title = title),
  },
  permissions: {
    contains: async ({ permissions = [] }: { permissions?: string[] }) => permissions.every((p) => fakeControl.granted.has(p)),
    request: async ({ permissions = [] }: { permissions?: string[] }) => {
      if (!fakeControl.grantNext) return false;
      for (const p of permissions) fakeControl.granted.add(p);
      return true;
    },
  },
  notifications: {
    create: async (id: string, options: { title: string; message: string }) => {
      fakeControl.notifications.push({ id, title: options.title, message: options.message });
      return id;
    },
    clear: async (id: string) => {
      const before = fakeControl.notifications.length;
      fakeControl.notifications = fakeControl.notifications.filter((n) => n.id !== id);
      return fakeControl.notifications.length < before;
    },
  },
  sidePanel: {
    open: async (options: { tabId?: number; windowId?: number }) => void fakeControl.sidePanelOpened.push(options),
  },
  scripting: {
    executeScript: async (injection: ScriptInjection) => {
      const { func, ...data } = injection;
      fakeControl.injected.push({ ...structuredClone(data), ...(func ? { func } : {}) });
      if (fakeControl.failInjection) throw new Error('Frame with ID 0 was removed.');
      if (injection.files) fakeControl.onFiles(injection);
      const result = func ? func(...(injection.args ?? [])) : undefined;
      return (injection.target.frameIds ?? [0]).map((frameId) => ({ frameId, result }));
    },
  },
} satisfies PlatformApi;

/**
 * The same browser as a content script sees it: storage.session is out of reach (Chrome and Firefox keep it to
 * trusted contexts unless the extension opens it, which ClaveGuía does not), so reading or writing it throws and
 * its changes never reach a content script's `storage.onChanged` listener, as in the real browsers.
 */
const SESSION_DENIED = 'Access to storage is not allowed from this context.';
const denied = (..._args: unknown[]): Promise<never> => Promise.reject(new Error(SESSION_DENIED));
const deniedSession = { get: denied, set: denied, remove: denied, clear: denied };
const contentListeners = new Map<Listener<[Changes, string]>, Listener<[Changes, string]>>();
export const fakeContentBrowser = {
  ...fakeBrowser,
  storage: {
    local,
    session: deniedSession,
    onChanged: {
      addListener: (l: Listener<[Changes, string]>) => {
        const onlyVisible: Listener<[Changes, string]> = (changes, area) => (area === 'session' ? undefined : l(changes, area));
        contentListeners.set(l, onlyVisible);
        storageChanged.addListener(onlyVisible);
      },
      removeListener: (l: Listener<[Changes, string]>) => {
        const wrapped = contentListeners.get(l);
        if (wrapped) storageChanged.removeListener(wrapped);
        contentListeners.delete(l);
      },
    },
  },
} satisfies PlatformApi;

/** The `runtime.sendMessage` replies not yet settled. */
const pendingReplies = new Set<Promise<unknown>>();

/**
 * Waits until every runtime message sent so far has been answered (handlers included: an injection a handler
 * makes is recorded before its reply), then lets the senders' own `then`s run. A condition, not a fixed time.
 */
export async function allAnswered(): Promise<void> {
  while (pendingReplies.size > 0) await Promise.allSettled([...pendingReplies]);
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

export function resetFakeBrowser(): void {
  pendingReplies.clear();
  local.reset();
  session.reset();
  contentListeners.clear();
  for (const e of [storageChanged, runtimeMessage, commandEvent, installed, connected, tabRemoved, tabActivated, tabUpdated, alarmFired]) e.clear();
  fakeControl.alarms.clear();
  fakeControl.badge = { text: '', background: '', color: '', title: '' };
  fakeControl.granted.clear();
  fakeControl.notifications = [];
  ports.clear();
  contextValid = true;
  fakeControl.sender = CONTENT_SENDER;
  fakeControl.tabs = [];
  fakeControl.sentToTabs = [];
  fakeControl.deliverToTabs = false;
  fakeControl.injected = [];
  fakeControl.sidePanelOpened = [];
  fakeControl.onFiles = () => undefined;
  fakeControl.failInjection = false;
  fakeControl.granted = new Set();
  fakeControl.grantNext = true;
}

export default fakeBrowser;
