/** Plain text and Markdown files. */
import { err, ok } from '../result';
import { binaryStart, decodeText } from './decode-text';
import { extensionOf } from './file-names';
import { MAX_TEXT_FILE_BYTES } from './limits';
import type { Importer } from './registry';

export const plainTextImporter: Importer = {
  extensions: ['.txt', '.md', '.markdown', '.text'],
  label: 'Plain text and Markdown',
  maxBytes: MAX_TEXT_FILE_BYTES,
  sniff: binaryStart,
  async read(bytes, fileName) {
    if (bytes.length === 0) return err('the file is empty');
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    const markdown = ['.md', '.markdown'].includes(extensionOf(fileName));
    return ok({
      text: decoded.value.text,
      type: markdown ? 'text/markdown' : 'text/plain',
      notes: decoded.value.encoding === 'utf-8' ? [] : [`read as ${decoded.value.encoding.toUpperCase()}`],
      // No ranges: a plain text's blank lines already are its paragraphs (see registry.ts).
      structure: [],
    });
  },
};
