/**
 * Issue 18 item 5, as a new user tries it: the guide helps Mamá, her helper switches to Papá in the middle of the
 * cédula step, and the warning beside the cédula follows at once, with the name in the guide. One source of the
 * active person in the content script feeds both; the background says `person:changed` and the page asks again.
 * The people are seeded through the service worker's storage.session, as the popup keeps them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { playwrightDriver, type PageDriver } from './harness/driver';
import { OPEN_ROOT, requireBuild } from './harness/extensions';
import { startStatesServer, type ServedState } from './harness/states-server';

declare const chrome: { storage: { session: { set(items: Record<string, unknown>): Promise<void> } } };

const MAMA = { id: 'mama', label: 'Mamá', cedula: '1104567837' };
const PAPA = { id: 'papa', label: 'Papá', cedula: '1712345600' };
const CEDULA = '[id="frmRecuperar:txtCedula"]';

let server: Awaited<ReturnType<typeof startStatesServer>>;
beforeAll(async () => {
  server = await startStatesServer();
});
afterAll(async () => {
  await server?.close();
});

/** The warnings beside the cédula and the "Ayudando a" line, read in the open-root build. */
function seen(_: null): { codes: string[]; note: string; person: string } {
  const root = document.querySelector('[data-claveguia-host]')?.shadowRoot;
  const note = root?.querySelector('[data-cg-note="id-number"]');
  return {
    codes: [...(note?.querySelectorAll('[data-cg-warning]') ?? [])].map((li) => li.getAttribute('data-cg-warning') ?? ''),
    note: note?.textContent ?? '',
    person: root?.querySelector('[data-cg-person]')?.textContent ?? '',
  };
}

describe('switching the person mid-step (issue 18)', () => {
  let chromium: ChromiumSession;
  beforeAll(async () => {
    chromium = await launchChromium(requireBuild(OPEN_ROOT.chrome), { locale: 'es', viewport: { width: 1600, height: 900 } });
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('in Chromium: the warning and the name follow the switch at once, both ways', async () => {
    const setActive = (activeId: string) =>
      chromium.serviceWorker.evaluate(async (people) => chrome.storage.session.set({ people }), { activeId, list: [MAMA, PAPA] });
    await setActive(MAMA.id);
    const page = await chromium.context.newPage();
    const driver: PageDriver = playwrightDriver(page);
    const state = server.states.find((s: ServedState) => s.id === 'recover/identity')!;
    await driver.goto(state.servedUrl);
    await expect.poll(async () => (await driver.overlayState()).step, { timeout: 10_000 }).toBe('identity');
    // Papá's cédula typed while the guide helps Mamá: it is not hers.
    await driver.fill(CEDULA, PAPA.cedula);
    await expect.poll(async () => (await driver.evaluate(seen, null)).codes, { timeout: 5_000 }).toEqual(['cedula-differs']);
    expect((await driver.evaluate(seen, null)).note).toContain('Mamá');
    // The popup switches to Papá: the warning goes, the guide names him.
    await setActive(PAPA.id);
    await expect.poll(async () => (await driver.evaluate(seen, null)).codes, { timeout: 3_000 }).toEqual([]);
    await expect.poll(async () => (await driver.evaluate(seen, null)).person, { timeout: 3_000 }).toContain('Papá');
    // And back to Mamá: the warning comes back, naming her, without touching the page.
    await setActive(MAMA.id);
    await expect.poll(async () => (await driver.evaluate(seen, null)).codes, { timeout: 3_000 }).toEqual(['cedula-differs']);
    expect((await driver.evaluate(seen, null)).note).toContain('Mamá');
    // The name line is asked of the background apart from the warnings: it may come a moment later.
    await expect.poll(async () => (await driver.evaluate(seen, null)).person, { timeout: 3_000 }).toContain('Mamá');
  });
});
