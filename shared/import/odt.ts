/**
 * OpenDocument text (ODT): content.xml from the ZIP, walked element by element. Headings
 * keep their outline level, lists their depth, table cells their position; annotations
 * (comments), footnotes and endnotes, tracked deletions and generated indexes (a table of
 * contents repeats the headings) stay out of the body; those that hold text are counted for
 * the import report.
 */
import { err, ok } from '../result';
import { MAX_DOCUMENT_BYTES } from './limits';
import { LeftOut, type LeftOutKind } from './left-out';
import type { Importer } from './registry';
import { TextBuilder } from './text-builder';
import { childElements, isElement, parseXml, textOf, type XmlElement } from './xml';
import { notOdt } from './sniffs';
import { entryText, readZip } from './zip-safety';

const NAMESPACES = {
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0': 'draw',
  'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0': 'svg',
};

/** Elements whose content is not body text. */
const SKIPPED = new Set([
  'office:annotation', 'office:annotation-end', 'text:note', 'text:tracked-changes', 'text:table-of-content',
  'text:illustration-index', 'text:table-index', 'text:object-index', 'text:user-index', 'text:alphabetical-index',
  'text:bibliography', 'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'text:dde-connection-decls',
  'office:forms', 'table:covered-table-cell', 'draw:image', 'draw:object', 'draw:object-ole', 'svg:title', 'svg:desc',
  'text:ruby-text',
]);

/** Skipped elements a reader would have seen, by kind, for the import report; declarations, forms and images carry no text of the body. */
const LEFT_OUT: Record<string, LeftOutKind> = {
  'office:annotation': 'comment',
  'text:table-of-content': 'index',
  'text:illustration-index': 'index',
  'text:table-index': 'index',
  'text:object-index': 'index',
  'text:user-index': 'index',
  'text:alphabetical-index': 'index',
  'text:bibliography': 'index',
  'table:covered-table-cell': 'coveredCell',
  'svg:title': 'description',
  'svg:desc': 'description',
  'text:ruby-text': 'ruby',
};

const MIMETYPE = 'application/vnd.oasis.opendocument.text';

interface WalkState {
  listDepth: number;
  tables: { row: number; column: number }[];
  leftOut: LeftOut;
}

/** Counts a skipped element that holds text. */
function leaveOut(node: XmlElement, leftOut: LeftOut): void {
  if (!textOf(node).trim()) return;
  if (node.name === 'text:note') leftOut.add(node.attrs['text:note-class'] === 'endnote' ? 'endnote' : 'footnote');
  else if (node.name === 'text:tracked-changes') {
    // Each region that deleted text is one deletion; insertions hold only who made them and when.
    for (const region of childElements(node)) {
      const deleted = childElements(region, 'text:deletion').flatMap((d) => childElements(d).filter((c) => c.name !== 'office:change-info'));
      if (deleted.some((d) => textOf(d).trim())) leftOut.add('deletion');
    }
  } else {
    const kind = LEFT_OUT[node.name];
    if (kind) leftOut.add(kind);
  }
}

function walk(element: XmlElement, out: TextBuilder, state: WalkState): void {
  for (const node of element.children) {
    if (!isElement(node)) {
      out.text(node.text, 'collapse');
      continue;
    }
    const { name, attrs } = node;
    if (SKIPPED.has(name)) {
      leaveOut(node, state.leftOut);
      continue;
    }
    switch (name) {
      case 'text:h':
        out.openBlock('heading', { level: Number.parseInt(attrs['text:outline-level'] ?? '1', 10) || 1 });
        walk(node, out, state);
        out.closeBlock();
        break;
      case 'text:p':
        out.openBlock('paragraph');
        walk(node, out, state);
        out.closeBlock();
        break;
      case 'text:list':
        state.listDepth++;
        walk(node, out, state);
        state.listDepth--;
        break;
      case 'text:list-item':
        out.openBlock('list-item', { level: Math.max(1, state.listDepth) });
        walk(node, out, state);
        out.closeBlock();
        break;
      case 'table:table':
        state.tables.push({ row: 0, column: 0 });
        out.openBlock(null);
        walk(node, out, state);
        out.closeBlock();
        state.tables.pop();
        break;
      case 'table:table-row': {
        const table = state.tables.at(-1);
        if (table) {
          table.row++;
          table.column = 0;
        }
        walk(node, out, state);
        break;
      }
      case 'table:table-cell': {
        const table = state.tables.at(-1);
        let label: string | undefined;
        if (table) {
          table.column++;
          label = `r${Math.max(1, table.row)}c${table.column}`;
          const span = Number.parseInt(attrs['table:number-columns-spanned'] ?? '1', 10);
          if (span > 1 && span < 1000) table.column += span - 1;
        }
        out.openBlock('table-cell', label === undefined ? {} : { label });
        walk(node, out, state);
        out.closeBlock();
        break;
      }
      case 'text:s':
        out.space(' '.repeat(Math.min(1000, Math.max(1, Number.parseInt(attrs['text:c'] ?? '1', 10) || 1))));
        break;
      case 'text:tab':
        out.space('\t');
        break;
      case 'text:line-break':
        out.lineBreak();
        break;
      default:
        // Sections, spans, links, frames and text boxes: their content is text of the body.
        walk(node, out, state);
    }
  }
}

export const odtImporter: Importer = {
  extensions: ['.odt'],
  label: 'OpenDocument text (ODT)',
  maxBytes: MAX_DOCUMENT_BYTES,
  sniff: notOdt,
  async read(bytes) {
    if (bytes.length === 0) return err('the file is empty');
    const zip = readZip(bytes, 'ODT', (name) => name === 'content.xml' || name === 'mimetype');
    if (!zip.ok) return zip;
    const mimetype = entryText(zip.value, 'mimetype')?.trim();
    if (mimetype && mimetype !== MIMETYPE) return err(`it is not an OpenDocument text file (it holds ${mimetype})`);
    const xml = entryText(zip.value, 'content.xml');
    if (xml === null) return err('it is not a valid ODT file (it has no content.xml)');
    const root = parseXml(xml, 'content.xml', NAMESPACES);
    if (!root.ok) return root;
    const body = root.value.children
      .filter(isElement)
      .find((c) => c.name === 'office:body')
      ?.children.filter(isElement)
      .find((c) => c.name === 'office:text');
    if (!body) return err('it is not an OpenDocument text file (its content.xml has no text body)');
    const out = new TextBuilder();
    const leftOut = new LeftOut();
    walk(body, out, { listDepth: 0, tables: [], leftOut });
    return ok({ ...out.result(), type: MIMETYPE, notes: leftOut.notes() });
  },
};
