/**
 * Mismatch warnings on the practice portal, in Chromium and Firefox (issue 13): a wrong check digit, a cédula
 * that is not the prepared person's, a birth month chosen from a list that is not theirs (issue 24), a masked address that cannot be theirs, a key typed on the on-screen keypad
 * that contains the cédula, a confirmation that differs, each beside its field and covering neither the field nor
 * its label at 1280×720, and the key's strength level from the zxcvbn-ts estimator, which the background injects
 * on the new-key step only (in both browsers: its level appearing proves the injection works). In Chromium, the
 * content script's isolated world is read from the service worker on every step: the estimator is absent before
 * the new-key step and present there, and the page's own world never has it nor can fetch its file. Then a dump
 * of both storage areas, every message the background received and the console output, searched for the key.
 *
 * The prepared person is seeded: in Chromium through the service worker's storage.session; in Firefox, whose
 * background BiDi cannot reach, through a fresh profile holding the legacy JSON file Firefox migrates into
 * storage.local on first use, with OPTIONS.rememberPeople = true (so the background reads storage.local).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserExecutable } from './harness/browsers';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { playwrightDriver, puppeteerDriver, type PageDriver } from './harness/driver';
import { OPEN_ROOT, requireBuild } from './harness/extensions';
import { MAPPED_HOSTS } from './harness/hosts';
import { startStatesServer, type ServedState } from './harness/states-server';
import { ESTIMATOR_FILE, ESTIMATOR_KEY } from '../../src/estimator/contract';

/** The slice of the extension API the service worker's evaluated functions use (they run there, not here). */
interface StorageAreaLike {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
declare const chrome: {
  storage: { local: StorageAreaLike; session: StorageAreaLike };
  runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } };
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(injection: { target: { tabId: number }; world: 'ISOLATED'; func: (key: string) => boolean; args: [string] }): Promise<{ result?: unknown }[]>;
  };
};

const FIREFOX_ID = 'claveguia@claveguia.github.io';
const PERSON = { id: 'mama', label: 'Mamá', cedula: '1104567837', email: 'mama.loor@example.com', names: 'Rosa Loor', birthDay: 2, birthMonth: 7 };
const PEOPLE = { activeId: PERSON.id, list: [PERSON] };
/** Typed on the keypad: contains the prepared cédula. */
const KEY = 'ab1104567837';

let server: Awaited<ReturnType<typeof startStatesServer>>;
const url = (id: string): string => {
  const state = server.states.find((s: ServedState) => s.id === id);
  if (!state) throw new Error(`no state ${id}`);
  return state.servedUrl;
};

beforeAll(async () => {
  server = await startStatesServer();
});
afterAll(async () => {
  await server?.close();
});

interface NoteProbe {
  codes: string[];
  text: string;
  side: string | null;
  overField: boolean;
  overLabel: boolean;
  inView: boolean;
}

/** The note beside `anchor` (open-root build), its warnings, and whether it covers the field or its label. */
function probeNote(arg: { anchor: string; field: string | null }): NoteProbe | null {
  const root = document.querySelector('[data-claveguia-host]')?.shadowRoot;
  const note = root?.querySelector<HTMLElement>(`[data-cg-note="${arg.anchor}"]`);
  if (!note) return null;
  const box = note.getBoundingClientRect();
  const over = (r: DOMRect) => box.left < r.right && r.left < box.right && box.top < r.bottom && r.top < box.bottom;
  const field = arg.field ? document.querySelector<HTMLInputElement>(arg.field) : null;
  return {
    codes: [...note.querySelectorAll('[data-cg-warning]')].map((li) => li.getAttribute('data-cg-warning')!),
    text: note.textContent ?? '',
    side: note.getAttribute('data-cg-side'),
    overField: field ? over(field.getBoundingClientRect()) : false,
    overLabel: field ? [...(field.labels ?? [])].some((l) => over(l.getBoundingClientRect())) : false,
    inView: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
  };
}

const note = (driver: PageDriver, anchor: string, field: string | null) => driver.evaluate(probeNote, { anchor, field });
const codesOf = async (driver: PageDriver, anchor: string, field: string | null) => (await note(driver, anchor, field))?.codes ?? [];

const CEDULA = '[id="frmRecuperar:txtCedula"]';
const KEY_FIELD = '[id="frmClave:txtClave"]';
const CONFIRM_FIELD = '[id="frmClave:txtConfirmacion"]';
const PAD = '[id="frmClave:tecladoVirtual"]';
const DAY_LIST = 'select[id="frmRecuperar:txtDia"]';
const MONTH_LIST = 'select[id="frmRecuperar:txtMes"]';

async function typeOnKeypad(driver: PageDriver, field: string, text: string): Promise<void> {
  await driver.click(field);
  for (const char of text) await driver.click(`${PAD} button[data-key="${char}"]`);
}

/**
 * The note beside `anchor` once placed: notes are placed on the animation frame after they are rendered (and
 * again when the page moves), so the probe is read until it is beside its field or time runs out, then checked.
 */
async function expectBeside(driver: PageDriver, anchor: string, field: string | null): Promise<void> {
  const beside = (p: NoteProbe | null) => !!p && !p.overField && !p.overLabel && p.inView;
  let probe = await note(driver, anchor, field);
  for (const deadline = Date.now() + 5_000; !beside(probe) && Date.now() < deadline; ) {
    await new Promise((done) => setTimeout(done, 100));
    probe = await note(driver, anchor, field);
  }
  expect(probe, 'a note is shown').not.toBeNull();
  expect(probe!.overField, 'the note does not cover its field').toBe(false);
  expect(probe!.overLabel, 'the note does not cover the field’s label').toBe(false);
  expect(probe!.inView, 'the note is inside the 1280×720 window').toBe(true);
}

/** Whether the page's own (main) world can see the estimator: never. */
const estimatorInPageWorld = (key: string): boolean => Symbol.for(key) in window;

/**
 * Every case of the issue, with a prepared person already in place. `estimatorInScriptWorld`, where the browser
 * lets the test read the content script's isolated world (Chromium), says whether the estimator is there.
 */
async function everyCase(driver: PageDriver, estimatorInScriptWorld?: () => Promise<boolean>): Promise<void> {
  // Wrong check digit, then the right cédula of someone else than Mamá.
  await driver.goto(url('recover/identity'));
  await expect.poll(async () => (await driver.overlayState()).step, { timeout: 10_000 }).toBe('identity');
  await driver.fill(CEDULA, '1712345601');
  await expect.poll(() => codesOf(driver, 'id-number', CEDULA), { timeout: 5_000 }).toEqual(['cedula-check-digit']);
  // The content script has run its checks here: no estimator in its world on this step.
  if (estimatorInScriptWorld) expect(await estimatorInScriptWorld()).toBe(false);
  await expectBeside(driver, 'id-number', CEDULA);
  await driver.fill(CEDULA, '1712345600');
  await expect.poll(() => codesOf(driver, 'id-number', CEDULA), { timeout: 5_000 }).toEqual(['cedula-differs']);
  const differs = (await note(driver, 'id-number', CEDULA))!;
  expect(differs.text).toContain('Mamá');
  expect(differs.text).not.toContain(PERSON.cedula);
  await driver.fill(CEDULA, PERSON.cedula);
  await expect.poll(() => note(driver, 'id-number', CEDULA), { timeout: 5_000 }).toBeNull();

  // The questions step: no estimator either.
  await driver.goto(url('recover/verification'));
  await expect.poll(async () => (await driver.overlayState()).step, { timeout: 10_000 }).toBe('verification');
  if (estimatorInScriptWorld) expect(await estimatorInScriptWorld()).toBe(false);

  // The variant that asks the birth date with lists (issue 24): Mamá's day, another month → the note beside the
  // month list, naming her and not her month; her month chosen → the note goes.
  await driver.goto(url('recover/verification-lists'));
  await expect.poll(async () => (await driver.overlayState()).step, { timeout: 10_000 }).toBe('verification');
  await driver.select(DAY_LIST, String(PERSON.birthDay));
  await driver.select(MONTH_LIST, String(PERSON.birthMonth + 1));
  await expect.poll(() => codesOf(driver, 'birth-month', MONTH_LIST), { timeout: 5_000 }).toEqual(['birth-month-differs']);
  expect(await codesOf(driver, 'birth-day', DAY_LIST)).toEqual([]);
  await expectBeside(driver, 'birth-month', MONTH_LIST);
  const month = await note(driver, 'birth-month', MONTH_LIST);
  expect(month!.text).toContain('Mamá');
  expect(month!.text).not.toMatch(/julio|agosto|\b[78]\b/i);
  await driver.select(MONTH_LIST, String(PERSON.birthMonth));
  await expect.poll(() => note(driver, 'birth-month', MONTH_LIST), { timeout: 5_000 }).toBeNull();
  expect(await note(driver, 'birth-day', DAY_LIST)).toBeNull();

  // The portal shows a***@example.com: it cannot be mama.loor@example.com.
  await driver.goto(url('recover/email-sent'));
  await expect.poll(() => codesOf(driver, 'masked-email', null), { timeout: 10_000 }).toEqual(['masked-email-differs']);
  const masked = (await note(driver, 'masked-email', null))!;
  expect(masked.text).toContain('Mamá');
  expect(masked.text).not.toContain(PERSON.email);
  if (estimatorInScriptWorld) expect(await estimatorInScriptWorld()).toBe(false);

  // The new key on the on-screen keypad (it sets .value without events): contains the cédula; then the
  // confirmation differs once as long as the key; fixing it clears the note.
  await driver.goto(url('recover/link-new-key'));
  await expect.poll(async () => (await driver.overlayState()).step, { timeout: 10_000 }).toBe('new-key');
  await typeOnKeypad(driver, KEY_FIELD, KEY);
  await expect.poll(() => codesOf(driver, 'new-key', KEY_FIELD), { timeout: 5_000 }).toContain('key-has-cedula');
  await expectBeside(driver, 'new-key', KEY_FIELD);
  // It names whose data the key contains, never the data.
  expect((await note(driver, 'new-key', KEY_FIELD))!.text).toContain('Mamá');
  expect((await note(driver, 'new-key', KEY_FIELD))!.text).not.toContain(PERSON.cedula);
  // The estimator, injected for this step, rates it with Mamá's cédula among its user inputs: débil.
  await expect.poll(() => codesOf(driver, 'new-key', KEY_FIELD), { timeout: 10_000 }).toContain('strength-weak');
  expect((await note(driver, 'new-key', KEY_FIELD))!.text).toContain('Clave débil');
  if (estimatorInScriptWorld) expect(await estimatorInScriptWorld()).toBe(true);
  expect(await driver.evaluate(estimatorInPageWorld, ESTIMATOR_KEY)).toBe(false);
  await typeOnKeypad(driver, CONFIRM_FIELD, 'ab1104567838');
  await expect.poll(() => codesOf(driver, 'key-confirmation', CONFIRM_FIELD), { timeout: 5_000 }).toContain('key-confirmation-differs');
  await expectBeside(driver, 'key-confirmation', CONFIRM_FIELD);
  await driver.click(`${PAD} button[data-key-action="back"]`);
  await driver.click(`${PAD} button[data-key="7"]`);
  const confirmValue = (sel: string) => document.querySelector<HTMLInputElement>(sel)!.value;
  await expect.poll(() => driver.evaluate(confirmValue, CONFIRM_FIELD), { timeout: 5_000 }).toBe(KEY);
  await expect.poll(() => codesOf(driver, 'key-confirmation', CONFIRM_FIELD), { timeout: 5_000 }).not.toContain('key-confirmation-differs');
}

describe('mismatch warnings beside the fields', () => {
  let chromium: ChromiumSession | undefined;
  afterAll(async () => {
    await chromium?.close();
  });

  it('in Chromium; afterwards no key value in storage, messages or console', async () => {
    chromium = await launchChromium(requireBuild(OPEN_ROOT.chrome));
    const worker = chromium.serviceWorker;
    await worker.evaluate(async (people) => {
      await chrome.storage.session.set({ people });
      // Every message the background receives from now on (the content script's included).
      const seen: unknown[] = [];
      (globalThis as unknown as { __cgSeen: unknown[] }).__cgSeen = seen;
      chrome.runtime.onMessage.addListener((message) => void seen.push(message));
    }, PEOPLE);
    const consoleLines: string[] = [];
    worker.on('console', (m) => consoleLines.push(m.text()));
    const page = await chromium.context.newPage();
    page.on('console', (m) => consoleLines.push(m.text()));
    // Read the isolated world our content script runs in (the page cannot), from the worker.
    const inScriptWorld = () =>
      worker.evaluate(async (key) => {
        const [tab] = await chrome.tabs.query({ url: '*://*.iess.gob.ec/*' });
        const isThere = (k: string) => typeof (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(k)] === 'function';
        const [probe] = await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, world: 'ISOLATED', func: isThere, args: [key] });
        return probe?.result === true;
      }, ESTIMATOR_KEY);
    await everyCase(playwrightDriver(page), inScriptWorld);

    // Not web-accessible: the page cannot load the estimator's file.
    const fileUrl = `chrome-extension://${chromium.extensionId}/${ESTIMATOR_FILE}`;
    const fetched = await page.evaluate((u) => fetch(u).then(() => 'loaded', () => 'refused'), fileUrl);
    expect(fetched).toBe('refused');

    const dump = await worker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      messages: (globalThis as unknown as { __cgSeen: unknown[] }).__cgSeen,
    }));
    const types = dump.messages.map((m) => (m as { type: string }).type);
    expect(types).toContain('person:active');
    // One request for the estimator, on the one new-key step, carrying nothing but its type.
    expect(dump.messages.filter((m) => (m as { type: string }).type === 'estimator:load')).toEqual([{ type: 'estimator:load' }]);
    const all = JSON.stringify({ ...dump, consoleLines });
    for (const piece of [KEY, 'ab1104567838', 'ab110456783']) expect(all).not.toContain(piece);

    // 200% zoom on a 1280×720 screen (a 640×360 CSS viewport): still beside, inside the window, off the field.
    await page.setViewportSize({ width: 640, height: 360 });
    const driver = playwrightDriver(page);
    await driver.goto(url('recover/identity'));
    await expect.poll(async () => (await driver.overlayState()).step, { timeout: 10_000 }).toBe('identity');
    await driver.fill(CEDULA, '1712345601');
    await expect.poll(() => codesOf(driver, 'id-number', CEDULA), { timeout: 5_000 }).toEqual(['cedula-check-digit']);
    await expectBeside(driver, 'id-number', CEDULA);
    await page.screenshot({ path: 'test-results/warnings/chromium-200-percent.png' });
  });

  it('in Chromium, in English', async () => {
    const english = await launchChromium(requireBuild(OPEN_ROOT.chrome), { locale: 'en' });
    try {
      await english.serviceWorker.evaluate(async (people) => chrome.storage.session.set({ people }), PEOPLE);
      const page = await english.context.newPage();
      const driver = playwrightDriver(page);
      await driver.goto(url('recover/identity'));
      await expect.poll(async () => (await driver.overlayState()).step, { timeout: 10_000 }).toBe('identity');
      await driver.fill(CEDULA, '1712345600');
      await expect.poll(() => codesOf(driver, 'id-number', CEDULA), { timeout: 5_000 }).toEqual(['cedula-differs']);
      expect((await note(driver, 'id-number', CEDULA))!.text).toContain("This cédula is not the one in Mamá's data");
      await page.screenshot({ path: 'test-results/warnings/chromium-en-1280x720.png' });
    } finally {
      await english.close();
    }
  });

  it('in Firefox (the person seeded in storage.local, rememberPeople on)', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'claveguia-firefox-'));
    const legacy = join(profile, 'browser-extension-data', FIREFOX_ID);
    mkdirSync(legacy, { recursive: true });
    writeFileSync(join(legacy, 'storage.js'), JSON.stringify({ options: { rememberPeople: true }, people: PEOPLE }));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browserExecutable('firefox'),
      headless: true,
      userDataDir: profile,
      defaultViewport: { width: 1280, height: 720 },
      extraPrefsFirefox: {
        'network.dns.localDomains': MAPPED_HOSTS.join(','),
        'intl.locale.requested': 'es-MX',
        'intl.accept_languages': 'es',
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        // The JSON backend reads browser-extension-data/<id>/storage.js (the IndexedDB one would migrate it).
        'extensions.webextensions.ExtensionStorageIDB.enabled': false,
      },
    });
    try {
      await browser.installExtension(requireBuild(OPEN_ROOT.firefox));
      const page = await browser.newPage();
      await everyCase(puppeteerDriver(page));
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
