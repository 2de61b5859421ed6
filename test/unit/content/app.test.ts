// @vitest-environment-options {"url": "https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/faces/paso4.xhtml"}
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TAKEOVER_EVENT } from '../../../src/content/context';
import { createGuide } from '../../../src/content/guide';
import { GUIDE_FILE, GUIDE_KEY, registerCopyMaker, registerGuide, RESIDENT_DECISION_KEY } from '../../../src/content/guide-contract';
import { makeCopy } from '../../../src/content/copy';
import type { CopyAnswer } from '../../../src/messages';
import { Resident } from '../../../src/content/resident';
import { SETTINGS } from '../../../src/storage/schema';
import { allAnswered, fakeBrowser, fakeContentBrowser, fakeControl } from '../fakes/browser';

const hosts = () => document.querySelectorAll('[data-claveguia-host]');
const HIDDEN = { [SETTINGS.key]: { dock: 'right', collapsed: false, hiddenHosts: [location.hostname] } };
const SHOWN = { [SETTINGS.key]: { dock: 'right', collapsed: false, hiddenHosts: [] } };
const NEW_KEY_PAGE = readFileSync(resolve(import.meta.dirname, '../../corpus/rec-new-key-keypad.html'), 'utf8');

/** Puts a corpus page's body into the test document. */
function showPage(html: string): void {
  // happy-dom refuses to load stylesheets; the page's links and scripts add nothing to these tests.
  const bare = html.replace(/<link[^>]*>/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
  const parsed = new DOMParser().parseFromString(bare, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

let app: Resident | null = null;
/** The isolated world of the last resident started (the unit tests' stand-in for the content script's global). */
let world: Record<symbol, unknown> = {};
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
/**
 * Runs `work` on a fake clock, then lets a minute of that clock pass (timers, idle passes and the promises between
 * them): whatever the script would do after a page change or a start has been done when this returns.
 */
async function aMinuteLater(work: () => void | Promise<void> = () => undefined): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'requestIdleCallback', 'cancelIdleCallback', 'Date'] });
  try {
    await work();
    await vi.advanceTimersByTimeAsync(60_000);
  } finally {
    vi.useRealTimers();
  }
}

function startApp(): Resident {
  world = {};
  registerGuide(createGuide, world);
  app = new Resident(document, fakeContentBrowser, { world });
  app.start();
  return app;
}

describe('resident lifecycle', () => {
  it('does nothing until started, then mounts one overlay host, once, where a recovery step is detected', async () => {
    const add = vi.spyOn(document, 'addEventListener');
    showPage(NEW_KEY_PAGE);
    const world = {};
    registerGuide(createGuide, world);
    app = new Resident(document, fakeContentBrowser, { world });
    expect(hosts()).toHaveLength(0);
    expect(add).not.toHaveBeenCalled();
    app.start();
    app.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(fakeControl.openPorts).toBe(1);
  });

  it('reports the link time the page states with its step (structure and a figure, never a value)', async () => {
    // Without its CAPTCHA frame, which happy-dom would try to load.
    showPage(readFileSync(resolve(import.meta.dirname, '../../corpus/unl-email-sent.html'), 'utf8').replace(/<iframe[\s\S]*?<\/iframe>/g, ''));
    const reported: unknown[] = [];
    const listen = (m: unknown) => void reported.push(m);
    fakeBrowser.runtime.onMessage.addListener(listen);
    startApp();
    await vi.waitFor(() => expect(reported).toContainEqual(expect.objectContaining({ type: 'page:step', step: 'email-sent' })));
    await allAnswered();
    fakeBrowser.runtime.onMessage.removeListener(listen);
    const report = reported.find((m) => (m as { type: string }).type === 'page:step') as Record<string, unknown>;
    // «…el mismo estará vigente durante 3 minutos.»
    expect(report).toEqual({ type: 'page:step', step: 'email-sent', flow: 'unlock', alerts: [], validityMs: 180_000 });
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
    app = new Resident(document, fakeContentBrowser, { world: {} });
    app.start();
    await vi.waitFor(() => expect(types).toContain('page:step'));
    // The guide would be asked for right after the step report; every message sent has been answered.
    await allAnswered();
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
    app = new Resident(document, fakeContentBrowser);
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

  it('hands the guide the settings it holds: the overlay shows without reading them a second time', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()[0]?.getAttribute('data-claveguia-step')).toBe('new-key'));
    // The overlay shows only once its settings are read, so a step on the host means they were.
    const reads = (key: string) => get.mock.calls.filter(([keys]) => JSON.stringify(keys).includes(JSON.stringify(key))).length;
    expect(reads(SETTINGS.key)).toBe(1);
  });

  it('the side area asks a page with no guide for its anonymous copy: the bundle comes for the copy alone, nothing is shown', async () => {
    const { createBackground } = await import('../../../src/background/background');
    createBackground(fakeBrowser).start();
    const world = {};
    fakeControl.onFiles = (injection) => {
      if (injection.files?.includes(GUIDE_FILE)) {
        registerGuide(createGuide, world);
        registerCopyMaker(makeCopy, world);
      }
    };
    const recoveryUrl = location.href;
    history.replaceState(null, '', '/iess-certificados-web/pages/certificado.jsf');
    document.body.replaceChildren(
      Object.assign(document.createElement('h1'), { textContent: 'Certificado 1712345600' }),
      Object.assign(document.createElement('p'), { textContent: 'Emitido para Rosa Elvira Loor, rosa.loor@example.com' }),
    );
    // The person being helped: the copy compares every prepared field, not only what one step would.
    const mama = { id: 'p1', label: 'Mamá', names: 'Rosa Elvira Loor', email: 'rosa.loor@example.com', preflight: {} };
    await fakeBrowser.storage.session.set({ people: { activeId: 'p1', list: [mama] } });
    app = new Resident(document, fakeContentBrowser, { world });
    app.start();
    const answers = fakeBrowser.runtime.onMessage.emit({ type: 'copy:make' }, fakeControl.sender) as unknown[];
    const copy = (await answers.find((a) => a instanceof Promise)) as CopyAnswer | null;
    history.replaceState(null, '', recoveryUrl);
    expect(copy?.html).toContain('Certificado');
    expect(copy?.html).not.toContain('1712345600');
    for (const name of ['Rosa', 'Elvira', 'Loor', 'rosa.loor']) expect(copy?.html).not.toContain(name);
    expect(copy?.html).toContain('Emitido para');
    expect(fakeControl.injected.filter((i) => i.files)).toHaveLength(1);
    expect(hosts()).toHaveLength(0);
    expect(app.guide).toBeNull();
  });

  it('replaces hosts left behind by an earlier content script: as the resident starts, and as the overlay mounts', async () => {
    const leftBehind = () => {
      const stale = document.documentElement.appendChild(document.createElement('div'));
      stale.setAttribute('data-claveguia-host', '');
      return stale;
    };
    const before = leftBehind();
    showPage(NEW_KEY_PAGE);
    startApp();
    // The resident clears it at once, before any guide.
    expect(before.isConnected).toBe(false);
    // One left while the guide was on its way: the overlay's host clears it as it mounts.
    const during = leftBehind();
    await vi.waitFor(() => expect(app!.guide).not.toBeNull());
    await vi.waitFor(() => expect([...hosts()].filter((h) => h !== during)).toHaveLength(1));
    expect(during.isConnected).toBe(false);
    expect(hosts()).toHaveLength(1);
  });

  it('destroy removes every node, listener and port, and nothing comes back on later changes', async () => {
    showPage(NEW_KEY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    app!.destroy();
    expect(hosts()).toHaveLength(0);
    expect(fakeControl.listenerCounts()).toEqual({ message: 0, storage: 0 });
    expect(fakeControl.openPorts).toBe(0);
    await aMinuteLater(async () => {
      await fakeBrowser.storage.local.set(SHOWN);
      showPage(NEW_KEY_PAGE);
    });
    expect(hosts()).toHaveLength(0);
  });
});

describe('hidden on this site: one behaviour, decided in the resident', () => {
  it('runs nothing on a hidden host, and comes back when the popup shows it again', async () => {
    await fakeBrowser.storage.local.set(HIDDEN);
    showPage(NEW_KEY_PAGE);
    await aMinuteLater(() => void startApp());
    expect(hosts()).toHaveLength(0);
    // The decision the E2E tests read on the resident's world.
    expect(world[Symbol.for(RESIDENT_DECISION_KEY)]).toBe('hidden');
    // The same minute is enough to show it once the site is shown again.
    await aMinuteLater(() => fakeBrowser.storage.local.set(SHOWN));
    expect(hosts()).toHaveLength(1);
    expect(world[Symbol.for(RESIDENT_DECISION_KEY)]).toBe('shown');
    await fakeBrowser.storage.local.set(HIDDEN);
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
  });

  it('a ClaveGuía shortcut on a hidden host shows the guide for this page only', async () => {
    await fakeBrowser.storage.local.set(HIDDEN);
    showPage(NEW_KEY_PAGE);
    await aMinuteLater(() => void startApp());
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
    await aMinuteLater(() => void document.body.append(document.createElement('p')));
    expect(hosts()).toHaveLength(0);
    expect(before).toEqual({ message: 0, storage: 0 });
  });

  it('on a page that is not a recovery page: no port (nothing to take down), and a lost extension is noticed at the next look', async () => {
    const recoveryUrl = location.href;
    history.replaceState(null, '', '/iess-certificados-web/pages/certificado.jsf');
    document.body.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'Certificado de afiliación' }));
    const reported: unknown[] = [];
    const listen = (m: unknown) => void reported.push(m);
    fakeBrowser.runtime.onMessage.addListener(listen);
    app = new Resident(document, fakeContentBrowser, { world: {} });
    app.start();
    await vi.waitFor(() => expect(fakeControl.listenerCounts().storage).toBe(1));
    // Its detection is done and reported ("none"), and every message answered: no guide asked for, no port.
    await vi.waitFor(() => expect(reported).toContainEqual(expect.objectContaining({ type: 'page:step', step: 'none' })));
    await allAnswered();
    fakeBrowser.runtime.onMessage.removeListener(listen);
    expect(fakeControl.openPorts).toBe(0);
    fakeControl.invalidateContext();
    // The URL is read every half second (history navigation fires no event): the resident ends there.
    await vi.waitFor(() => expect(app!.running).toBe(false), { timeout: 2_000 });
    history.replaceState(null, '', recoveryUrl);
    expect(fakeControl.listenerCounts()).toEqual({ message: 0, storage: 0 });
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

describe('the guide: who is being helped (issue 18: one source, only what a step compares)', () => {
  const MAMA = { id: 'm', label: 'Mamá', cedula: '1712345600', email: 'rosa.loor@example.com', birthDay: 14, birthMonth: 3, names: 'Rosa Loor' };
  const PAPA = { id: 'p', label: 'Papá', cedula: '0902345610', names: 'Luis Loor' };
  const IDENTITY_PAGE = readFileSync(resolve(import.meta.dirname, '../../corpus/rec-identity-serenity.html'), 'utf8');
  afterEach(() => vi.restoreAllMocks());

  async function withBackground(activeId = 'm') {
    const { createBackground } = await import('../../../src/background/background');
    createBackground(fakeBrowser).start();
    fakeControl.tabs = [{ id: 1, url: location.href, windowId: 1 }];
    fakeControl.deliverToTabs = true;
    await fakeBrowser.storage.session.set({ people: { activeId, list: [MAMA, PAPA] } });
    // Every answer the content script receives, as it receives it.
    const answers: unknown[] = [];
    const send = fakeContentBrowser.runtime.sendMessage;
    vi.spyOn(fakeContentBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const answer = await send(message);
      answers.push(structuredClone(answer));
      return answer;
    });
    return answers;
  }
  // The overlay's root is closed in shipped builds: captured as it is attached.
  let roots: ShadowRoot[] = [];
  beforeEach(() => {
    roots = [];
    const attach = HTMLElement.prototype.attachShadow;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
  });
  const shadow = () => roots[0] ?? null;
  const personLine = () => shadow()?.querySelector('[data-cg-person]')?.textContent ?? '';

  it('a page that is not a recovery step gets no guide, and so no person at all', async () => {
    const answers = await withBackground();
    const asked: string[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => void asked.push((m as { type: string }).type));
    // Another IESS web app than the recovery one (this file's URL is the recovery app's).
    const recoveryUrl = location.href;
    history.replaceState(null, '', '/iess-certificados-web/pages/preguntas.jsf');
    document.body.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'Preguntas frecuentes' }));
    startApp();
    await vi.waitFor(() => expect(asked).toContain('page:step'));
    history.replaceState(null, '', recoveryUrl);
    expect(hosts()).toHaveLength(0);
    expect(asked).not.toContain('person:active');
    const dump = JSON.stringify(answers);
    for (const secret of [MAMA.cedula, MAMA.email, 'Rosa', 'Mamá', 'birth']) expect(dump).not.toContain(secret);
  });

  it('the cédula page receives the cédula only; switching the person mid-step changes the label and the warning at once', async () => {
    const answers = await withBackground();
    showPage(IDENTITY_PAGE);
    startApp();
    await vi.waitFor(() => expect(hosts()[0]?.getAttribute('data-claveguia-step')).toBe('identity'));
    await vi.waitFor(() => expect(answers).toContainEqual({ label: 'Mamá', cedula: MAMA.cedula }));
    expect(JSON.stringify(answers)).not.toMatch(/rosa\.loor|Rosa Loor|birth/);
    const id = document.querySelector<HTMLInputElement>('input[type="text"]')!;
    const type = (value: string) => {
      id.value = value;
      id.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const warned = () => shadow()?.querySelector('[data-cg-warning="cedula-differs"]') ?? null;
    // Another person's number is noticed; Mamá's own is not.
    type(PAPA.cedula);
    await vi.waitFor(() => expect(warned()).not.toBeNull());
    type(MAMA.cedula);
    await vi.waitFor(() => expect(warned()).toBeNull());
    await vi.waitFor(() => expect(personLine()).toContain('Mamá'));
    // The popup switches to Papá: the background says so, the one source asks again, both follow.
    await fakeBrowser.storage.session.set({ people: { activeId: 'p', list: [MAMA, PAPA] } });
    await vi.waitFor(() => expect(personLine()).toContain('Papá'));
    const differs = () => [...(shadow()?.querySelectorAll('[data-cg-warning="cedula-differs"]') ?? [])].map((n) => n.closest('[data-cg-note]')?.textContent ?? '');
    await vi.waitFor(() => expect(differs().join()).toContain('Papá'));
    // An edit of the same person's cédula is followed too: now it matches, the warning goes.
    await fakeBrowser.storage.session.set({ people: { activeId: 'p', list: [MAMA, { ...PAPA, cedula: MAMA.cedula }] } });
    await vi.waitFor(() => expect(differs()).toEqual([]));
  });

  it('an erase drops the person at once: no label, no comparison', async () => {
    await withBackground();
    showPage(IDENTITY_PAGE);
    startApp();
    await vi.waitFor(() => expect(personLine()).toContain('Mamá'));
    fakeBrowser.runtime.onMessage.emit({ type: 'data:erased' }, { id: 'claveguia-test' });
    await vi.waitFor(() => expect(personLine()).toBe(''));
  });

  it('a content script cannot read or watch storage.session, as in the real browsers', async () => {
    await expect(fakeContentBrowser.storage.session.get('people')).rejects.toThrow(/not allowed/);
    const seen: string[] = [];
    const listener = (_c: unknown, area: string) => void seen.push(area);
    fakeContentBrowser.storage.onChanged.addListener(listener);
    await fakeBrowser.storage.session.set({ people: { activeId: null, list: [] } });
    await fakeBrowser.storage.local.set({ options: {} });
    fakeContentBrowser.storage.onChanged.removeListener(listener);
    expect(seen).toEqual(['local']);
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
