/** Saved web pages: HTML, HTM and XHTML, sanitised down to their text and block structure. */
import { err, ok, type Result } from '../result';
import { binaryStart, decodeText } from './decode-text';
import { decodeWithLabel } from './decode-legacy';
import { extensionOf } from './file-names';
import { walkHtml } from './html-walker';
import { LeftOut } from './left-out';
import { MAX_DOCUMENT_BYTES } from './limits';
import type { Importer } from './registry';
import { TextBuilder } from './text-builder';

/** Browsers look for a `<meta charset>` in the first 1024 bytes; so do we. */
const SNIFF_BYTES = 1024;
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;

/**
 * Decodes a page's bytes: a BOM wins, then a `<meta charset>` naming something other than
 * UTF-8, then UTF-8 with the Windows-1252 fallback every text file gets.
 */
export function decodeHtml(bytes: Uint8Array): Result<string> {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!hasBom) {
    const head = String.fromCharCode(...bytes.subarray(0, SNIFF_BYTES));
    const label = META_CHARSET.exec(head)?.[1]?.toLowerCase();
    // A <meta> cannot really declare UTF-16 (it would not be readable as ASCII); browsers ignore that too.
    if (label && label !== 'utf-8' && label !== 'utf8' && !label.startsWith('utf-16')) {
      const text = decodeWithLabel(bytes, label);
      if (text !== null) {
        if (text.includes('\u0000')) return err('it looks like a binary file, not a web page');
        return ok(text);
      }
    }
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? ok(decoded.value.text) : decoded;
}

export const htmlImporter: Importer = {
  extensions: ['.html', '.htm', '.xhtml'],
  label: 'Web pages (HTML)',
  maxBytes: MAX_DOCUMENT_BYTES,
  sniff: binaryStart,
  async read(bytes, fileName) {
    if (bytes.length === 0) return err('the file is empty');
    const html = decodeHtml(bytes);
    if (!html.ok) return html;
    const out = new TextBuilder();
    const leftOut = new LeftOut();
    const unreadable = walkHtml(html.value, out, { xhtml: extensionOf(fileName) === '.xhtml', leftOut });
    if (unreadable) return err(unreadable);
    const { text, structure } = out.result();
    return ok({ text, structure, type: 'text/html', notes: leftOut.notes() });
  },
};
