/**
 * "Ocultar en este sitio" is remembered and reversible from the popup, across contexts: the overlay in the
 * page writes the setting, the popup lists the host and shows the guide again, and the open tab follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { OPEN_ROOT, requireBuild } from './harness/extensions';
import { startStatesServer } from './harness/states-server';
import { residentDecisions, tabsWithContentScript } from './harness/probe';

const hostState = () => {
  const host = document.querySelector('[data-claveguia-host]') as HTMLElement | null;
  return host ? (host.hidden ? 'hidden' : 'shown') : 'absent';
};
const clickInOverlay = (selector: string) => {
  const root = document.querySelector('[data-claveguia-host]')?.shadowRoot;
  (root?.querySelector(selector) as HTMLElement | null)?.click();
  return Boolean(root?.querySelector(selector));
};

describe('hiding the guide on a site, and showing it again from the popup (Chromium)', () => {
  let session: ChromiumSession;
  let server: Awaited<ReturnType<typeof startStatesServer>>;

  beforeAll(async () => {
    server = await startStatesServer();
    session = await launchChromium(requireBuild(OPEN_ROOT.chrome), { viewport: { width: 1600, height: 900 } });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('round-trips through the popup and the open tab follows each change', async () => {
    const state = server.states.find((s) => s.id === 'recover/identity')!;
    const page = await session.context.newPage();
    await page.goto(state.servedUrl);
    await expect.poll(() => page.evaluate(hostState)).toBe('shown');

    expect(await page.evaluate(clickInOverlay, '[data-action="hide-site"]')).toBe(true);
    await expect.poll(() => page.evaluate(clickInOverlay, '[data-action="hide-site-yes"]')).toBe(true);
    await expect.poll(() => page.evaluate(hostState)).not.toBe('shown');

    // Remembered: a reload of the same host stays quiet. The script does run there (it would show the guide
    // on a shortcut), so "nothing shown" is its decision, not its absence.
    await page.reload();
    await expect.poll(() => tabsWithContentScript(session)).toBe(1);
    // Read once the resident has decided from the settings, never before: hidden here, so nothing shown.
    await expect.poll(() => residentDecisions(session, state.servedUrl)).toEqual(['hidden']);
    expect(await page.evaluate(hostState)).toBe('absent');

    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
    const showAgain = popup.locator('.hidden-hosts button');
    await expect.poll(() => showAgain.allTextContents()).toEqual(['Mostrar de nuevo en app.iess.gob.ec']);
    await showAgain.click();
    await expect.poll(() => popup.locator('.hidden-hosts button').count()).toBe(0);

    // The open tab shows the guide again without a reload.
    await expect.poll(() => residentDecisions(session, state.servedUrl)).toEqual(['shown']);
    await expect.poll(() => page.evaluate(hostState), { timeout: 5_000 }).toBe('shown');
  });
});
