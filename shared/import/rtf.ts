/**
 * Rich Text Format, read by a small tokenizer of our own (no well-kept RTF library exists
 * for JavaScript). It follows the RTF 1.9 spec for what carries text: groups, control
 * words and symbols, \uN with its \ucN fallback skipped, \'hh bytes decoded in the code
 * page of the current font (\fcharset) or the document (\ansicpg), \binN skipped.
 * Destinations that are not body text (font, colour and style tables, document info,
 * pictures, objects, headers and footers, footnotes, annotations, field instructions, and
 * every \* group) are skipped, and so is hidden text (\v). Footnotes, annotations
 * (comments) and hidden text that hold text are counted for the import report.
 *
 * Structure: \par ends a paragraph; \outlinelevelN or a style named "heading N" makes a
 * heading; \lsN a list item; \intbl…\cell…\row a table cell with its position.
 */
import { err, ok } from '../result';
import { decodeWithLabel, labelForCodePage } from './decode-legacy';
import { MAX_DOCUMENT_BYTES } from './limits';
import { LeftOut, type LeftOutKind } from './left-out';
import type { Importer } from './registry';
import { notRtf } from './sniffs';
import { TextBuilder, type StructureKind } from './text-builder';
import { decodeWindows1252 } from './windows-1252';

/** Destinations whose content is not body text. */
const SKIPPED_DESTINATIONS = new Set([
  'colortbl', 'info', 'pict', 'object', 'objdata', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl',
  'footerr', 'footerf', 'footnote', 'annotation', 'atnid', 'atnauthor', 'atndate', 'atnref', 'atnicn', 'atrfstart',
  'atrfend', 'fldinst', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'xmlnstbl', 'listtable',
  'listoverridetable', 'rsidtbl', 'generator', 'pntext', 'pntxta', 'pntxtb', 'pn', 'listtext', 'filetbl', 'revtbl',
  'mmathPr', 'pgdsctbl', 'userprops', 'docvar', 'template', 'xe', 'tc', 'tcn', 'bkmkstart', 'bkmkend', 'nonshppict',
  'shp', 'shpinst', 'sp', 'sn', 'sv', 'private', 'ftnsep', 'ftnsepc', 'ftncn', 'aftnsep', 'aftnsepc', 'aftncn',
  'background', 'formfield', 'datafield', 'htmltag', 'mhtmltag', 'wgrffmtfilter', 'listpicture', 'passwordhash',
  'txe', 'fchars', 'lchars', 'panose', 'falt', 'fontemb', 'fontfile', 'oldcprops', 'oldpprops', 'oldsprops',
  'oldtprops', 'blipuid', 'defchp', 'defpap', 'docinfo',
]);

/** Skipped destinations whose text the author wrote for readers, for the import report. */
const LEFT_OUT_DESTINATIONS: Record<string, LeftOutKind> = { footnote: 'footnote', annotation: 'comment' };

/** Control words that stand for one character. */
const CHARACTERS: Record<string, string> = {
  emdash: '\u2014',
  endash: '\u2013',
  bullet: '\u2022',
  lquote: '\u2018',
  rquote: '\u2019',
  ldblquote: '\u201c',
  rdblquote: '\u201d',
};

/** Windows code page of an RTF \fcharset value (0 and 1 mean "the document's"). */
const CHARSET_CODE_PAGES: Record<number, number> = {
  77: 10000, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255,
  178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
};

interface Group {
  /** Inside a destination that holds no body text. */
  skip: boolean;
  /** \ucN: how many fallback characters follow each \uN. */
  uc: number;
  /** \v: hidden text. */
  hidden: boolean;
  font: number;
  /** Inside the font table or the style sheet, whose text is names, not body text. */
  table: 'fonttbl' | 'stylesheet' | 'style' | null;
  /** Inside a footnote, a comment or a hidden run: which one (numbered in file order), for the import report. */
  leaving: { kind: LeftOutKind; id: number } | null;
}

interface Paragraph {
  outline: number | null;
  style: number;
  list: boolean;
  listLevel: number;
  inTable: boolean;
}

const newParagraph = (): Paragraph => ({ outline: null, style: 0, list: false, listLevel: 0, inTable: false });

/** Parses RTF bytes into text and structure; what was left out that held text is counted in `leftOut`. */
export function parseRtf(bytes: Uint8Array, out: TextBuilder, leftOut = new LeftOut()): void {
  const stack: Group[] = [];
  let group: Group = { skip: false, uc: 1, hidden: false, font: -1, table: null, leaving: null };
  /** Footnotes, comments and hidden runs, by number; those that held text are counted at the end. */
  const leaving = new Map<number, { kind: LeftOutKind; text: boolean }>();
  const startLeaving = (kind: LeftOutKind) => {
    const id = leaving.size + 1;
    leaving.set(id, { kind, text: false });
    group.leaving = { kind, id };
  };
  /** Text that would have been body text, had its group not been left out. */
  const dropped = () => {
    if (group.leaving) leaving.get(group.leaving.id)!.text = true;
  };
  let documentCodePage = 1252;
  let defaultFont = -1;
  const fontCodePages = new Map<number, number>();
  let definingFont = -1;
  const styles = new Map<number, string>();
  let styleEntry: { number: number; name: number[] } | null = null;

  let para = newParagraph();
  let paragraphOpen = false;
  let tableOpen = false;
  let cellOpen = false;
  let row = 1;
  let column = 0;

  /** Text bytes waiting to be decoded together (a double-byte character comes as two \'hh). */
  let pending: number[] = [];
  /** Fallback characters still to skip after a \uN. */
  let skipFallback = 0;

  const codePageOf = (font: number): number => fontCodePages.get(font) ?? documentCodePage;
  const decode = (data: number[], codePage: number): string => {
    const bytes = Uint8Array.from(data);
    if (codePage === 1252) return decodeWindows1252(bytes);
    const label = labelForCodePage(codePage);
    return (label && decodeWithLabel(bytes, label)) ?? decodeWindows1252(bytes);
  };

  const closeParagraph = () => {
    if (paragraphOpen) out.closeBlock();
    paragraphOpen = false;
  };
  const closeTable = () => {
    closeParagraph();
    if (cellOpen) out.closeBlock();
    if (tableOpen) out.closeBlock();
    cellOpen = false;
    tableOpen = false;
  };
  const openCell = () => {
    if (!tableOpen) {
      out.openBlock(null);
      tableOpen = true;
      row = 1;
      column = 0;
    }
    column++;
    out.openBlock('table-cell', { label: `r${row}c${column}` });
    cellOpen = true;
  };
  const ensureParagraph = () => {
    if (paragraphOpen) return;
    if (para.inTable) {
      if (!cellOpen) openCell();
    } else if (tableOpen) {
      closeTable();
    }
    const styleName = styles.get(para.style) ?? '';
    const styleHeading = /^heading\s*(\d)/i.exec(styleName);
    let kind: StructureKind = 'paragraph';
    let level: number | undefined;
    if (para.outline !== null && para.outline < 9) {
      kind = 'heading';
      level = para.outline + 1;
    } else if (styleHeading) {
      kind = 'heading';
      level = Number(styleHeading[1]);
    } else if (para.list) {
      kind = 'list-item';
      level = para.listLevel + 1;
    }
    out.openBlock(kind, level === undefined ? {} : { level });
    paragraphOpen = true;
  };

  /** Writes the pending bytes of body text. */
  const flush = () => {
    if (pending.length === 0) return;
    const text = decode(pending, codePageOf(group.font));
    pending = [];
    ensureParagraph();
    out.text(text, 'preserve');
  };
  const write = (text: string) => {
    flush();
    ensureParagraph();
    out.text(text, 'preserve');
  };
  const inBody = () => !group.skip && !group.hidden && group.table === null;

  const controlWord = (word: string, param: number | null) => {
    if (SKIPPED_DESTINATIONS.has(word)) {
      flush();
      group.skip = true;
      const kind = LEFT_OUT_DESTINATIONS[word];
      if (kind && group.leaving?.kind !== kind) startLeaving(kind);
      return;
    }
    switch (word) {
      case 'fonttbl':
        group.table = 'fonttbl';
        return;
      case 'stylesheet':
        group.table = 'stylesheet';
        return;
      case 'ansicpg':
        if (param !== null && param > 0) documentCodePage = param;
        return;
      case 'mac':
        documentCodePage = 10000;
        return;
      case 'deff':
        if (param !== null) defaultFont = param;
        return;
      case 'f':
        if (group.table === 'fonttbl') definingFont = param ?? -1;
        else {
          flush();
          group.font = param ?? defaultFont;
        }
        return;
      case 'fcharset': {
        const codePage = CHARSET_CODE_PAGES[param ?? 0];
        if (group.table === 'fonttbl' && codePage !== undefined) fontCodePages.set(definingFont, codePage);
        return;
      }
      case 'cpg':
        if (group.table === 'fonttbl' && param !== null && param > 0) fontCodePages.set(definingFont, param);
        return;
      case 's':
        if (group.table === 'style' && styleEntry) styleEntry.number = param ?? 0;
        else if (group.table === null) para.style = param ?? 0;
        return;
      case 'cs':
      case 'ds':
      case 'ts':
        // Character, section and table styles are never headings.
        if (group.table === 'style' && styleEntry) styleEntry.number = -1;
        return;
      case 'uc':
        group.uc = Math.max(0, param ?? 1);
        return;
      case 'v':
        flush();
        group.hidden = param !== 0;
        if (group.hidden && !group.leaving) startLeaving('hidden');
        if (!group.hidden && group.leaving?.kind === 'hidden') group.leaving = null;
        return;
      case 'plain':
        flush();
        group.hidden = false;
        if (group.leaving?.kind === 'hidden') group.leaving = null;
        group.font = defaultFont;
        return;
    }
    if (!inBody()) {
      if (word === 'u' && param !== null) dropped();
      return;
    }
    switch (word) {
      case 'u': {
        if (param === null) return;
        write(String.fromCharCode(param < 0 ? param + 65536 : param));
        skipFallback = group.uc;
        return;
      }
      case 'par':
      case 'sect':
      case 'page':
        flush();
        closeParagraph();
        return;
      case 'pard':
        flush();
        para = newParagraph();
        return;
      case 'line':
        flush();
        out.lineBreak();
        return;
      case 'tab':
        flush();
        ensureParagraph();
        out.space('\t');
        return;
      case 'emspace':
      case 'enspace':
      case 'qmspace':
        write(' ');
        return;
      case 'intbl':
        para.inTable = true;
        return;
      case 'outlinelevel':
        para.outline = param ?? 0;
        return;
      case 'ls':
        para.list = true;
        return;
      case 'ilvl':
        para.listLevel = Math.max(0, param ?? 0);
        return;
      case 'cell':
      case 'nestcell':
        flush();
        closeParagraph();
        if (!cellOpen) openCell(); // an empty cell still takes its column
        out.closeBlock();
        cellOpen = false;
        return;
      case 'row':
      case 'nestrow':
        flush();
        closeParagraph();
        if (cellOpen) out.closeBlock();
        cellOpen = false;
        row++;
        column = 0;
        return;
    }
    const character = CHARACTERS[word];
    if (character) write(character);
  };

  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b === 0x7b /* { */) {
      flush();
      stack.push(group);
      group = { ...group };
      if (group.table === 'stylesheet') {
        group.table = 'style';
        styleEntry = { number: 0, name: [] };
      }
      skipFallback = 0;
      i++;
    } else if (b === 0x7d /* } */) {
      flush();
      if (group.table === 'style' && styleEntry && stack.at(-1)?.table === 'stylesheet') {
        if (styleEntry.number >= 0) styles.set(styleEntry.number, decode(styleEntry.name, documentCodePage).replace(/;\s*$/, '').trim());
        styleEntry = null;
      }
      group = stack.pop() ?? group;
      skipFallback = 0;
      i++;
    } else if (b === 0x5c /* \ */) {
      const next = bytes[i + 1];
      if (next === undefined) break;
      if ((next >= 0x61 && next <= 0x7a) || (next >= 0x41 && next <= 0x5a)) {
        let j = i + 1;
        while (j < n && j - i <= 32 && ((bytes[j]! >= 0x61 && bytes[j]! <= 0x7a) || (bytes[j]! >= 0x41 && bytes[j]! <= 0x5a))) j++;
        const word = String.fromCharCode(...bytes.subarray(i + 1, j));
        let param: number | null = null;
        const signStart = j;
        if (bytes[j] === 0x2d /* - */) j++;
        const digitsStart = j;
        while (j < n && j - digitsStart < 10 && bytes[j]! >= 0x30 && bytes[j]! <= 0x39) j++;
        if (j > digitsStart) param = Number(String.fromCharCode(...bytes.subarray(signStart, j)));
        else j = signStart;
        if (bytes[j] === 0x20) j++; // the space that delimits a control word is not text
        i = j;
        if (word === 'bin') {
          flush();
          i += Math.max(0, param ?? 0);
          continue;
        }
        if (skipFallback > 0 && word !== 'u') {
          skipFallback--;
          continue;
        }
        controlWord(word, param);
      } else if (next === 0x27 /* ' */) {
        const hex = String.fromCharCode(bytes[i + 2] ?? 0, bytes[i + 3] ?? 0);
        i += 4;
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) continue;
        if (skipFallback > 0) {
          skipFallback--;
          continue;
        }
        const value = Number.parseInt(hex, 16);
        if (group.table === 'style' && styleEntry && !group.skip) styleEntry.name.push(value);
        else if (inBody()) pending.push(value);
        else dropped();
      } else {
        i += 2;
        if (next === 0x2a /* * */) {
          flush();
          group.skip = true; // an optional destination this reader does not know
        } else if (!inBody()) {
          continue;
        } else if (next === 0x0a || next === 0x0d) {
          controlWord('par', null);
        } else if (next === 0x7e /* ~ */) {
          write(' ');
        } else if (next === 0x5f /* _ */) {
          write('-');
        } else if (next === 0x5c || next === 0x7b || next === 0x7d) {
          if (skipFallback > 0) skipFallback--;
          else pending.push(next);
        }
        // \- (optional hyphen), \: and \| add nothing.
      }
    } else {
      i++;
      if (b === 0x0a || b === 0x0d) continue; // line breaks in the file are not text
      if (skipFallback > 0) {
        skipFallback--;
        continue;
      }
      if (group.table === 'style' && styleEntry && !group.skip) styleEntry.name.push(b);
      else if (inBody()) pending.push(b);
      else if (b !== 0x20 && b !== 0x09) dropped();
    }
  }
  flush();
  closeTable();
  closeParagraph();
  for (const { kind, text } of leaving.values()) if (text) leftOut.add(kind);
}


export const rtfImporter: Importer = {
  extensions: ['.rtf'],
  label: 'Rich Text Format (RTF)',
  maxBytes: MAX_DOCUMENT_BYTES,
  sniff: notRtf,
  async read(bytes) {
    if (bytes.length === 0) return err('the file is empty');
    const wrong = notRtf(bytes);
    if (wrong) return err(wrong);
    const out = new TextBuilder();
    const leftOut = new LeftOut();
    parseRtf(bytes, out, leftOut);
    return ok({ ...out.result(), type: 'application/rtf', notes: leftOut.notes() });
  },
};
