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
}

export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: TabInfo;
}

export interface PortApi {
  readonly name: string;
  readonly onDisconnect: ApiEvent<(port: PortApi) => void>;
  disconnect(): void;
}

export interface ManifestInfo {
  version: string;
  content_scripts?: { js?: string[]; matches?: string[] }[];
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
  commands: {
    onCommand: ApiEvent<(command: string, tab?: TabInfo) => void>;
  };
  tabs: {
    query(query: { active?: boolean; currentWindow?: boolean; url?: string | string[] }): Promise<TabInfo[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    onRemoved: ApiEvent<(tabId: number) => void>;
  };
  /** Absent where the permission is not granted. */
  scripting?: {
    executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown[]>;
  };
  /** Optional permissions (notifications), asked for from the options page on a click. */
  permissions?: {
    request(permissions: { permissions?: string[] }): Promise<boolean>;
    contains(permissions: { permissions?: string[] }): Promise<boolean>;
  };
  i18n: {
    getMessage(key: string, substitutions?: string | string[]): string;
    getUILanguage(): string;
  };
}
