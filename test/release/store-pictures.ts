/**
 * The Chrome Web Store's pictures, made from the practice portal by `npm run screenshots`: screenshots at
 * 1280×800 (the store's size; full bleed, Spanish, the guide beside the portal's fields) and the 440×280 small
 * promo tile (the name, one line, and a reduced shot of the portal with the guide). `npm run package` copies
 * them to dist/store/ after checking their sizes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium';
import { playwrightDriver } from '../e2e/harness/driver';
import type { ManualClock } from '../portal/clock';
import type { PortalServer } from '../portal/server';
import { runWalk } from '../walkthrough/runner';
import { WALKS, walkContext } from '../walkthrough/walks';

const SCREEN = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
/** Ana's recovery by link: the stops a store visitor should see. */
const STOPS = ['identity', 'verification', 'email-sent', 'new-key'] as const;

export const STORE_PICTURES: readonly { file: string; width: number; height: number }[] = [
  ...STOPS.map((stop, i) => ({ file: `store-${i + 1}-${stop}-1280x800.png`, ...SCREEN })),
  { file: 'store-tile-440x280.png', ...TILE },
];

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const signature = [0x89, 0x50, 0x4e, 0x47];
  if (!signature.every((byte, i) => png[i] === byte)) throw new Error('not a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The tile: our own static markup around a screenshot with the guide open, shown at 440×280. */
function tileHtml(shot: Buffer, icon: Buffer): string {
  const data = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  return `<!doctype html><html lang="es"><meta charset="utf-8"><body style="margin:0;width:${TILE.width}px;height:${TILE.height}px;overflow:hidden;background:#0b3d62;color:#fff;font-family:system-ui,sans-serif">
<div style="position:absolute;left:20px;top:22px;display:flex;align-items:center;gap:10px"><img src="${data(icon)}" width="40" height="40" alt=""><span style="font-size:26px;font-weight:700">ClaveGuía</span></div>
<p style="position:absolute;left:20px;top:84px;width:180px;margin:0;font-size:17px;line-height:1.3">Guía no oficial para recuperar su clave del IESS, paso a paso.</p>
<p style="position:absolute;left:20px;bottom:18px;width:180px;margin:0;font-size:13px;opacity:.85">Nada sale de su navegador.</p>
<img src="${data(shot)}" alt="" style="position:absolute;left:236px;top:28px;width:400px;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.4)">
</body></html>`;
}

/** Walks Ana's recovery in a 1280×800 Chromium viewport and writes the store pictures to `outDir`. */
export async function shootStorePictures(extensionDir: string, portal: PortalServer, clock: ManualClock, outDir: string, root: string): Promise<void> {
  const session = await launchChromium(extensionDir, { viewport: SCREEN });
  try {
    const page = await session.context.newPage();
    const driver = playwrightDriver(page);
    const walk = WALKS.find((w) => w.id === 'recover-link')!;
    await runWalk(walk, walkContext(portal, driver, clock), {
      onStop: async (result) => {
        const i = (STOPS as readonly string[]).indexOf(result.stop.name);
        if (i < 0) return;
        // The guide opened beside the fields, as a person sees it after clicking the pill.
        await page.evaluate(() => (document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector('[data-action="expand"]') as HTMLElement | null)?.click());
        await page.waitForFunction(() => !document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector('[data-action="expand"]'), null, { timeout: 3_000 }).catch(() => undefined);
        await driver.screenshot(resolve(outDir, STORE_PICTURES[i]!.file));
        console.log(`  ${STORE_PICTURES[i]!.file}`);
      },
    });
    const tile = STORE_PICTURES.at(-1)!;
    await page.setViewportSize(TILE);
    await page.setContent(tileHtml(readFileSync(resolve(outDir, STORE_PICTURES[1]!.file)), readFileSync(resolve(root, 'src/public/icons/icon-128.png'))));
    await page.screenshot({ path: resolve(outDir, tile.file) });
    console.log(`  ${tile.file}`);
  } finally {
    await session.close();
  }
}
