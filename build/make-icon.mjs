#!/usr/bin/env node
// Draws build/icon.png (1024×1024), the app icon electron-builder converts for every
// platform: a page with lines of text, one passage highlighted and marked with a coding
// stripe in the margin, which is what Gloss does. Run `node build/make-icon.mjs` after
// changing it; the PNG is committed so packaging needs no drawing tools.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const BACKGROUND = hex('#1f3a5f');
const PAGE = hex('#f7f4ec');
const INK = hex('#9aa3ad');
const HIGHLIGHT = hex('#f2c14e');
const STRIPE = hex('#e69f00');

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// Text lines on the page: [left, right] in units of the icon size; line 3 and the start of
// line 4 are the coded passage.
const LINES = [
  [0.3, 0.74],
  [0.3, 0.7],
  [0.3, 0.76],
  [0.3, 0.58],
  [0.3, 0.72],
];

/** Colour (RGBA) at a point given in 0..1 units. */
function colourAt(u, v) {
  if (!inRoundedRect(u, v, 0.06, 0.06, 0.94, 0.94, 0.2)) return [0, 0, 0, 0];
  if (!inRoundedRect(u, v, 0.2, 0.16, 0.8, 0.84, 0.04)) return [...BACKGROUND, 255];
  if (inRoundedRect(u, v, 0.232, 0.445, 0.254, 0.645, 0.01)) return [...STRIPE, 255];
  for (const [i, [left, right]] of LINES.entries()) {
    const top = 0.26 + i * 0.11;
    const coded = i === 2 || i === 3;
    if (coded && inRoundedRect(u, v, left - 0.018, top - 0.035, right + 0.018, top + 0.061, 0.012)) {
      if (inRoundedRect(u, v, left, top, right, top + 0.026, 0.013)) return [...hex('#5b4a1f'), 255];
      return [...HIGHLIGHT, 255];
    }
    if (inRoundedRect(u, v, left, top, right, top + 0.026, 0.013)) return [...INK, 255];
  }
  return [...PAGE, 255];
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt((x + (sx + 0.5) / SAMPLES) / SIZE, (y + (sy + 0.5) / SAMPLES) / SIZE);
        // Premultiply so transparent samples do not darken the edges.
        sum[0] += c[0] * c[3];
        sum[1] += c[1] * c[3];
        sum[2] += c[2] * c[3];
        sum[3] += c[3];
      }
    }
    const alpha = sum[3] / SAMPLES ** 2;
    const offset = 1 + x * 4;
    for (let k = 0; k < 3; k++) row[offset + k] = sum[3] ? Math.round(sum[k] / sum[3]) : 0;
    row[offset + 3] = Math.round(alpha);
  }
  rows.push(row);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`make-icon: wrote ${out} (${(png.length / 1024).toFixed(0)} kB)`);
