/**
 * Issue 21: the built extension makes the anonymous copy of a page ("Informe técnico" → "Guardar copia
 * anónima de esta página"), and the same extension reads the copy, served at the page's own address, as it
 * read the original: same step, flow and alerts. A sample of practice-portal states and of corpus pages (one
 * whose wizard steps only its stylesheet hides, so the copy's visibility markers are what keeps it right).
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { corpusPages } from '../qa/labelled';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { OPEN_ROOT, requireBuild } from './harness/extensions';
import { snapshotOverlay, type OverlaySnapshot } from './harness/overlay-probe';
import { startStatesServer } from './harness/states-server';

const PORTAL_SAMPLE = ['recover/identity', 'recover/verification', 'recover/verification-last-attempt', 'recover/email-sent', 'unlock/identity', 'employer/code'];
const CORPUS_SAMPLE = ['regression-issue10/css-wizard-complex-rule-new-key.html', 'rec-identity-blocked-growl.html', 'rec-email-sent.html'];

const inRoot = (selector: string) =>
  `document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;

/**
 * What the overlay shows once the page has settled: it waits for the guide, then until the answer has not
 * changed for 1.5 s (a growl fading in, a late script), within 15 s.
 */
async function settled(page: Page): Promise<OverlaySnapshot> {
  // Alerts are read from the open panel: open it whenever it shows as a pill, on both visits alike.
  const expand = () => page.evaluate(`(${inRoot('[data-action="expand"]')})?.click()`);
  const key = (s: OverlaySnapshot) => JSON.stringify([s.step, s.flow, s.shown, s.title, [...s.alerts].sort()]);
  let last = await page.evaluate(snapshotOverlay);
  let since = Date.now();
  const start = Date.now();
  while (Date.now() - start < 15_000) {
    await new Promise((done) => setTimeout(done, 250));
    await expand();
    const now = await page.evaluate(snapshotOverlay);
    if (key(now) !== key(last)) {
      last = now;
      since = Date.now();
    } else if (last.step !== null && Date.now() - since >= 1_500) break;
  }
  return last;
}

/** Opens "Informe técnico", asks for the copy and returns the file the save link offers, with the preview. */
async function copyThroughQaPanel(page: Page): Promise<{ html: string; preview: string }> {
  await page.evaluate(`(${inRoot('[data-action="expand"]')})?.click()`);
  await expect.poll(() => page.evaluate(`!!${inRoot('[data-action="qa"]')}`), { timeout: 5_000 }).toBe(true);
  await page.evaluate(`${inRoot('[data-action="qa"]')}.click()`);
  await expect.poll(() => page.evaluate(`!!${inRoot('[data-action="make-copy"]')}`), { timeout: 5_000 }).toBe(true);
  await page.evaluate(`${inRoot('[data-action="make-copy"]')}.click()`);
  await expect.poll(() => page.evaluate(`${inRoot('[data-copy]')}?.getAttribute('data-copy')`), { timeout: 15_000 }).toBe('ready');
  const href = (await page.evaluate(`${inRoot('[data-action="save-copy"]')}.getAttribute('href')`)) as string;
  const preview = (await page.evaluate(`${inRoot('[data-copy-preview]')}.textContent`)) as string;
  expect(href).toMatch(/^blob:/);
  const html = (await page.evaluate(`fetch(${JSON.stringify(href)}).then((r) => r.text())`)) as string;
  return { html, preview };
}

describe('Chromium: the built extension copies a page, and reads the copy as the original', () => {
  let session: ChromiumSession;
  let page: Page;
  let server: Awaited<ReturnType<typeof startStatesServer>>;

  beforeAll(async () => {
    server = await startStatesServer();
    session = await launchChromium(requireBuild(OPEN_ROOT.chrome), { locale: 'es', viewport: { width: 1280, height: 900 } });
    page = await session.context.newPage();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function roundTrip(url: string, serve: ((url: string) => Promise<void>) | null): Promise<void> {
    if (serve) await serve(url);
    await page.goto(url);
    const original = await settled(page);
    expect(original.step, url).not.toBeNull();
    const copy = await copyThroughQaPanel(page);
    // For whoever reviews the run: the last preview a person saw, as text.
    if (process.env.CLAVEGUIA_COPY_PREVIEW) writeFileSync(process.env.CLAVEGUIA_COPY_PREVIEW, `${url}\n\n${copy.preview}\n`);
    expect(copy.html).toMatch(/^<!DOCTYPE html>/);
    expect(copy.html).not.toMatch(/\d{4,}/);
    expect(copy.html).not.toContain('data-claveguia-host');
    // The copy, served where the page was: the extension reads it with no stylesheet and no script of the page.
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: copy.html }));
    await page.goto(url);
    const again = await settled(page);
    await page.unroute(url);
    expect({ step: again.step, flow: again.flow, alerts: [...again.alerts].sort() }, url).toEqual({
      step: original.step,
      flow: original.flow,
      alerts: [...original.alerts].sort(),
    });
  }

  it.each(PORTAL_SAMPLE)('practice portal %s', async (id) => {
    const state = server.states.find((s) => s.id === id);
    expect(state, id).toBeDefined();
    await roundTrip(state!.servedUrl, null);
  });

  it.each(CORPUS_SAMPLE)('corpus page %s', async (id) => {
    const page0 = corpusPages().find((p) => p.id === id);
    expect(page0, id).toBeDefined();
    const html = page0!.html;
    const url = page0!.url ?? /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? 'https://app.iess.gob.ec/';
    await roundTrip(url, async (u) => {
      await page.route(u, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }), { times: 1 });
    });
  });
});
