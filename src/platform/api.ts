/**
 * The slice of the extension API that ClaveGuía uses, as one typed interface. The real adapter
 * (`browser.ts`) is checked against it at compile time, and so is the unit tests' fake, so neither can
 * drift from what the code calls. Adding a browser API means adding it here first.
 */

/** An extension event: what every `on…` object of the WebExtension API offers. */
export interface ApiEvent<Listener extends (...args: never[]) => unknown> {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

export interface StorageAreaApi {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
}

export interface StorageChange {
  oldValue?: unknown;
  newValue?: unknown;
}

export type StorageAreaName = 'local' | 'session';

export interface TabInfo {
  id?: number;
  url?: string;
  windowId?: number;
}

export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: TabInfo;
}

export interface PortApi {
  readonly name: string;
  /** Who opened it (on the receiving end): a content script's tab, with its window. */
  readonly sender?: MessageSender;
  readonly onDisconnect: ApiEvent<(port: PortApi) => void>;
  /** Messages from the other end (the countdown's views ping the background through one). */
  readonly onMessage: ApiEvent<(message: unknown, port: PortApi) => void>;
  postMessage(message: unknown): void;
  disconnect(): void;
}

export interface AlarmInfo {
  name: string;
  scheduledTime: number;
}

export interface ManifestInfo {
  version: string;
  content_scripts?: { js?: string[]; matches?: string[] }[];
}

/**
 * Files or one self-contained function (serialised: it sees only its JSON `args`) for a tab, or for some of its
 * frames; always into the extension's isolated world (where its content scripts run), never the page's.
 */
export interface ScriptInjection {
  target: { tabId: number; frameIds?: number[] };
  world?: 'ISOLATED';
  files?: string[];
  func?(...args: string[]): unknown;
  args?: string[];
}

export interface InjectionResult {
  frameId?: number;
  result?: unknown;
}

export interface PlatformApi {
  runtime: {
    /** Undefined (or throwing) in a content script whose extension was reloaded or updated. */
    readonly id: string | undefined;
    getManifest(): ManifestInfo;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: ApiEvent<(message: unknown, sender: MessageSender) => Promise<unknown> | undefined>;
    connect(connectInfo: { name: string }): PortApi;
    onConnect: ApiEvent<(port: PortApi) => void>;
    onInstalled: ApiEvent<(details: { reason: string; previousVersion?: string }) => void>;
  };
  storage: {
    local: StorageAreaApi;
    session: StorageAreaApi;
    onChanged: ApiEvent<(changes: Record<string, StorageChange>, areaName: string) => void>;
  };
  /** Keyboard shortcuts; absent on Firefox for Android (no physical keyboard assumed). */
  commands?: {
    onCommand: ApiEvent<(command: string, tab?: TabInfo) => void>;
  };
  tabs: {
    query(query: { active?: boolean; currentWindow?: boolean; windowId?: number; url?: string | string[] }): Promise<TabInfo[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    onRemoved: ApiEvent<(tabId: number) => void>;
    /** The side area follows the tab the person looks at (no permission: ids only). */
    onActivated: ApiEvent<(info: { tabId: number; windowId: number }) => void>;
    /** `status: 'loading'` (no permission needed) says a tab left its page: its detected step is stale. */
    onUpdated: ApiEvent<(tabId: number, changeInfo: { status?: string }) => void>;
  };
  /**
   * Chrome's side panel (Chrome 116+, `sidePanel` permission); absent in Firefox. `open` counts only inside a
   * user action: a click in an extension page, a keyboard command, or a message sent from a click in the page.
   */
  sidePanel?: {
    open(options: { tabId?: number; windowId?: number }): Promise<void>;
  };
  /** Firefox's sidebar (`sidebar_action` in the manifest, no permission); absent in Chrome. */
  sidebarAction?: {
    open(): Promise<void>;
  };
  /** Absent where the permission is not granted. */
  scripting?: {
    executeScript(injection: ScriptInjection): Promise<InjectionResult[]>;
  };
  /** The link countdown's thresholds (background only; needs the `alarms` permission). */
  alarms: {
    create(name: string, info: { when: number }): void | Promise<void>;
    clear(name: string): Promise<boolean>;
    getAll(): Promise<AlarmInfo[]>;
    onAlarm: ApiEvent<(alarm: AlarmInfo) => void>;
  };
  /** The toolbar button: the countdown's badge and title (no permission needed). */
  action: {
    setBadgeText(details: { text: string }): Promise<void>;
    setBadgeBackgroundColor(details: { color: string }): Promise<void>;
    /** Chrome 110+, Firefox 63+. */
    setBadgeTextColor?(details: { color: string }): Promise<void>;
    setTitle(details: { title: string }): Promise<void>;
  };
  /** Optional permissions: `notifications` only when the person turns the countdown's notifications on. */
  permissions: {
    contains(permissions: { permissions?: string[] }): Promise<boolean>;
    request(permissions: { permissions?: string[] }): Promise<boolean>;
  };
  /** Present only once the optional `notifications` permission is granted. */
  notifications?: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    clear(id: string): Promise<boolean>;
  };
  i18n: {
    getMessage(key: string, substitutions?: string | string[]): string;
    getUILanguage(): string;
  };
}
