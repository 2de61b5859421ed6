/**
 * Nothing leaves the browser, and only what the person chose is stored (issue 14, items 1 and 2). Each walk
 * must also reach every stop with its expected step (walks.chromium.e2e.ts and walks.firefox.e2e.ts check the
 * rest of what a stop shows).
 *
 * The shipped packages: no remote address beyond the official IESS links, no eval or remote loader
 * (test/tools/check-dist.ts, on the builds the E2E set-up just made).
 *
 * Chromium: a person is prepared in the popup (profile data, "Recordar en este equipo"), the options page is
 * opened, then one walk of each flow of the practice portal runs once with the shipped build, in one browser.
 * Every request of the browser context is recorded: pages, the extension's pages, and its service worker
 * (Playwright reports a worker's requests with `request.serviceWorker()`), and each page's requests carry
 * their initiator over CDP, so one made by our content script (same origin as the page or not) is named as
 * ours. Allowed: what the walk's pages load from the practice portal, and our own packaged files. After each
 * walk both storage areas are dumped: only known keys, the prepared person exactly as entered, and none of
 * the values typed in the walks (cédulas, the new key, answers, emails, phone, codes) anywhere else. Last, the
 * recorder is shown to see a request planted in the worker and one planted in our content script's world.
 *
 * Firefox (WebDriver BiDi reaches pages, not the add-on's background): two flows' walks; no page request goes
 * to a host other than the practice portal's, and none to a moz-extension:// address. Its storage cannot be
 * read over BiDi (see README, How the E2E tests reach "the IESS" offline).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import type { HTTPRequest, Page as PuppeteerPage } from 'puppeteer-core';
import { isKnownKey } from '../../src/storage/schema';
import { ManualClock } from '../portal/clock';
import { EMPLOYERS, INVALID_CEDULA, PERSONAS, UNREGISTERED_CEDULA } from '../portal/personas';
import { failed, runWalk } from '../walkthrough/runner';
import { WALKS, walkContext, type Walk } from '../walkthrough/walks';
import { scanDir, scannedFiles } from '../tools/check-dist';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { playwrightDriver, puppeteerDriver, type PageDriver } from './harness/driver';
import { requireBuild, SHIPPED } from './harness/extensions';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { usePracticePortal } from './harness/practice-portal';

/**
 * One walk per flow (the happy walks: recovery by link, first time, image, code, unlock, employer, household,
 * change of key) reaches every kind of page; the failure paths are the same pages with an alert, and
 * walks.chromium.e2e.ts and walks.firefox.e2e.ts cover them. Firefox, where only the page requests can be seen, walks two flows.
 */
const FLOW_WALKS: readonly Walk[] = WALKS.filter((walk) => walk.kind === 'happy');
const FIREFOX_WALKS: readonly Walk[] = FLOW_WALKS.filter((walk) => walk.id === 'recover-link' || walk.id === 'employer');

const clock = new ManualClock();
const practice = usePracticePortal({ clock, deliveryDelayMs: 0 });
const VIEWPORT = { width: 1280, height: 720 };

/** Who the volunteer prepares in the popup: Ana, whom the first walk helps. Her data is chosen, so kept. */
const ana = PERSONAS.find((p) => p.id === 'ana')!;
const PREPARED = { label: 'Para mí', cedula: ana.cedula, email: ana.email!, birthDay: ana.birthDay, birthMonth: ana.birthMonth };

/** Everything the walks type into the portal (or read from the practice inbox) that must never be stored. */
const TYPED: readonly string[] = [
  'Nueva2025',
  ...PERSONAS.flatMap((p) => [p.cedula, p.email ?? '', p.currentKey ?? '', p.name, ...p.personal.map((a) => a.answer), ...p.history.employers]),
  ...EMPLOYERS.flatMap((e) => [e.ruc, e.representativeCedula, e.email]),
  INVALID_CEDULA,
  UNREGISTERED_CEDULA,
  // Bruno's data bank (walks.ts).
  'bruno.nuevo@example.com',
  '0991234567',
  'Rex',
  'Guayaquil',
  'Ceviche',
].filter((v) => v.length >= 3);

/** A walk's one-time codes, read from the practice inbox after it. */
const codesOf = (walk: Walk): string[] =>
  walk.persona ? practice.server.world.inbox.delivered(walk.persona).flatMap((m) => (m.code ? [m.code] : [])) : [];

/** Every string and number stored (values only: key names such as `keyMaxLength` are structure). */
function storedValues(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' || typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => storedValues(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => storedValues(v, out));
  return out;
}

/** Not network at all: inline data, in-memory objects, blank pages. */
const NOT_NETWORK = /^(data|blob|about):/;
const short = (url: string) => (url.length > 120 ? `${url.slice(0, 120)}…` : url);

/** Whether a URL is the practice portal's (its mapped IESS hosts or its loopback host, on its port). */
function isPortalUrl(raw: string): boolean {
  const url = new URL(raw);
  const { app, www, sim } = practice.server.urls;
  return [app, www, sim].includes(url.origin);
}

describe('the shipped packages', () => {
  it.each([['chrome', SHIPPED.chrome], ['firefox', SHIPPED.firefox]] as const)('%s: no remote URL, eval or remote loader', (_name, dir) => {
    requireBuild(dir);
    // The scan read the bundles (content script, worker, pages), not an empty folder.
    expect(scannedFiles(dir)).toEqual(expect.arrayContaining(['manifest.json', 'src/content/index.js', 'src/popup/index.html']));
    expect(scanDir(dir)).toEqual([]);
  });
});

interface Recorded {
  url: string;
  /** Who asked: the worker, an extension page, our content script (by initiator), or a page. */
  by: 'worker' | 'extension-page' | 'content-script' | 'page';
  walk: string;
}

type Areas = { local: Record<string, unknown>; session: Record<string, unknown> };

describe('Chromium: every flow sends nothing and stores only the prepared person', () => {
  let session: ChromiumSession;
  let extensionPage: Page;
  const requests: Recorded[] = [];
  const cdps: CDPSession[] = [];
  let current = 'set-up';

  const ours = (url: string) => url.startsWith(`chrome-extension://${session.extensionId}/`);

  /** Every page's requests with their initiator: one whose script stack is in our extension is ours. */
  async function watchInitiators(page: Page): Promise<void> {
    const cdp = await session.context.newCDPSession(page);
    cdps.push(cdp);
    cdp.on('Network.requestWillBeSent', (event) => {
      // Our own pages (popup, options) load their modules: those are told apart by the frame, below.
      if ((event.documentURL ?? '').startsWith('chrome-extension://')) return;
      const stack: { callFrames: { url: string }[]; parent?: unknown }[] = [];
      for (let s = event.initiator.stack as (typeof stack)[number] | undefined; s; s = s.parent as typeof s | undefined) stack.push(s);
      const fromUs = stack.some((s) => s.callFrames.some((f) => f.url.startsWith('chrome-extension://'))) || (event.initiator.url ?? '').startsWith('chrome-extension://');
      if (fromUs) requests.push({ url: event.request.url, by: 'content-script', walk: current });
    });
    cdp.on('Network.webSocketCreated', (event) => requests.push({ url: event.url, by: 'page', walk: current }));
    await cdp.send('Network.enable');
  }

  const readAreas = (): Promise<Areas> =>
    extensionPage.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(k: null): Promise<Record<string, unknown>> }> } }).chrome;
      return { local: await c.storage.local.get(null), session: await c.storage.session.get(null) };
    });

  beforeAll(async () => {
    session = await launchChromium(requireBuild(SHIPPED.chrome), { viewport: VIEWPORT });
    session.context.on('request', (request) => {
      const worker = request.serviceWorker();
      let frameUrl = '';
      try {
        frameUrl = worker ? '' : request.frame().url();
      } catch {
        // A navigation before its frame exists: the page asked for it.
      }
      const by: Recorded['by'] = worker ? 'worker' : frameUrl.startsWith('chrome-extension://') ? 'extension-page' : 'page';
      requests.push({ url: request.url(), by, walk: current });
    });
    session.context.on('page', (page) => void watchInitiators(page).catch(() => undefined));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the popup prepares a person (remembered) and the options page opens, loading only packaged files', async () => {
    current = 'popup';
    extensionPage = await session.context.newPage();
    await extensionPage.setViewportSize({ width: 360, height: 600 });
    await extensionPage.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
    await extensionPage.getByRole('button', { name: 'Agregar una persona' }).click();
    await extensionPage.locator('#person-label').fill(PREPARED.label);
    await extensionPage.locator('#person-cedula').fill(PREPARED.cedula);
    await extensionPage.locator('#person-email').fill(PREPARED.email);
    await extensionPage.locator('#person-day').fill(String(PREPARED.birthDay));
    await extensionPage.locator('#person-month').fill(String(PREPARED.birthMonth));
    await extensionPage.getByRole('button', { name: 'Guardar' }).click();
    await extensionPage.locator(`[data-person="${PREPARED.label}"]`).waitFor();
    await extensionPage.locator('#remember').check();
    await expect.poll(async () => (await readAreas()).local.people).toBeDefined();

    current = 'options';
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/options/index.html`);
    await options.locator('h1').waitFor();
    await options.close();
    expect(requests.filter((r) => r.by === 'extension-page').length, 'the recorder saw the pages load').toBeGreaterThan(2);
  });

  it.each(FLOW_WALKS.map((walk) => [walk.id, walk] as const))('%s: no request of ours; storage holds only known keys and chosen data', async (id, walk) => {
    current = id;
    const page = await session.context.newPage();
    const driver: PageDriver = playwrightDriver(page);
    try {
      const results = await runWalk(walk, walkContext(practice.server, driver, clock));
      expect(results.filter(failed).map((r) => `${r.stop.name}: ${r.problems.join('; ')}`)).toEqual([]);
    } finally {
      await page.close();
    }

    const areas = await readAreas();
    const keys = [...Object.keys(areas.local), ...Object.keys(areas.session)];
    expect(keys.filter((k) => !isKnownKey(k)), 'unknown storage keys').toEqual([]);
    // The prepared person exactly as entered (plus its id and checklist ticks), and nowhere else.
    const { people, ...localRest } = areas.local as { people?: { activeId: string; list: Record<string, unknown>[] } };
    expect(people?.list).toHaveLength(1);
    const { id: personId, preflight, ...entered } = people!.list[0]!;
    expect(typeof personId).toBe('string');
    expect(preflight === undefined || typeof preflight === 'object').toBe(true);
    expect(entered).toEqual(PREPARED);
    expect(areas.session.people).toBeUndefined();
    const elsewhere = storedValues([localRest, areas.session, preflight ?? null]);
    const leaked = [...TYPED, ...codesOf(walk)].filter((value) => elsewhere.some((stored) => stored.includes(value)));
    expect(leaked, `typed values found in storage after ${id}: ${JSON.stringify([localRest, areas.session])}`).toEqual([]);
  });

  it('over the whole run: every request is the portal pages’ own or one of our packaged files', async () => {
    await new Promise((done) => setTimeout(done, 500));
    const walked = requests.filter((r) => FLOW_WALKS.some((w) => w.id === r.walk));
    // The recorder saw the walks: every page load of every walk, at least.
    expect(walked.filter((r) => r.by === 'page' && isPortalUrl(r.url)).length).toBeGreaterThan(FLOW_WALKS.length * 3);
    const notAllowed = requests.filter((r) => {
      if (r.by === 'content-script') return true;
      if (r.by === 'worker' || r.by === 'extension-page') return !ours(r.url);
      return !isPortalUrl(r.url) && !ours(r.url) && !NOT_NETWORK.test(r.url);
    });
    expect(notAllowed.map((r) => `${r.walk}: ${r.by} ${short(r.url)}`)).toEqual([]);
  });

  it('the recorder would have seen one: a request planted in the worker and one in our content script’s world', async () => {
    current = 'planted';
    const target = `${practice.server.urls.app}/planted`;
    const worker = session.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${session.extensionId}/`)).at(-1)!;
    await worker.evaluate((url) => fetch(`${url}?from=worker`).then(() => undefined, () => undefined), target);

    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    const worlds = new Map<number, string>();
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.origin.includes(session.extensionId)) worlds.set(context.id, context.origin);
    });
    await cdp.send('Runtime.enable');
    await page.goto(`${practice.server.urls.app}/iess-gestion-desbloqueo-publico-web/`);
    await expect.poll(() => worlds.size).toBeGreaterThan(0);
    const [contextId] = [...worlds.keys()];
    // Code running in our content script's world, attributed to the content script's file as its own code is.
    const script = `chrome-extension://${session.extensionId}/src/content/index.js`;
    const expression = `fetch(${JSON.stringify(`${target}?from=content`)}).catch(() => 0)\n//# sourceURL=${script}`;
    await cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true });

    // Playwright also reports the content script's request as the page's: the initiator is what names it ours.
    const planted = () => requests.filter((r) => r.walk === 'planted' && r.url.includes('/planted')).map((r) => `${r.by} ${new URL(r.url).search}`);
    await expect.poll(planted).toEqual(expect.arrayContaining(['content-script ?from=content', 'worker ?from=worker']));
    await page.close();
  });
});

describe('Firefox: two flows, no request beyond the practice portal', () => {
  let session: FirefoxSession;
  const requests: { url: string; walk: string }[] = [];

  beforeAll(async () => {
    session = await launchFirefox(requireBuild(SHIPPED.firefox));
  });
  afterAll(async () => {
    await session?.close();
  });

  const record = (page: PuppeteerPage, walk: string) => page.on('request', (r: HTTPRequest) => void requests.push({ url: r.url(), walk }));

  it.each(FIREFOX_WALKS.map((walk) => [walk.id, walk] as const))('%s', async (id, walk) => {
    const page = await session.browser.newPage();
    await page.setViewport(VIEWPORT);
    record(page, id);
    const driver = puppeteerDriver(page);
    try {
      const results = await runWalk(walk, walkContext(practice.server, driver, clock));
      expect(results.filter(failed).map((r) => `${r.stop.name}: ${r.problems.join('; ')}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('over the whole run: only the practice portal, never a moz-extension:// address, and the recorder sees a stray one', async () => {
    expect(requests.filter((r) => isPortalUrl(r.url)).length).toBeGreaterThan(FIREFOX_WALKS.length * 3);
    expect(requests.filter((r) => !isPortalUrl(r.url) && !NOT_NETWORK.test(r.url)).map((r) => `${r.walk}: ${short(r.url)}`)).toEqual([]);
    // Fail-able: a request to another host is recorded as one.
    const page = await session.browser.newPage();
    record(page, 'planted');
    await page.goto(`${practice.server.urls.app}/iess-gestion-desbloqueo-publico-web/`);
    await page.evaluate(() => fetch('http://planted.invalid/x').catch(() => 0));
    await expect.poll(() => requests.filter((r) => r.walk === 'planted' && !isPortalUrl(r.url) && !NOT_NETWORK.test(r.url)).map((r) => r.url)).toEqual(['http://planted.invalid/x']);
    await page.close();
  });
});
