// Renders the extension's icon, images/icon.png (256 x 256, what the Marketplace and Open VSX show):
// two linked rings, one white and one amber (two parties, each holding the other), on a
// rounded teal square, with an amber bar beneath (the signature line). Drawn from distances to
// each shape, anti-aliased over 4 x 4 samples a pixel; the same bytes on every run.
//   usage: node scripts/icon.mjs [out.png]
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 256;
const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');

const TEAL = [31, 95, 115];
const WHITE = [255, 255, 255];
const AMBER = [242, 177, 52];

/** Signed distance to a rounded rectangle (negative inside). */
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
/** Signed distance to a ring of the given radius and stroke width. */
const ring = (x, y, cx, cy, radius, width) => Math.abs(Math.hypot(x - cx, y - cy) - radius) - width / 2;

const LEFT = { cx: 100, cy: 112, r: 56 };
const RIGHT = { cx: 156, cy: 112, r: 56 };
const STROKE = 20;

/** The colour at a point, or undefined for transparent. Later shapes paint over earlier ones. */
function colourAt(x, y) {
  if (roundRect(x, y, 8, 8, 248, 248, 44) > 0) return undefined;
  let colour = TEAL;
  const onLeft = ring(x, y, LEFT.cx, LEFT.cy, LEFT.r, STROKE) <= 0;
  const onRight = ring(x, y, RIGHT.cx, RIGHT.cy, RIGHT.r, STROKE) <= 0;
  // Linked, not stacked: the white ring passes over the amber one at the top crossing and under
  // it at the bottom one.
  if (onRight) colour = AMBER;
  if (onLeft && (!onRight || y < LEFT.cy)) colour = WHITE;
  if (roundRect(x, y, 60, 200, 196, 218, 9) <= 0) colour = AMBER;
  return colour;
}

const SAMPLES = 4;
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a++;
      }
    }
    const o = row + 1 + px * 4;
    if (a > 0) {
      raw[o] = Math.round(r / a);
      raw[o + 1] = Math.round(g / a);
      raw[o + 2] = Math.round(b / a);
    }
    raw[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
  }
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(out, png);
console.log(`Wrote ${out} (${png.length} bytes)`);
