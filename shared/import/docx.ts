/**
 * Word documents (DOCX) through mammoth, the converter the field trusts: it turns the
 * document into semantic HTML (headings, lists, tables, paragraphs), which the HTML walker
 * turns into text and ranges. Footnote, endnote and comment references are removed from
 * the document before conversion, so neither their marks ("[1]") nor their text reach the
 * body; the import report counts them.
 *
 * The ZIP is checked and its XML parts inflated by our own reader first, then handed to
 * mammoth as a stored (uncompressed) archive: mammoth's JSZip then has nothing to inflate,
 * so a part that lies about its size cannot become a decompression bomb there either, and
 * pictures are never unpacked at all.
 */
import { zipSync, type Zippable } from 'fflate';
import { err, ok } from '../result';
import { decodeText } from './decode-text';
import { walkHtml } from './html-walker';
import { LeftOut } from './left-out';
import { isInternalFailure } from './library-errors';
import { MAX_DOCUMENT_BYTES } from './limits';
import type { Importer } from './registry';
import { TextBuilder } from './text-builder';
import { unreadableXml } from './xml';
import { isCompoundFile, notDocx, PROTECTED_DOCX } from './sniffs';
import { openZip } from './zip-safety';

/** The part of mammoth's API used here, typed without its Node `Buffer` types. */
interface MammothElement {
  type?: string;
  /** "footnote" or "endnote", on a noteReference. */
  noteType?: string;
  children?: MammothElement[];
}
interface Mammoth {
  convertToHtml(
    input: { buffer: Uint8Array; arrayBuffer: ArrayBuffer },
    options: {
      styleMap: string[];
      transformDocument: (document: MammothElement) => MammothElement;
      convertImage: unknown;
      externalFileAccess: boolean;
    },
  ): Promise<{ value: string }>;
  images: { imgElement(convert: (image: unknown) => Promise<{ src: string }>): unknown };
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Styles Word uses for titles and quotations, on top of mammoth's defaults (headings, lists). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/** Elements of mammoth's document model that point at text kept outside the body. */
const OUTSIDE_BODY = new Set(['noteReference', 'commentReference', 'comment']);

/** Removes note and comment references from the document model, counting them in `leftOut`. */
function withoutNoteReferences(element: MammothElement, leftOut: LeftOut): MammothElement {
  if (Array.isArray(element.children)) {
    element.children = element.children
      .filter((c) => {
        if (!OUTSIDE_BODY.has(c.type ?? '')) return true;
        if (c.type === 'noteReference') leftOut.add(c.noteType === 'endnote' ? 'endnote' : 'footnote');
        if (c.type === 'commentReference') leftOut.add('comment');
        return false;
      })
      .map((c) => withoutNoteReferences(c, leftOut));
  }
  return element;
}

/** The parts mammoth reads as XML: the document, its styles, numbering, notes and relationships. */
const isTextPart = (name: string) => /\.(xml|rels)$/i.test(name);


/** True if an XML part declares a DOCTYPE or entities (looked for where a prolog can be). */
function declaresDoctype(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 4096)).replace(/\u0000/g, '');
  return /<!(?:DOCTYPE|ENTITY)/i.test(head);
}

/** Why mammoth gave up, in words; its own failures inside (a TypeError on a part it did not expect) say nothing a person can use. */
function mammothReason(e: unknown): string {
  if (isInternalFailure(e)) return 'its parts do not fit together as Word writes them';
  const message = e instanceof Error ? e.message.replace(/\s+/g, ' ').trim() : String(e);
  return message.replace(/\[xmldom (?:error|warning)\]\s*|\s*@#\[line:[^\]]*\]/g, '').slice(0, 200);
}


export const docxImporter: Importer = {
  extensions: ['.docx'],
  label: 'Word documents (DOCX)',
  maxBytes: MAX_DOCUMENT_BYTES,
  sniff: notDocx,
  async read(bytes) {
    if (bytes.length === 0) return err('the file is empty');
    if (isCompoundFile(bytes)) return err(PROTECTED_DOCX);
    const archive = openZip(bytes, 'DOCX');
    if (!archive.ok) return archive;
    if (!archive.value.names.includes('[Content_Types].xml')) return err('it is not a Word document (the archive is not an Office file)');
    const entries = archive.value.read(isTextPart);
    if (!entries.ok) return entries;
    const stored: Zippable = {};
    for (const name of archive.value.names) {
      const data = entries.value[name];
      // Pictures and embedded files stay packed: mammoth reads an image only through
      // convertImage, which here never asks, so an empty stand-in is all it needs.
      if (!data) {
        if (!name.endsWith('/')) stored[name] = [new Uint8Array(0), { level: 0 }];
        continue;
      }
      if (declaresDoctype(data)) return err(`its part ${name} declares a DOCTYPE or entities, which Gloss refuses to read`);
      // Checked here, in words a person can act on: mammoth's XML reader reports a broken part
      // as "[xmldom error] … @#[line:undefined]" or fails inside on it, and recurses on nesting.
      const xml = decodeText(data);
      if (!xml.ok) return err(`its part ${name} is damaged (${xml.error})`);
      const unreadable = unreadableXml(xml.value.text, `part ${name}`);
      if (unreadable) return err(unreadable);
      stored[name] = [data, { level: 0 }];
    }
    const archiveBytes = zipSync(stored, { level: 0 });
    const arrayBuffer = archiveBytes.buffer.slice(archiveBytes.byteOffset, archiveBytes.byteOffset + archiveBytes.byteLength) as ArrayBuffer;
    const mammoth = (await import('mammoth')).default as unknown as Mammoth;
    const leftOut = new LeftOut();
    let html: string;
    try {
      const result = await mammoth.convertToHtml(
        // Node's mammoth reads `buffer` (any Uint8Array), the browser build `arrayBuffer`.
        { buffer: archiveBytes, arrayBuffer },
        {
          styleMap: STYLE_MAP,
          transformDocument: (document) => withoutNoteReferences(document, leftOut),
          // Images carry no text; an empty src spares mammoth encoding each one as a data URI.
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
          // Linked (not embedded) images must never make mammoth read files from this computer.
          externalFileAccess: false,
        },
      );
      html = result.value;
    } catch (e) {
      return err(`it is not a Word document Gloss can read (${mammothReason(e)})`);
    }
    const out = new TextBuilder();
    const unreadable = walkHtml(html, out, { leftOut });
    if (unreadable) return err(unreadable);
    return ok({ ...out.result(), type: DOCX_TYPE, notes: leftOut.notes() });
  },
};
