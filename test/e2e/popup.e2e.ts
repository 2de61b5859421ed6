/**
 * The popup and the options page in real Chromium: two people prepared, switched and ticked; what survives a
 * popup reopen and a browser restart (same profile) with and without "Recordar en este equipo"; "Olvidar todo"
 * empties both storage areas; the overlay names the active person's label; the official-site check and the
 * step status for the active tab on the mapped hosts; axe-core on both pages, both languages, light and dark.
 *
 * The popup is opened as a tab page (Playwright cannot reach the toolbar popup). For the active-tab checks it
 * sits in a background tab and the portal tab is brought to the front, so `tabs.query({active, currentWindow})`
 * returns the portal tab, as after a toolbar click. The IESS hosts are readable through the extension's host
 * permission; `activeTab` is granted only by a real toolbar click or shortcut, which headless Chromium cannot
 * make (chrome.action.openPopup does not grant it), so on www.example.org the address stays hidden here: the
 * popup must then say there is nothing it can check. The "not-iess" verdict for it is covered in unit tests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXE_SOURCE, runAxe } from './harness/axe';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { OPEN_ROOT, OPTIONS_READ, POPUP_PEOPLE_READ, requireBuild } from './harness/extensions';
import { OTHER_HOST, urlOn } from './harness/hosts';
import { startStatesServer } from './harness/states-server';

const EXTENSION = () => requireBuild(OPEN_ROOT.chrome);

type Areas = { local: Record<string, unknown>; session: Record<string, unknown> };
const readAreas = (session: ChromiumSession): Promise<Areas> =>
  session.serviceWorker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: Record<'local' | 'session', { get(k: null): Promise<Record<string, unknown>> }> } }).chrome;
    return { local: await c.storage.local.get(null), session: await c.storage.session.get(null) };
  });

const popupUrl = (s: ChromiumSession) => `chrome-extension://${s.extensionId}/src/popup/index.html`;
const optionsUrl = (s: ChromiumSession) => `chrome-extension://${s.extensionId}/src/options/index.html`;

async function openPopup(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 360, height: 600 });
  await page.goto(popupUrl(session));
  await page.locator(POPUP_PEOPLE_READ).waitFor();
  return page;
}

async function addPerson(popup: Page, p: { label: string; cedula?: string; email?: string; day?: string; month?: string }) {
  await popup.getByRole('button', { name: /^(Agregar una persona|Add a person)$/ }).click();
  await popup.locator('#person-label').fill(p.label);
  if (p.cedula) await popup.locator('#person-cedula').fill(p.cedula);
  if (p.email) await popup.locator('#person-email').fill(p.email);
  if (p.day) await popup.locator('#person-day').fill(p.day);
  if (p.month) await popup.locator('#person-month').fill(p.month);
  await popup.getByRole('button', { name: /^(Guardar|Save)$/ }).click();
  await popup.locator(`[data-person="${p.label}"]`).waitFor();
}

const labels = (popup: Page) => popup.locator('[data-person]').evaluateAll((els) => els.map((e) => e.getAttribute('data-person')));
const activeLabel = (popup: Page) =>
  popup.locator('input[name="active-person"]:checked').evaluateAll((els) => els.map((e) => e.closest('[data-person]')?.getAttribute('data-person')));
const readiness = (popup: Page) => popup.locator('.readiness').textContent();
const personLine = (page: Page) =>
  page.evaluate(() => document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector('[data-cg-person]')?.textContent ?? null);

describe('the popup in Chromium', () => {
  let server: Awaited<ReturnType<typeof startStatesServer>>;
  let profile: string;
  let session: ChromiumSession | null = null;

  beforeAll(async () => {
    server = await startStatesServer();
    profile = mkdtempSync(join(tmpdir(), 'claveguia-popup-profile-'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  const relaunch = async () => {
    await session?.close();
    session = await launchChromium(EXTENSION(), { profileDir: profile });
    return session;
  };

  it('prepares two people, switches, ticks; the overlay names the label; a reopen keeps it; a restart forgets it', async () => {
    const s = await relaunch();
    let popup = await openPopup(s);
    await addPerson(popup, { label: 'Para mí', cedula: '1712345600', email: 'ana@gmail.com', day: '14', month: '3' });
    await addPerson(popup, { label: 'Mamá', cedula: '0902345610' });
    expect(await labels(popup)).toEqual(['Para mí', 'Mamá']);
    expect(await activeLabel(popup)).toEqual(['Mamá']);

    await popup.locator('#pf-phone').check();
    // The tick is saved through the store, then shown: wait for it rather than read at once.
    await expect.poll(() => readiness(popup)).toBe('1 de 8 listos');
    await popup.locator('[data-person="Para mí"] input[name="active-person"]').check();
    await expect.poll(() => activeLabel(popup)).toEqual(['Para mí']);
    await popup.locator('#pf-id-number').check();
    await popup.locator('#pf-email-open').check();
    await expect.poll(() => readiness(popup)).toBe('2 de 8 listos');

    // The overlay beside the portal names the label, and follows a switch made in the popup.
    const portal = await s.context.newPage();
    await portal.goto(server.states.find((st) => st.id === 'recover/identity')!.servedUrl);
    await expect.poll(() => personLine(portal)).toBe('Ayudando a: Para mí');
    await popup.locator('[data-person="Mamá"] input[name="active-person"]').check();
    await expect.poll(() => personLine(portal)).toBe('Ayudando a: Mamá');
    // Nothing but the label reaches the page.
    const pageText = await portal.evaluate(() => document.querySelector('[data-claveguia-host]')?.shadowRoot?.textContent ?? '');
    expect(pageText).not.toContain('0902345610');
    expect(pageText).not.toContain('1712345600');

    // Reopen the popup: everything is there (storage.session lasts for the browser session).
    await popup.close();
    popup = await openPopup(s);
    expect(await labels(popup)).toEqual(['Para mí', 'Mamá']);
    expect(await activeLabel(popup)).toEqual(['Mamá']);
    await expect.poll(() => readiness(popup)).toBe('1 de 8 listos');
    const areas = await readAreas(s);
    expect(areas.session.people).toMatchObject({ list: [{ label: 'Para mí' }, { label: 'Mamá' }] });
    expect(areas.local.people).toBeUndefined();

    // Restart on the same profile without "Recordar": the people are gone.
    const restarted = await relaunch();
    popup = await openPopup(restarted);
    expect(await labels(popup)).toEqual([]);
    expect((await readAreas(restarted)).session.people).toBeUndefined();
  });

  it('with "Recordar en este equipo" the people and ticks survive a restart; "Olvidar todo" empties both areas', async () => {
    const s = await relaunch();
    let popup = await openPopup(s);
    await addPerson(popup, { label: 'Papá', cedula: '1104567837' });
    await addPerson(popup, { label: 'Tía', email: 'tia@hotmail.com' });
    await popup.locator('#pf-time').check();
    await popup.locator('#remember').check();
    await expect.poll(async () => (await readAreas(s)).local.people).toMatchObject({ list: [{ label: 'Papá' }, { label: 'Tía' }] });
    await expect.poll(async () => (await readAreas(s)).session.people).toBeUndefined();
    // The hint follows once the store has saved the choice (and the popup re-rendered): wait for it.
    await expect.poll(() => popup.locator('#remember-hint').textContent()).toContain('quedan guardadas en este equipo');

    const restarted = await relaunch();
    popup = await openPopup(restarted);
    expect(await labels(popup)).toEqual(['Papá', 'Tía']);
    expect(await activeLabel(popup)).toEqual(['Tía']);
    await expect.poll(() => readiness(popup)).toBe('1 de 8 listos');
    // The options are read apart from the people: the box shows the stored choice once they are in.
    await expect.poll(() => popup.locator('#remember').isChecked()).toBe(true);

    // Something in session storage too, so "both areas" means something.
    const portal = await restarted.context.newPage();
    await portal.goto(server.states.find((st) => st.id === 'recover/identity')!.servedUrl);
    await expect.poll(async () => Object.keys((await readAreas(restarted)).session).some((k) => k.startsWith('step:'))).toBe(true);

    await popup.bringToFront();
    await popup.getByRole('button', { name: 'Olvidar todo' }).click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('erase-confirm');
    await popup.getByRole('button', { name: 'Sí, olvidar todo' }).click();
    await expect.poll(() => popup.locator('p.status').textContent()).toBe('Listo: ClaveGuía ya no guarda nada.');
    // The tab's step is written again by the page as soon as it re-detects; what people kept must be gone.
    const after = await readAreas(restarted);
    expect(after.local).toEqual({});
    expect(Object.keys(after.session).filter((k) => !k.startsWith('step:'))).toEqual([]);
    expect(await labels(popup)).toEqual([]);
    await expect.poll(() => personLine(portal)).toBe(null);
  });

  it('checks the active tab: the mapped IESS hosts over http are "insecure", with the detected step; another host cannot be read without a toolbar click', async () => {
    const s = session ?? (await relaunch());
    const unlock = server.states.find((st) => st.id.startsWith('unlock/identity'))!;
    const cases: [url: string, verdict: string][] = [
      [unlock.servedUrl, 'insecure'],
      [unlock.servedUrl.replace('://app.', '://www.'), 'insecure'],
      [urlOn(OTHER_HOST, server.port, '/?cgstate=none'), 'unknown'],
    ];
    const popup = await openPopup(s);
    for (const [url, verdict] of cases) {
      const tab = await s.context.newPage();
      await tab.goto(url);
      await tab.bringToFront();
      await popup.reload();
      await expect.poll(() => popup.locator('.site').getAttribute('data-verdict'), { message: url }).toBe(verdict);
      if (verdict === 'insecure') {
        expect(await popup.locator('.site').textContent()).toContain('sin conexión segura');
        if (url.includes('://app.')) {
          await expect.poll(async () => { await popup.reload(); return popup.locator('.tab-step').getAttribute('data-step'); }).toBe('identity');
          expect(await popup.locator('.tab-step').getAttribute('data-flow')).toBe('unlock');
          // The guide's show/hide control for this portal site.
          await popup.getByRole('button', { name: 'Ocultar la guía en este sitio' }).click();
          await expect.poll(() => tab.evaluate(() => document.querySelector('[data-claveguia-host]') === null || (document.querySelector('[data-claveguia-host]') as HTMLElement).hidden)).toBe(true);
          await popup.getByRole('button', { name: 'Mostrar la guía en este sitio' }).click();
          await expect.poll(() => tab.evaluate(() => !!document.querySelector('[data-claveguia-host]:not([hidden])'))).toBe(true);
        }
      } else {
        expect(await popup.locator('[data-action="toggle-guide-here"]').count()).toBe(0);
      }
      await tab.close();
    }
    // The official links point at https pages on iess.gob.ec.
    const hrefs = await popup.locator('a[data-link]:not([data-link="options"])').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(3);
    for (const href of hrefs) expect(href).toMatch(/^https:\/\/(app|www)\.iess\.gob\.ec\//);
  });

  it('keeps the content script free of the catalogues: a forced language is fetched from the background', () => {
    const dir = requireBuild(OPEN_ROOT.chrome);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
    const code = readFileSync(join(dir, manifest.content_scripts[0]!.js[0]!), 'utf8');
    // An English-only and a Spanish-only string of the checklist: neither is bundled into the page script.
    expect(code).not.toContain('Helping: $LABEL$');
    expect(code).not.toContain('Ayudando a: $LABEL$');
  });

  it('is operable with the keyboard alone: add a person, tick an item, switch, erase', async () => {
    const s = session ?? (await relaunch());
    const popup = await openPopup(s);
    const focused = () => popup.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName.toLowerCase()}#${el.id}|${el.textContent?.trim() ?? ''}|${el.getAttribute('name') ?? ''}` : '';
    });
    const tabTo = async (match: (f: string) => boolean, max = 80) => {
      for (let i = 0; i < max; i++) {
        await popup.keyboard.press('Tab');
        if (match(await focused())) return;
      }
      throw new Error(`not reached by Tab; last: ${await focused()}`);
    };
    await tabTo((f) => f.includes('|Agregar una persona|'));
    await popup.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^input#person-label/);
    await popup.keyboard.type('Para mí');
    await popup.keyboard.press('Enter');
    await popup.locator('[data-person="Para mí"]').waitFor();
    await expect.poll(focused).toContain('|Agregar una persona|');
    await tabTo((f) => f.startsWith('input#pf-id-number'));
    await popup.keyboard.press('Space');
    await expect.poll(() => readiness(popup)).toBe('1 de 8 listos');
    // The focus ring is visible (not only colour-less default).
    const outline = await popup.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await tabTo((f) => f.includes('|Olvidar todo|'));
    await popup.keyboard.press('Enter');
    await expect.poll(focused).toMatch(/^p#erase-confirm/);
    await popup.keyboard.press('Tab');
    expect(await focused()).toContain('|Sí, olvidar todo|');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.locator('p.status').textContent()).toBe('Listo: ClaveGuía ya no guarda nada.');
    // The focus goes back in an effect after the status is rendered: wait for it.
    await expect.poll(focused).toContain('|Olvidar todo|');
  });

  it('passes axe-core on the popup and the options page, in Spanish and English, light and dark, and fits 360 px at 200 % zoom', async () => {
    const s = session ?? (await relaunch());
    const popup = await openPopup(s);
    await addPerson(popup, { label: 'Para mí' });
    // A wrong cédula on purpose: the form stays open with its message, and axe checks it too.
    await popup.getByRole('button', { name: 'Agregar una persona' }).click();
    await popup.locator('#person-label').fill('Mamá');
    await popup.locator('#person-cedula').fill('1712345601');
    await expect.poll(() => popup.locator('[data-error-for="person-cedula"]').isVisible()).toBe(true);
    const options = await s.context.newPage();
    await options.setViewportSize({ width: 1280, height: 720 });
    await options.goto(optionsUrl(s));
    await options.locator(OPTIONS_READ).waitFor();

    const axe = async (page: Page, label: string) => {
      // Extension pages forbid inline scripts (CSP); evaluate runs outside the page's CSP.
      await page.evaluate(AXE_SOURCE);
      const { violations, inspected } = await page.evaluate(runAxe, null);
      expect(violations, label).toEqual([]);
      expect(inspected, label).toBeGreaterThan(30);
    };

    for (const language of ['es', 'en'] as const) {
      if (language === 'en') {
        await options.locator('input[name="language"][value="en"]').check();
        await expect.poll(() => options.locator('h1').textContent()).toBe('ClaveGuía options');
        await popup.reload();
        await popup.getByRole('button', { name: 'Add a person' }).click();
        await popup.locator('#person-email').fill('ana@gmial.com');
        await expect.poll(() => popup.evaluate(() => document.documentElement.lang)).toBe('en');
        // The overlay beside the portal honours the override too (its words come from the background).
        const portal = await s.context.newPage();
        await portal.goto(server.states.find((st) => st.id === 'recover/identity')!.servedUrl);
        await expect.poll(() => personLine(portal)).toBe('Helping: Para mí');
        expect(await portal.evaluate(() => document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector('.cg-app')?.getAttribute('lang'))).toBe('en');
        await portal.close();
      }
      for (const scheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme: scheme });
        await options.emulateMedia({ colorScheme: scheme });
        await axe(popup, `popup ${language} ${scheme}`);
        await axe(options, `options ${language} ${scheme}`);
      }
    }

    // At 200 % zoom the popup keeps its 340–360 CSS px (its window doubles, within the browser's 800 px cap)
    // and a 1280×720 tab is 640×360 CSS px: neither may need sideways scrolling.
    for (const [page, width, height] of [[popup, 340, 300], [options, 640, 360]] as const) {
      await page.setViewportSize({ width, height });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${page.url()} at ${width}px`).toBeLessThanOrEqual(0);
    }
    await options.locator('input[name="language"][value="auto"]').check();
  }, 240_000);
});
