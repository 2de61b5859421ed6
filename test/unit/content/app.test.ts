// @vitest-environment-options {"url": "https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/faces/paso4.xhtml"}
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TAKEOVER_EVENT } from '../../../src/content/context';
import type { FieldValues } from '../../../src/content/field-watcher';
import { createGuide } from '../../../src/content/guide';
import { GUIDE_FILE, GUIDE_KEY, registerGuide } from '../../../src/content/guide-contract';
import { Resident } from '../../../src/content/resident';
import { SETTINGS } from '../../../src/storage/schema';
import { fakeBrowser, fakeControl } from '../fakes/browser';

const hosts = () => document.querySelectorAll('[data-claveguia-host]');
const HIDDEN = { [SETTINGS.key]: { dock: 'right', collapsed: false, hiddenHosts: [location.hostname] } };
const SHOWN = { [SETTINGS.key]: { dock: 'right', collapsed: false, hiddenHosts: [] } };
const NEW_KEY_PAGE = readFileSync(resolve(import.meta.dirname, '../../corpus/rec-new-key-keypad.html'), 'utf8');
const TERMS_PAGE = readFileSync(resolve(import.meta.dirname, '../../corpus/rec-terms.html'), 'utf8');

/** Puts a corpus page's body into the test document. */
function showPage(html: string): void {
  // happy-dom refuses to load stylesheets; the page's links and scripts add nothing to these tests.
  const bare = html.replace(/<link[^>]*>/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
  const parsed = new DOMParser().parseFromString(bare, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

let app: Resident | null = null;
afterEach(() => {
  app?.destroy();
  app = null;
  document.body.replaceChildren();
  for (const host of hosts()) host.remove();
});

/**
 * The resident script with the guide already in its world (its own object here, standing for the isolated
 * world), as after the background injected it once on this document.
 */
function startApp(onFieldValues?: (values: FieldValues) => void): Resident {
  const world = {};
  registerGuide(createGuide, world);
  app = new Resident(document, fakeBrowser, { guide: { onFieldValues }, world });
  app.start();
  return app;
}

describe('resident lifecycle', () => {
  it('does nothing until started, then mounts one overlay host, once, where a recovery step is detected', async () => {
    const add = vi.spyOn(document, 'addEventListener');
    showPage(NEW_KEY_PAGE);
    const world = {};
    registerGuide(createGuide, world);
    app = new Resident(document, fakeBrowser, { world });
    expect(hosts()).toHaveLength(0);
    expect(add).not.toHaveBeenCalled();
    app.start();
    app.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(fakeControl.openPorts).toBe(1);
  });

  it('on an IESS page that is not a recovery page: no host, no guide asked for, nothing of it started', async () => {
    const { createBackground } = await import('../../../src/background/background');
    createBackground(fakeBrowser).start();
    const types: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => void types.push((m as { type: string }).type));
    // Another IESS web app than the recovery one (this file's URL is the recovery app's).
    const recoveryUrl = location.href;
    history.replaceState(null, '', '/iess-certificados-web/pages/certificado.jsf');
    document.body.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'Certificado de afiliación' }));
    app = new Resident(document, fakeBrowser, { world: {} });
    app.start();
    await vi.waitFor(() => expect(types).toContain('page:step'));
    await new Promise((r) => setTimeout(r, 50));
    history.replaceState(null, '', recoveryUrl);
    expect(hosts()).toHaveLength(0);
    expect(types).not.toContain('guide:load');
    expect(fakeControl.injected).toEqual([]);
    expect(app.guide).toBeNull();
  });

  it('asks the background for the guide where a step is detected; it is injected into this world once per document', async () => {
    const { createBackground } = await import('../../../src/background/background');
    createBackground(fakeBrowser).start();
    // The fake's one global plays the isolated world: the guide's bundle has not run there yet.
    const global = globalThis as unknown as Record<symbol, unknown>;
    delete global[Symbol.for(GUIDE_KEY)];
    fakeControl.onFiles = (injection) => {
      if (injection.files?.includes(GUIDE_FILE)) registerGuide(createGuide);
    };
    showPage(NEW_KEY_PAGE);
    app = new Resident(document, fakeBrowser);
    app.start();
    await vi.waitFor(() => expect(hosts()[0]?.getAttribute('data-claveguia-step')).toBe('new-key'));
    expect(fakeControl.injected.filter((i) => i.files)).toEqual([{ target: { tabId: 1, frameIds: [0] }, world: 'ISOLATED', files: [GUIDE_FILE] }]);
    // Hidden and shown again on the same document: the guide is back, from this world, without a second file.
    await fakeBrowser.storage.local.set(HIDDEN);
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
    await fakeBrowser.storage.local.set(SHOWN);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(fakeControl.injected.filter((i) => i.files)).toHaveLength(1);
    delete global[Symbol.for(GUIDE_KEY)];
  });

  it('replaces a host left behind by an earlier content script', async () => {
    const stale = document.documentElement.appendChild(document.createElement('div'));
    stale.setAttribute('data-claveguia-host', '');
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(stale.isConnected).toBe(false);
  });

  it('destroy removes every node, listener and port, and nothing comes back on later changes', async () => {
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    app!.destroy();
    expect(hosts()).toHaveLength(0);
    expect(fakeControl.listenerCounts()).toEqual({ message: 0, storage: 0 });
    expect(fakeControl.openPorts).toBe(0);
    await fakeBrowser.storage.local.set(SHOWN);
    showPage(NEW_KEY_PAGE);
    await new Promise((r) => setTimeout(r, 250));
    expect(hosts()).toHaveLength(0);
  });
});

describe('hidden on this site: one behaviour, decided in the resident', () => {
  it('runs nothing on a hidden host, and comes back when the popup shows it again', async () => {
    await fakeBrowser.storage.local.set(HIDDEN);
    showPage(NEW_KEY_PAGE);
    startApp();
    await new Promise((r) => setTimeout(r, 30));
    expect(hosts()).toHaveLength(0);
    await fakeBrowser.storage.local.set(SHOWN);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    await fakeBrowser.storage.local.set(HIDDEN);
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
  });

  it('a ClaveGuía shortcut on a hidden host shows the guide for this page only', async () => {
    await fakeBrowser.storage.local.set(HIDDEN);
    showPage(NEW_KEY_PAGE);
    startApp();
    await new Promise((r) => setTimeout(r, 30));
    expect(hosts()).toHaveLength(0);
    fakeBrowser.runtime.onMessage.emit({ type: 'overlay:toggle' }, fakeControl.sender);
    await vi.waitFor(() => expect(hosts()[0]?.hasAttribute('hidden')).toBe(false));
    // Still hidden for the site: nothing was written.
    expect((await fakeBrowser.storage.local.get(SETTINGS.key))[SETTINGS.key]).toEqual(HIDDEN[SETTINGS.key]);
  });
});

describe('when the extension goes away under the script (reload, update)', () => {
  it('tears everything down the moment its port drops with a dead runtime', async () => {
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    fakeControl.invalidateContext();
    expect(hosts()).toHaveLength(0);
    expect(app!.running).toBe(false);
    // No work afterwards: page changes reach no listener of ours.
    const before = fakeControl.listenerCounts();
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 250));
    expect(hosts()).toHaveLength(0);
    expect(before).toEqual({ message: 0, storage: 0 });
  });

  it('keeps running when only the background stopped, and reconnects at the next change', async () => {
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    fakeControl.dropPorts();
    expect(app!.running).toBe(true);
    expect(fakeControl.openPorts).toBe(0);
    showPage(NEW_KEY_PAGE.replace('Cree su clave', 'Ingrese el código de verificación').replace(/type="password"/g, 'type="text" maxlength="6"'));
    await vi.waitFor(() => expect(fakeControl.openPorts).toBe(1));
    expect(hosts()).toHaveLength(1);
  });

  it('a newer copy announcing itself ends an orphaned script, but a page faking the event does not', async () => {
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    expect(app!.running).toBe(true);
    fakeControl.dropPorts(); // no port signal this time: only the announcement can tell it
    fakeControl.invalidateContext({ dropPorts: false });
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    expect(app!.running).toBe(false);
    expect(hosts()).toHaveLength(0);
  });
});

describe('field values on the steps that need them', () => {
  it('notices values set by an on-screen keypad (no events) and keeps them in memory only', async () => {
    showPage(NEW_KEY_PAGE);
    const seen: string[][] = [];
    startApp((values) => seen.push([...values.entries()].map(([role, v]) => `${role}=${v.length}`)));
    await vi.waitFor(() => expect(hosts()[0]?.getAttribute('data-claveguia-step')).toBe('new-key'));
    const [key, confirmation] = document.querySelectorAll<HTMLInputElement>('input[type="password"]');
    key!.value = 'abc123'; // what the portal's keypad does: no input or change event
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['new-key=6', 'key-confirmation=0']));
    confirmation!.value = 'abc12';
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['new-key=6', 'key-confirmation=5']));
    // Nothing reached storage or a message.
    const stored = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)]);
    expect(stored).not.toContain('abc12');
  });

  it('stops reading (and forgets) when the step has no such fields', async () => {
    showPage(NEW_KEY_PAGE);
    const seen: number[] = [];
    startApp((values) => seen.push(values.size));
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    document.body.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'Preguntas frecuentes' }));
    await vi.waitFor(() => expect(hosts()[0]?.getAttribute('data-claveguia-step')).not.toBe('new-key'));
    const after = seen.length;
    await new Promise((r) => setTimeout(r, 450));
    expect(seen.length).toBe(after);
  });
});

describe('ContentApp: who is being helped', () => {
  it('asks the background for the active person when the overlay starts, and again when people or options change', async () => {
    const asked: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      if ((message as { type?: string }).type !== 'person:active') return undefined;
      asked.push(message);
      return { label: 'Mamá' };
    });
    // A step the mismatch checks do not compare: only the overlay asks.
    showPage(TERMS_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    await fakeBrowser.storage.session.set({ people: { activeId: 'b', list: [{ id: 'b', label: 'Papá' }] } });
    await vi.waitFor(() => expect(asked).toHaveLength(2));
    await fakeBrowser.storage.local.set({ people: { activeId: 'b', list: [{ id: 'b', label: 'Papá' }] } });
    await vi.waitFor(() => expect(asked).toHaveLength(3));
    await fakeBrowser.storage.local.set({ options: { language: 'en' } });
    await vi.waitFor(() => expect(asked).toHaveLength(4));
    const { forcedLanguage, setLanguage } = await import('../../../src/i18n/t');
    expect(forcedLanguage()).toBe('en');
    setLanguage('auto');
    // Ticks or other keys do not make it ask.
    await fakeBrowser.storage.session.set({ 'ticks:1': { a: true } });
    await new Promise((r) => setTimeout(r, 20));
    expect(asked).toHaveLength(4);
  });
});

describe('ContentApp: a forced language', () => {
  it('the background answers the catalogue of a language we ship, and the content app uses the forced language', async () => {
    const { createBackground } = await import('../../../src/background/background');
    const i18n = await import('../../../src/i18n/t');
    createBackground(fakeBrowser).start();
    const answer = (await fakeBrowser.runtime.sendMessage({ type: 'i18n:catalogue', language: 'en' })) as Record<string, { message: string }>;
    expect(answer.ppOverlayHelping?.message).toBe('Helping: $LABEL$');
    expect(await fakeBrowser.runtime.sendMessage({ type: 'i18n:catalogue', language: 'fr' })).toBeUndefined();
    await fakeBrowser.storage.local.set({ options: { language: 'en' } });
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(i18n.forcedLanguage()).toBe('en'));
    expect(i18n.t('ppOverlayHelping', 'Mum')).toBe('Helping: Mum');
    expect(i18n.uiLanguage()).toBe('en');
    i18n.setLanguage('auto');
  });
});

describe('mismatch warnings through the whole content script (issue 13)', () => {
  const KEY = 'Rosa1712345600';
  /** The overlay's root, closed in shipped builds: captured as it is attached. */
  function captureRoots(): ShadowRoot[] {
    const roots: ShadowRoot[] = [];
    const attach = HTMLElement.prototype.attachShadow;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    return roots;
  }

  it('warns beside the key typed on the keypad; the key is in no message, no storage area and no console line', async () => {
    const { createBackground } = await import('../../../src/background/background');
    const { PEOPLE_SESSION } = await import('../../../src/storage/people');
    const background = createBackground(fakeBrowser);
    background.start();
    await fakeBrowser.storage.session.set({
      [PEOPLE_SESSION.key]: { activeId: 'm', list: [{ id: 'm', label: 'Mamá', cedula: '1712345600', names: 'Rosa Loor' }] },
    });
    const sent: unknown[] = [];
    const send = fakeBrowser.runtime.sendMessage;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((message: unknown) => {
      sent.push(structuredClone(message));
      return send(message);
    });
    const logged: unknown[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
    const roots = captureRoots();
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()[0]?.getAttribute('data-claveguia-step')).toBe('new-key'));
    const [key, confirmation] = document.querySelectorAll<HTMLInputElement>('input[type="password"]');
    key!.value = KEY; // the keypad: no event
    const note = () => roots[0]?.querySelector('[data-cg-note="new-key"]');
    await vi.waitFor(() => expect(note()?.querySelector('[data-cg-warning="key-has-cedula"]')).toBeTruthy());
    expect(note()!.textContent).toContain('Mamá');
    expect(note()!.textContent).not.toContain('1712345600');
    confirmation!.value = `${KEY}9`;
    await vi.waitFor(() => expect(roots[0]?.querySelector('[data-cg-warning="key-confirmation-differs"]')).toBeTruthy());
    confirmation!.value = KEY;
    await vi.waitFor(() => expect(roots[0]?.querySelector('[data-cg-warning="key-confirmation-differs"]')).toBeNull());

    const dump = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null), sent, logged]);
    expect(sent.map((m) => (m as { type: string }).type)).toContain('person:active');
    for (const piece of [KEY, KEY.slice(0, 6)]) expect(dump).not.toContain(piece);

    // Leaving the step: nothing of the key is kept, the notes go.
    document.body.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'Preguntas frecuentes' }));
    await vi.waitFor(() => expect(hosts()[0]?.getAttribute('data-claveguia-step')).not.toBe('new-key'));
    await vi.waitFor(() => expect(roots[0]?.querySelector('[data-cg-note]')).toBeNull());
  });
});
