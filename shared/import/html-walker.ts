/**
 * Turns HTML (a saved web page, mammoth's rendering of a DOCX, an EPUB chapter) into text
 * and structure ranges. Only text comes out: scripts, styles, templates, embedded frames,
 * comments, hidden elements, navigation and notes are dropped, so the markup can never act
 * as code and never adds text a reader would not see in the body. What was dropped that a
 * reader would have seen (a menu, a footnote, a form field) is counted for the import report.
 */
import { Parser } from 'htmlparser2';
import type { LeftOut, LeftOutKind } from './left-out';
import { MAX_HTML_DEPTH } from './limits';
import type { RangeOptions, StructureKind, TextBuilder } from './text-builder';

/** Elements whose content is never text of the document. */
const SKIPPED = new Set([
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'head', 'title', 'svg', 'math', 'canvas', 'audio', 'video', 'map', 'select', 'textarea', 'button',
  // Navigation menus of a saved page and an EPUB's table of contents repeat other text.
  'nav',
]);

/** Block elements that become a structure range of their own. */
const RANGED: Record<string, StructureKind> = {
  p: 'paragraph',
  pre: 'paragraph',
  dt: 'paragraph',
  dd: 'paragraph',
  figcaption: 'paragraph',
  caption: 'paragraph',
  summary: 'paragraph',
  legend: 'paragraph',
  blockquote: 'quote',
  li: 'list-item',
  td: 'table-cell',
  th: 'table-cell',
};

/** Block elements that separate text but carry no range. */
const PLAIN_BLOCKS = new Set([
  'address', 'article', 'aside', 'body', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figure',
  'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'main', 'menu', 'ol', 'ul', 'section', 'search', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'optgroup',
]);

const LISTS = new Set(['ul', 'ol', 'menu', 'dir']);
const HEADING = /^h([1-6])$/;

/** Notes and their reference marks (EPUB's epub:type, DPUB-ARIA roles) stay out of the body. */
const NOTE_TYPES = /\b(?:doc-)?(?:footnotes?|endnotes?|rearnotes?|noteref|biblioref|pagebreak)\b/;

/** Inline CSS that hides an element from every reader. */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

function isHidden(attribs: Record<string, string>): boolean {
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  if (attribs.style && HIDDEN_STYLE.test(attribs.style)) return true;
  const note = `${attribs['epub:type'] ?? ''} ${attribs.role ?? ''}`;
  return NOTE_TYPES.test(note);
}

/** Skipped elements whose text a reader would have seen, by kind; the rest (scripts, styles, the head) are no text of the page. */
const LEFT_OUT: Record<string, LeftOutKind> = {
  nav: 'navigation',
  iframe: 'embedded',
  frame: 'embedded',
  frameset: 'embedded',
  object: 'embedded',
  embed: 'embedded',
  applet: 'embedded',
  svg: 'drawing',
  math: 'formula',
  canvas: 'media',
  audio: 'media',
  video: 'media',
  select: 'form',
  textarea: 'form',
  button: 'form',
};

/** What kind of content a skipped element is, for the import report, or null when it is none a reader sees. */
function leftOutKind(name: string, attribs: Record<string, string>): LeftOutKind | null {
  const kind = LEFT_OUT[name];
  if (kind) return kind;
  if (SKIPPED.has(name)) return null;
  const note = `${attribs['epub:type'] ?? ''} ${attribs.role ?? ''}`;
  if (NOTE_TYPES.test(note)) {
    // Reference marks and page-break markers are no content of their own.
    if (/\b(?:doc-)?(?:noteref|biblioref|pagebreak)\b/.test(note)) return null;
    return /\b(?:doc-)?(?:endnotes?|rearnotes?)\b/.test(note) ? 'endnote' : 'footnote';
  }
  return 'hidden';
}

type Frame = 'skip' | 'block' | 'inline' | 'pre' | 'list' | 'table' | 'row';

export interface WalkOptions {
  /** XHTML (EPUB chapters): `<div/>` closes itself as XML says, not as HTML would. */
  xhtml?: boolean;
  /** Where skipped content that held text is counted. */
  leftOut?: LeftOut;
}

/** Thrown from the parser's callback to stop it at the first element past MAX_HTML_DEPTH. */
class TooDeep extends Error {}

export const HTML_TOO_DEEP = `its markup is nested too deeply (over ${MAX_HTML_DEPTH} levels; Gloss reads up to ${MAX_HTML_DEPTH}, as browsers do)`;

/** Writes the text of `html` into `out` as blocks and ranges; says why not (HTML_TOO_DEEP) when it cannot. */
export function walkHtml(html: string, out: TextBuilder, options: WalkOptions = {}): string | null {
  const frames: Frame[] = [];
  let skipping = 0;
  /** The kind of the outermost skipped element, and whether text was met inside it. */
  let skipped: { kind: LeftOutKind | null; text: boolean } = { kind: null, text: false };
  let preDepth = 0;
  let listDepth = 0;
  /** One entry per open table: the current row and column, for cell labels. */
  const tables: { row: number; column: number }[] = [];

  const open = (name: string, attribs: Record<string, string>): Frame => {
    if (skipping > 0 || SKIPPED.has(name) || isHidden(attribs)) return 'skip';
    if (name === 'br') {
      out.lineBreak();
      return 'inline';
    }
    const heading = HEADING.exec(name);
    if (heading) {
      out.openBlock('heading', { level: Number(heading[1]) });
      return 'block';
    }
    if (LISTS.has(name)) {
      out.openBlock(null);
      listDepth++;
      return 'list';
    }
    if (name === 'table') {
      out.openBlock(null);
      tables.push({ row: 0, column: 0 });
      return 'table';
    }
    if (name === 'tr') {
      const table = tables.at(-1);
      if (table) {
        table.row++;
        table.column = 0;
      }
      out.openBlock(null);
      return 'row';
    }
    const kind = RANGED[name];
    if (kind) {
      const rangeOptions: RangeOptions = {};
      if (kind === 'list-item') rangeOptions.level = Math.max(1, listDepth);
      if (kind === 'table-cell') {
        const table = tables.at(-1);
        if (table) {
          table.column++;
          rangeOptions.label = `r${Math.max(1, table.row)}c${table.column}`;
          const span = Number.parseInt(attribs.colspan ?? '1', 10);
          if (span > 1 && span < 1000) table.column += span - 1;
        }
      }
      out.openBlock(kind, rangeOptions);
      if (name === 'pre') {
        preDepth++;
        return 'pre';
      }
      return 'block';
    }
    if (PLAIN_BLOCKS.has(name)) {
      out.openBlock(null);
      return 'block';
    }
    return 'inline';
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (frames.length >= MAX_HTML_DEPTH) throw new TooDeep();
        const frame = open(name, attribs);
        if (frame === 'skip') {
          if (skipping === 0) skipped = { kind: leftOutKind(name, attribs), text: false };
          skipping++;
        }
        frames.push(frame);
      },
      onclosetag() {
        const frame = frames.pop();
        switch (frame) {
          case 'skip':
            skipping--;
            if (skipping === 0 && skipped.kind && skipped.text) options.leftOut?.add(skipped.kind);
            return;
          case 'inline':
          case undefined:
            return;
          case 'pre':
            preDepth--;
            break;
          case 'list':
            listDepth--;
            break;
          case 'table':
            tables.pop();
            break;
        }
        out.closeBlock();
      },
      ontext(text) {
        if (skipping === 0) out.text(text, preDepth > 0 ? 'preserve' : 'collapse');
        else if (!skipped.text && text.trim() !== '') skipped.text = true;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: options.xhtml === true },
  );
  try {
    parser.write(html);
    parser.end();
  } catch (e) {
    if (e instanceof TooDeep) return HTML_TOO_DEEP;
    throw e;
  }
  return null;
}
