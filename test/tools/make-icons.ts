/**
 * Draws ClaveGuía's toolbar icon (a key over a rounded square) at 16/32/48/128 px and writes PNGs into
 * src/public/icons. Run once after changing the design: `npx tsx test/tools/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = resolve(import.meta.dirname, '../../src/public/icons');
const BLUE: RGBA = [0, 90, 140, 255];
const GOLD: RGBA = [240, 200, 60, 255];
type RGBA = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Coverage of a pixel by the icon's shapes, sampled 4×4 for smooth edges at small sizes. */
function shade(size: number, x: number, y: number): RGBA {
  let bg = 0;
  let key = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size;
      const v = (y + (sy + 0.5) / 4) / size;
      const r = 0.2;
      const dx = Math.max(r - u, 0, u - (1 - r));
      const dy = Math.max(r - v, 0, v - (1 - r));
      if (dx * dx + dy * dy <= r * r) bg++;
      const ring = Math.hypot(u - 0.36, v - 0.5);
      const bow = ring <= 0.19 && ring >= 0.085;
      const shaft = u >= 0.5 && u <= 0.84 && v >= 0.46 && v <= 0.555;
      const teeth = (u >= 0.66 && u <= 0.72 && v > 0.55 && v <= 0.68) || (u >= 0.76 && u <= 0.84 && v > 0.55 && v <= 0.72);
      if (bow || shaft || teeth) key++;
    }
  }
  const a = bg / 16;
  const k = key / 16;
  const mix = (i: number) => Math.round(BLUE[i]! * (1 - k) + GOLD[i]! * k);
  return [mix(0), mix(1), mix(2), Math.round(255 * Math.max(a, k))];
}

function png(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(shade(size, x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(resolve(OUT, `icon-${size}.png`), png(size));
console.log(`icons written to ${OUT}`);
