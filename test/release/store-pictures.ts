/**
 * The Chrome Web Store's pictures, made from the practice portal by `npm run screenshots`: screenshots at
 * 1280×800 (the store's size; full bleed, Spanish) put together from the README's 1280×720 shots of the
 * portal with the guide in the browser's side column (side-NN-<stop>-{page,side}.png, same run), and the
 * 440×280 small promo tile (the name, one line, and a reduced screenshot). Composed as our own static markup
 * in Chromium, so no image library is needed. `npm run package` copies them to dist/store/ after checking
 * their sizes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium';

const SCREEN = { width: 1280, height: 800 };
const TILE = { width: 440, height: 280 };
/** Stops of Ana's recovery by link (readme-shots.ts takes them): what a store visitor should see. */
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

const data = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/**
 * A store screenshot: a title band, then the portal and the side column as the person sees them, scaled
 * together to the store's width (the 1280×720 window's page and side shots are 894 and 360 px wide).
 */
function screenHtml(page: Buffer, side: Buffer): string {
  return `<!doctype html><html lang="es"><meta charset="utf-8"><body style="margin:0;width:${SCREEN.width}px;height:${SCREEN.height}px;overflow:hidden;background:#0b3d62;color:#fff;font-family:system-ui,sans-serif">
<div style="height:140px;display:flex;flex-direction:column;justify-content:center;padding:0 32px"><div style="font-size:34px;font-weight:700">ClaveGuía, al lado del portal del IESS</div>
<div style="font-size:19px;opacity:.9">Qué pide cada paso, qué tener a mano y los errores comunes. Portal de práctica: ningún dato real.</div></div>
<div style="display:flex;align-items:flex-start;justify-content:center;gap:2px;background:#fff;height:${SCREEN.height - 140}px"><img src="${data(page)}" alt="" style="width:911px"><img src="${data(side)}" alt="" style="width:367px"></div>
</body></html>`;
}

/** The tile: the name, one line and a reduced store screenshot, at 440×280. */
function tileHtml(shot: Buffer, icon: Buffer): string {
  return `<!doctype html><html lang="es"><meta charset="utf-8"><body style="margin:0;width:${TILE.width}px;height:${TILE.height}px;overflow:hidden;background:#0b3d62;color:#fff;font-family:system-ui,sans-serif">
<div style="position:absolute;left:20px;top:22px;display:flex;align-items:center;gap:10px"><img src="${data(icon)}" width="40" height="40" alt=""><span style="font-size:26px;font-weight:700">ClaveGuía</span></div>
<p style="position:absolute;left:20px;top:84px;width:180px;margin:0;font-size:17px;line-height:1.3">Guía no oficial para recuperar su clave del IESS, paso a paso.</p>
<p style="position:absolute;left:20px;bottom:18px;width:180px;margin:0;font-size:13px;opacity:.85">Nada sale de su navegador.</p>
<img src="${data(shot)}" alt="" style="position:absolute;left:236px;top:40px;width:400px;border-radius:6px;box-shadow:0 4px 16px rgba(0,0,0,.4)">
</body></html>`;
}

/** Composes the store pictures in `dir` from the side-NN-<stop>-{page,side}.png shots already there. */
export async function shootStorePictures(extensionDir: string, dir: string, root: string): Promise<void> {
  const files = readdirSync(dir);
  const shot = (stop: string, part: 'page' | 'side'): Buffer => {
    const file = files.find((f) => new RegExp(`^side-\\d+-${stop}-${part}\\.png$`).test(f));
    if (!file) throw new Error(`no side-NN-${stop}-${part}.png in ${dir}`);
    return readFileSync(resolve(dir, file));
  };
  const session = await launchChromium(extensionDir, { viewport: SCREEN });
  try {
    const page = await session.context.newPage();
    for (const [i, stop] of STOPS.entries()) {
      await page.setContent(screenHtml(shot(stop, 'page'), shot(stop, 'side')));
      await page.screenshot({ path: resolve(dir, STORE_PICTURES[i]!.file) });
      console.log(`  ${STORE_PICTURES[i]!.file}`);
    }
    const tile = STORE_PICTURES.at(-1)!;
    await page.setViewportSize(TILE);
    await page.setContent(tileHtml(readFileSync(resolve(dir, STORE_PICTURES[1]!.file)), readFileSync(resolve(root, 'src/public/icons/icon-128.png'))));
    await page.screenshot({ path: resolve(dir, tile.file) });
    console.log(`  ${tile.file}`);
  } finally {
    await session.close();
  }
}
