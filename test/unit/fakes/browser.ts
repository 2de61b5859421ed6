/**
 * A small in-memory stand-in for webextension-polyfill, aliased in unit tests (see vite.config.ts).
 * It reads the real Spanish catalogue so components render the strings people will see.
 */
import es from '../../../src/public/_locales/es/messages.json';

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
    clear: () => listeners.clear(),
  };
}

function storageArea(areaName: string, onChanged: ReturnType<typeof event<[Record<string, unknown>, string]>>) {
  let data: Record<string, unknown> = {};
  return {
    async get(keys?: string | string[] | Record<string, unknown> | null) {
      if (keys == null) return structuredClone(data);
      const names = typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
      const defaults = typeof keys === 'object' && !Array.isArray(keys) ? keys : {};
      const out: Record<string, unknown> = {};
      for (const name of names) {
        if (name in data) out[name] = structuredClone(data[name]);
        else if (name in defaults) out[name] = defaults[name];
      }
      return out;
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data[k], newValue: structuredClone(v) };
        data[k] = structuredClone(v);
      }
      onChanged.emit(changes, areaName);
    },
    async remove(keys: string | string[]) {
      const changes: Record<string, unknown> = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (k in data) changes[k] = { oldValue: data[k] };
        delete data[k];
      }
      onChanged.emit(changes, areaName);
    },
    async clear() {
      const changes = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { oldValue: v }]));
      data = {};
      onChanged.emit(changes, areaName);
    },
    reset() {
      data = {};
    },
  };
}

const storageChanged = event<[Record<string, unknown>, string]>();
const runtimeMessage = event<[unknown, unknown]>();
const commandEvent = event<[string, unknown]>();
const local = storageArea('local', storageChanged);
const session = storageArea('session', storageChanged);

export const fakeBrowser = {
  i18n: { getMessage, getUILanguage: () => 'es' },
  storage: { local, session, onChanged: storageChanged },
  runtime: {
    id: 'claveguia-test',
    getManifest: () => ({ version: '0.0.0-test', manifest_version: 3 }),
    getURL: (path: string) => `chrome-extension://claveguia-test/${path.replace(/^\//, '')}`,
    sendMessage: async (message: unknown) => {
      const results = runtimeMessage.emit(message, { id: 'claveguia-test' });
      return results.find((r) => r !== undefined);
    },
    onMessage: runtimeMessage,
    connect: () => ({ onDisconnect: event<[]>(), disconnect() {}, postMessage() {} }),
  },
  commands: { onCommand: commandEvent, getAll: async () => [] },
  tabs: { sendMessage: async () => undefined, query: async () => [] },
};

export function resetFakeBrowser(): void {
  local.reset();
  session.reset();
  storageChanged.clear();
  runtimeMessage.clear();
  commandEvent.clear();
}

export default fakeBrowser;
