#!/usr/bin/env node
// Draws Gloss's icons and writes them in the form each platform's installer takes as is, so
// packaging converts nothing (electron-builder would otherwise download an icon tool from
// GitHub to turn a PNG into .icns and .ico):
//
//   build/icon.png             1024×1024, the window icon (copied to dist/ by build-electron)
//   build/icons/NxN.png        16…512, the Linux icon set (hicolor/NxN/apps/gloss.png)
//   build/icon.icns            macOS app icon (16…1024, PNG inside)
//   build/icon.ico             Windows app icon (16…256, PNG inside)
//   build/document.icns        the .gloss document icon for Finder (CFBundleTypeIconFile)
//   build/document.ico         the .gloss document icon for Explorer (DefaultIcon)
//   build/document-icons/NxN.png  16…512, the Linux MIME type icon
//                              (hicolor/NxN/mimetypes/application-x-gloss+json.png)
//
// The app icon is a page with lines of text, one passage highlighted and marked with a
// coding stripe in the margin, on the app's navy tile; the document icon is the same page
// alone, with a folded corner, as a file looks. Run `node build/make-icon.mjs` after
// changing a drawing; the files are committed so packaging needs no drawing tools.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const BACKGROUND = hex('#1f3a5f');
const PAGE = hex('#f7f4ec');
const PAGE_EDGE = hex('#8c96a3');
const FOLD = hex('#d9d3c4');
const INK = hex('#9aa3ad');
const HIGHLIGHT = hex('#f2c14e');
const HIGHLIGHT_INK = hex('#5b4a1f');
const STRIPE = hex('#e69f00');
const CLEAR = [0, 0, 0, 0];

function inRoundedRect(x, y, left, top, right, bottom, radius) {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

// Text lines on the page: [left, right] in units of the icon size; lines 3 and 4 are the
// coded passage.
const LINES = [
  [0.3, 0.74],
  [0.3, 0.7],
  [0.3, 0.76],
  [0.3, 0.58],
  [0.3, 0.72],
];

/** The page's text, highlight and stripe at (u, v), or null where the bare page shows. */
function text(u, v) {
  if (inRoundedRect(u, v, 0.232, 0.445, 0.254, 0.645, 0.01)) return [...STRIPE, 255];
  for (const [i, [left, right]] of LINES.entries()) {
    const top = 0.26 + i * 0.11;
    const coded = i === 2 || i === 3;
    if (coded && inRoundedRect(u, v, left - 0.018, top - 0.035, right + 0.018, top + 0.061, 0.012)) {
      if (inRoundedRect(u, v, left, top, right, top + 0.026, 0.013)) return [...HIGHLIGHT_INK, 255];
      return [...HIGHLIGHT, 255];
    }
    if (inRoundedRect(u, v, left, top, right, top + 0.026, 0.013)) return [...INK, 255];
  }
  return null;
}

/** The app icon (RGBA) at a point given in 0..1 units: the page on a navy rounded tile. */
function appIcon(u, v) {
  if (!inRoundedRect(u, v, 0.06, 0.06, 0.94, 0.94, 0.2)) return CLEAR;
  if (!inRoundedRect(u, v, 0.2, 0.16, 0.8, 0.84, 0.04)) return [...BACKGROUND, 255];
  return text(u, v) ?? [...PAGE, 255];
}

/** The document icon: the same page alone, with an outline and its top right corner folded. */
function documentIcon(u, v) {
  const [left, top, right, bottom, fold, edge] = [0.16, 0.06, 0.84, 0.94, 0.2, 0.018];
  if (!inRoundedRect(u, v, left, top, right, bottom, 0.03)) return CLEAR;
  // The folded corner: cut off above the diagonal, the flap drawn below it.
  const cornerX = right - fold;
  const cornerY = top + fold;
  if (u > cornerX && v < cornerY) {
    const beyond = u - cornerX - (v - top); // > 0: outside the page, past the fold line
    if (beyond > 0) return CLEAR;
    if (beyond > -edge) return [...PAGE_EDGE, 255];
    return [...FOLD, 255];
  }
  const inside = inRoundedRect(u, v, left + edge, top + edge, right - edge, bottom - edge, 0.02);
  if (!inside) return [...PAGE_EDGE, 255];
  // The text sits a little lower and narrower than on the tile, clear of the fold.
  return text(0.3 + (u - 0.3) * 1.06, 0.06 + (v - 0.06) * 0.98) ?? [...PAGE, 255];
}

/** Draws `colourAt` at size×size pixels, supersampled, as PNG rows (filter byte 0, then RGBA). */
function draw(colourAt, size) {
  const samples = size <= 64 ? 8 : 4;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size);
          // Premultiply so transparent samples do not darken the edges.
          sum[0] += c[0] * c[3];
          sum[1] += c[1] * c[3];
          sum[2] += c[2] * c[3];
          sum[3] += c[3];
        }
      }
      const offset = 1 + x * 4;
      for (let k = 0; k < 3; k++) row[offset + k] = sum[3] ? Math.round(sum[k] / sum[3]) : 0;
      row[offset + 3] = Math.round(sum[3] / samples ** 2);
    }
    rows.push(row);
  }
  return rows;
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

/** A size×size RGBA PNG of the drawing. */
function png(colourAt, size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(draw(colourAt, size)), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A Windows icon: the ICO directory, then each image as a PNG (Windows reads PNG entries
 * since Vista; 256 is written as 0 in the one-byte width and height).
 */
function ico(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header[entry + 2] = 0; // no palette
    header[entry + 3] = 0;
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

/** The icns element types for PNG data, as iconutil writes an iconset: [type, pixels]. */
const ICNS_TYPES = [
  ['icp4', 16],
  ['ic11', 32], // 16@2x
  ['icp5', 32],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic13', 256], // 128@2x
  ['ic08', 256],
  ['ic14', 512], // 256@2x
  ['ic09', 512],
  ['ic10', 1024], // 512@2x
];

/** A macOS icon: "icns", the total length, then each element (type, length with its 8-byte head, PNG). */
function icns(pngOfSize) {
  const elements = ICNS_TYPES.map(([type, size]) => {
    const data = pngOfSize(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + elements.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...elements]);
}

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

function write(relative, data) {
  const file = path.join(here, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, data);
  return `${relative} (${(data.length / 1024).toFixed(0)} kB)`;
}

/** Every file of one icon: its PNGs drawn once per size and shared by the formats. */
function writeIcon(colourAt, { png: pngFile, set, icnsFile, icoFile }) {
  const drawn = new Map();
  const pngOfSize = (size) => {
    if (!drawn.has(size)) drawn.set(size, png(colourAt, size));
    return drawn.get(size);
  };
  const written = [];
  if (pngFile) written.push(write(pngFile, pngOfSize(1024)));
  for (const size of LINUX_SIZES) write(path.join(set, `${size}x${size}.png`), pngOfSize(size));
  written.push(`${set}/ (${LINUX_SIZES.join(', ')} px)`);
  written.push(write(icnsFile, icns(pngOfSize)));
  written.push(write(icoFile, ico(ICO_SIZES.map((size) => ({ size, data: pngOfSize(size) })))));
  return written;
}

const written = [
  ...writeIcon(appIcon, { png: 'icon.png', set: 'icons', icnsFile: 'icon.icns', icoFile: 'icon.ico' }),
  ...writeIcon(documentIcon, { set: 'document-icons', icnsFile: 'document.icns', icoFile: 'document.ico' }),
];
console.log(`make-icon: wrote build/${written.join(', build/')}`);
