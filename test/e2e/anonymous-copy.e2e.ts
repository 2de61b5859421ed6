/**
 * Issue 21: the built extension makes the anonymous copy of a page ("Informe técnico" → "Guardar copia
 * anónima de esta página"), and the same extension reads the copy, served at the page's own address, as it
 * read the original: same step, flow and alerts. A sample of practice-portal states and of corpus pages (one
 * whose wizard steps only its stylesheet hides, so the copy's visibility markers are what keeps it right), in
 * Chromium and in Firefox.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ElementHandle, Page as FirefoxPage } from 'puppeteer-core';
import { corpusPages } from '../qa/labelled';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { OPEN_ROOT, requireBuild } from './harness/extensions';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { urlOn } from './harness/hosts';
import { snapshotOverlay, type OverlaySnapshot } from './harness/overlay-probe';
import { startStatesServer, type StatesServer } from './harness/states-server';

const PORTAL_SAMPLE = ['recover/identity', 'recover/verification', 'recover/verification-last-attempt', 'recover/email-sent', 'unlock/identity', 'employer/code'];
const CORPUS_SAMPLE = ['regression-issue10/css-wizard-complex-rule-new-key.html', 'rec-identity-blocked-growl.html', 'rec-email-sent.html'];

const inRoot = (selector: string) =>
  `document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;

/** What both browsers' pages offer this spec: an expression evaluated in the page, and the overlay's snapshot. */
interface Tab {
  run(expression: string): Promise<unknown>;
  snapshot(): Promise<OverlaySnapshot>;
}
const chromiumTab = (page: Page): Tab => ({ run: (e) => page.evaluate(e), snapshot: () => page.evaluate(snapshotOverlay) });
const firefoxTab = (page: FirefoxPage): Tab => ({ run: (e) => page.evaluate(e), snapshot: () => page.evaluate(snapshotOverlay) });

/**
 * What the overlay shows once the page has settled: it waits for the guide, then until the answer has not
 * changed for 1.5 s (a growl fading in, a late script), within 15 s.
 */
async function settled(tab: Tab): Promise<OverlaySnapshot> {
  // Alerts are read from the open panel: open it whenever it shows as a pill, on both visits alike.
  const expand = () => tab.run(`void (${inRoot('[data-action="expand"]')})?.click()`);
  const key = (s: OverlaySnapshot) => JSON.stringify([s.step, s.flow, s.shown, s.title, [...s.alerts].sort()]);
  let last = await tab.snapshot();
  let since = Date.now();
  const start = Date.now();
  while (Date.now() - start < 15_000) {
    await new Promise((done) => setTimeout(done, 250));
    await expand();
    const now = await tab.snapshot();
    if (key(now) !== key(last)) {
      last = now;
      since = Date.now();
    } else if (last.step !== null && Date.now() - since >= 1_500) break;
  }
  return last;
}

/** Opens "Informe técnico", asks for the copy and returns the file the save link offers, with the preview. */
async function copyThroughQaPanel(tab: Tab): Promise<{ html: string; preview: string }> {
  await tab.run(`void (${inRoot('[data-action="expand"]')})?.click()`);
  await expect.poll(() => tab.run(`!!${inRoot('[data-action="qa"]')}`), { timeout: 5_000 }).toBe(true);
  await tab.run(`void ${inRoot('[data-action="qa"]')}.click()`);
  await expect.poll(() => tab.run(`!!${inRoot('[data-action="make-copy"]')}`), { timeout: 5_000 }).toBe(true);
  await tab.run(`void ${inRoot('[data-action="make-copy"]')}.click()`);
  await expect.poll(() => tab.run(`${inRoot('[data-copy]')}?.getAttribute('data-copy')`), { timeout: 15_000 }).toBe('ready');
  const href = (await tab.run(`${inRoot('[data-action="save-copy"]')}.getAttribute('href')`)) as string;
  const preview = (await tab.run(`${inRoot('[data-copy-preview]')}.textContent`)) as string;
  expect(href).toMatch(/^blob:/);
  const html = (await tab.run(`fetch(${JSON.stringify(href)}).then((r) => r.text())`)) as string;
  return { html, preview };
}

/**
 * Visits `url`, makes the copy, checks the file, has `serveCopy` put the copy at the same address, visits it
 * again and compares what the overlay read both times.
 */
async function roundTrip(tab: Tab, goto: (url: string) => Promise<void>, url: string, serveCopy: (html: string) => Promise<() => Promise<void>>): Promise<void> {
  await goto(url);
  const original = await settled(tab);
  expect(original.step, url).not.toBeNull();
  const copy = await copyThroughQaPanel(tab);
  // For whoever reviews the run: the last preview a person saw, as text.
  if (process.env.CLAVEGUIA_COPY_PREVIEW) writeFileSync(process.env.CLAVEGUIA_COPY_PREVIEW, `${url}\n\n${copy.preview}\n`);
  expect(copy.html).toMatch(/^<!DOCTYPE html>/);
  expect(copy.html).not.toMatch(/\d{4,}/);
  expect(copy.html).not.toContain('data-claveguia-host');
  // The copy, served where the page was: the extension reads it with no stylesheet and no script of the page.
  const stopServing = await serveCopy(copy.html);
  await goto(url);
  const again = await settled(tab);
  await stopServing();
  expect({ step: again.step, flow: again.flow, alerts: [...again.alerts].sort() }, url).toEqual({
    step: original.step,
    flow: original.flow,
    alerts: [...original.alerts].sort(),
  });
}

function corpusPage(id: string): { html: string; url: URL } {
  const page = corpusPages().find((p) => p.id === id);
  expect(page, id).toBeDefined();
  const html = page!.html;
  return { html, url: new URL(page!.url ?? /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? 'https://app.iess.gob.ec/') };
}

function servedState(server: StatesServer, id: string): string {
  const state = server.states.find((s) => s.id === id);
  expect(state, id).toBeDefined();
  return state!.servedUrl;
}

describe('Chromium: the built extension copies a page, and reads the copy as the original', () => {
  let session: ChromiumSession;
  let page: Page;
  let server: StatesServer;
  const goto = async (url: string) => void (await page.goto(url));
  /** Chromium can answer a request itself: the copy is served at the page's address by routing. */
  const routeCopy = (url: string) => async (html: string) => {
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    return () => page.unroute(url);
  };

  beforeAll(async () => {
    server = await startStatesServer();
    session = await launchChromium(requireBuild(OPEN_ROOT.chrome), { locale: 'es', viewport: { width: 1280, height: 900 } });
    page = await session.context.newPage();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(PORTAL_SAMPLE)('practice portal %s', async (id) => {
    const url = servedState(server, id);
    await roundTrip(chromiumTab(page), goto, url, routeCopy(url));
  });

  it.each(CORPUS_SAMPLE)('corpus page %s', async (id) => {
    const { html, url } = corpusPage(id);
    await page.route(url.href, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }), { times: 1 });
    await roundTrip(chromiumTab(page), goto, url.href, routeCopy(url.href));
  });
});

describe('Firefox: the built extension copies a page, and reads the copy as the original', () => {
  let session: FirefoxSession;
  let page: FirefoxPage;
  let server: StatesServer;
  const downloads = mkdtempSync(join(tmpdir(), 'claveguia-copy-'));
  const goto = async (url: string) => void (await page.goto(url, { waitUntil: 'load' }));
  /** Puppeteer over BiDi has no routing here: the local server answers the page's address with the copy. */
  const serveCopy = (url: string) => async (html: string) => {
    const at = new URL(url);
    server.serveAt(at.pathname + at.search, html);
    return async () => server.serveAt(at.pathname + at.search, null);
  };

  beforeAll(async () => {
    server = await startStatesServer();
    session = await launchFirefox(requireBuild(OPEN_ROOT.firefox), { locale: 'es', downloadDir: downloads });
    page = await session.browser.newPage();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('the save link, clicked as a person would, saves the same file', async () => {
    const tab = firefoxTab(page);
    await goto(servedState(server, 'recover/identity'));
    expect((await settled(tab)).step).not.toBeNull();
    const { html } = await copyThroughQaPanel(tab);
    // A click through WebDriver BiDi's input, not a scripted one: Firefox's own download of the blob: link.
    const link = await page.evaluateHandle(inRoot('[data-action="save-copy"]'));
    await (link as ElementHandle<HTMLAnchorElement>).click();
    const saved = () => readdirSync(downloads).filter((f) => !f.endsWith('.part'));
    await expect.poll(saved, { timeout: 15_000 }).toEqual(['claveguia-copia-anonima.html']);
    await expect.poll(() => readFileSync(join(downloads, saved()[0]!), 'utf8'), { timeout: 5_000 }).toBe(html);
  });

  it.each(PORTAL_SAMPLE)('practice portal %s', async (id) => {
    const url = servedState(server, id);
    await roundTrip(firefoxTab(page), goto, url, serveCopy(url));
  });

  it.each(CORPUS_SAMPLE)('corpus page %s', async (id) => {
    // The corpus page's own host and path, over plain HTTP on the local port (the detector reads host and path).
    const { html, url } = corpusPage(id);
    const local = urlOn(url.hostname, server.port, url.pathname + url.search);
    server.serveAt(url.pathname + url.search, html);
    await roundTrip(firefoxTab(page), goto, local, serveCopy(local));
  });
});
