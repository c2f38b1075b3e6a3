/**
 * Rebuilding reading text from a PDF's positioned text items: items into lines by their
 * baseline, lines into paragraphs by vertical gaps, indentation, font size and list
 * markers, and lines joined into running text with end-of-line hyphenation undone.
 * Pure functions of the items, so the rules are tested without a PDF.
 *
 * PDF coordinates grow upwards: a line below another has a smaller y.
 */
import type { TextBuilder } from './text-builder';

/** One text item as pdfjs reports it, reduced to what layout needs. */
export interface PdfTextItem {
  str: string;
  /** Baseline origin, in PDF units. */
  x: number;
  y: number;
  width: number;
  /** Font size (the item's height). */
  size: number;
  /** pdfjs's own guess that a line ends after this item. */
  hasEOL: boolean;
}

export interface PdfPageText {
  /** The page number as printed (the PDF's page label), or its position from 1. */
  label: string;
  items: PdfTextItem[];
}

export interface PdfLine {
  text: string;
  x: number;
  endX: number;
  y: number;
  size: number;
}

interface PdfParagraph {
  lines: PdfLine[];
  kind: 'paragraph' | 'heading' | 'list-item';
  level?: number;
}

/** A line starting with a bullet or a number like "1." / "a)": a list item. */
const LIST_MARKER = /^(?:[•◦▪▫●○■□►▸‣⁃∙·*]|[-–]\s|(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s)/;

/** Groups a page's items into lines, in the order the PDF draws them (usually reading order). */
export function linesOf(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: PdfLine | null = null;
  let lineEnded = false;
  for (const item of items) {
    const size = item.size > 0 ? item.size : 1;
    if (item.str === '') {
      // pdfjs reports line ends as empty items with hasEOL.
      if (item.hasEOL) lineEnded = true;
      continue;
    }
    const sameLine =
      line !== null &&
      !lineEnded &&
      // Half a line height tolerates superscripts and subscripts but not the next line.
      Math.abs(item.y - line.y) <= 0.5 * Math.max(size, line.size) &&
      // Drawing far back to the left means a new line (or column) at the same height.
      item.x >= line.endX - 2 * size;
    if (sameLine && line) {
      const gap = item.x - line.endX;
      // A space in most fonts is a quarter of an em or more; kerning and superscripts leave less.
      if (gap > 0.15 * Math.max(size, line.size) && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += ' ';
      line.text += item.str;
      line.endX = Math.max(line.endX, item.x + item.width);
      line.size = Math.max(line.size, size);
    } else {
      if (line && line.text.trim()) lines.push(line);
      line = { text: item.str, x: item.x, endX: item.x + item.width, y: item.y, size };
    }
    lineEnded = item.hasEOL;
  }
  if (line && line.text.trim()) lines.push(line);
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Splits a page's lines into paragraphs. */
export function paragraphsOf(lines: readonly PdfLine[]): PdfLine[][] {
  const spacings: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const dy = lines[i - 1]!.y - lines[i]!.y;
    if (dy > 0.5 * lines[i]!.size && dy < 3 * lines[i]!.size) spacings.push(dy);
  }
  // The most common spacing is the text's leading; 1.2 × the font size is the usual default.
  const leading = median(spacings);
  const paragraphs: PdfLine[][] = [];
  let current: PdfLine[] = [];
  for (const line of lines) {
    const prev = current.at(-1);
    if (prev) {
      const first = current[0]!;
      const dy = prev.y - line.y;
      const typical = leading ?? 1.2 * line.size;
      const hanging = LIST_MARKER.test(first.text) && line.x > first.x && line.x <= first.x + 4 * line.size;
      const breaks =
        dy < 0.5 * line.size || // moved up or sideways: a new column, a table cell, text out of order
        dy > typical * 1.4 + 0.1 * line.size || // a blank space between paragraphs
        Math.abs(line.size - prev.size) > 0.12 * Math.max(line.size, prev.size) || // a heading and its text
        (line.x > prev.x + 0.8 * line.size && !hanging) || // a first-line indent
        LIST_MARKER.test(line.text);
      if (breaks) {
        paragraphs.push(current);
        current = [];
      }
    }
    current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** Words seen in the document, lower-cased, to decide how a hyphenated line end reads. */
export interface WordIndex {
  plain: Set<string>;
  /** Every pair of parts joined by a hyphen ("state-of-the-art" gives "state-of", "of-the", "the-art"). */
  hyphenated: Set<string>;
}

const WORD = /[\p{L}\p{M}]+(?:[-\u2010][\p{L}\p{M}]+)*/gu;

export function indexWords(texts: Iterable<string>): WordIndex {
  const index: WordIndex = { plain: new Set(), hyphenated: new Set() };
  for (const text of texts) {
    for (const [word] of text.matchAll(WORD)) {
      const parts = word.toLowerCase().split(/[-\u2010]/);
      if (parts.length === 1) index.plain.add(parts[0]!);
      for (let i = 1; i < parts.length; i++) index.hyphenated.add(`${parts[i - 1]}-${parts[i]}`);
    }
  }
  return index;
}

/**
 * English compound parts that keep their hyphen when a line breaks after it ("evidence-" /
 * "based", "self-" / "esteem"), used only when the document itself does not settle it.
 */
const COMPOUND_FIRST = new Set(['self', 'well', 'ex', 'all', 'half', 'cross', 'long', 'short', 'so']);
const COMPOUND_SECOND = new Set([
  'based', 'being', 'making', 'term', 'known', 'level', 'scale', 'wide', 'related', 'specific', 'oriented', 'driven',
  'free', 'friendly', 'led', 'run', 'owned', 'funded', 'called', 'like', 'up', 'time', 'old', 'centred', 'centered',
  'focused', 'sized', 'year', 'day', 'week', 'month',
]);

/**
 * True if a word broken as "<before>-" / "<after>" keeps its hyphen. The document decides
 * first: a form it uses elsewhere on one line wins. Otherwise the hyphen stays before a
 * capital or a digit ("Franco-Prussian", "COVID-19") and around well-known compound parts,
 * and a lower-case continuation is taken as a word hyphenated to fit the line.
 */
export function keepsHyphen(before: string, after: string, words: WordIndex): boolean {
  if (!/^\p{Ll}/u.test(after)) return true;
  const head = /[\p{L}\p{M}]+$/u.exec(before)?.[0]?.toLowerCase() ?? '';
  const tail = /^[\p{L}\p{M}]+/u.exec(after)?.[0]?.toLowerCase() ?? '';
  if (!head || !tail) return true;
  const joined = words.plain.has(head + tail);
  const hyphenated = words.hyphenated.has(`${head}-${tail}`);
  if (joined !== hyphenated) return hyphenated;
  return COMPOUND_FIRST.has(head) || COMPOUND_SECOND.has(tail);
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** Joins a paragraph's lines into one running text. */
export function joinLines(lines: readonly string[], words: WordIndex): string {
  let text = lines[0] ?? '';
  for (const next of lines.slice(1)) {
    if (text.endsWith('\u00ad')) {
      text = text.slice(0, -1) + next; // a soft hyphen marks a break inside a word
    } else if (/[\p{L}\p{N}][-\u2010]$/u.test(text) && /^[\p{L}\p{N}]/u.test(next)) {
      text = keepsHyphen(text.slice(0, -1), next, words) ? text + next : text.slice(0, -1) + next;
    } else if (text.endsWith('\u2014') || (CJK.test(text.at(-1) ?? '') && CJK.test(next[0] ?? ''))) {
      text += next; // an em dash and CJK text run on without a space
    } else {
      text += ` ${next}`;
    }
  }
  return text;
}

/** Marks paragraphs set larger than the body text as headings, the largest size as level 1. */
function classify(pages: PdfLine[][][]): PdfParagraph[][] {
  const round = (size: number) => Math.round(size * 2) / 2;
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const paragraph of page) {
      for (const line of paragraph) weight.set(round(line.size), (weight.get(round(line.size)) ?? 0) + line.text.length);
    }
  }
  const body = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const isHeading = (p: PdfLine[]) =>
    body > 0 && round(p[0]!.size) >= body * 1.15 && p.length <= 3 && p.reduce((n, l) => n + l.text.length, 0) <= 200;
  const headingSizes = [...new Set(pages.flat().filter(isHeading).map((p) => round(p[0]!.size)))].sort((a, b) => b - a);
  return pages.map((page) =>
    page.map((lines): PdfParagraph => {
      if (isHeading(lines)) return { lines, kind: 'heading', level: Math.min(6, headingSizes.indexOf(round(lines[0]!.size)) + 1) };
      return { lines, kind: LIST_MARKER.test(lines[0]!.text) ? 'list-item' : 'paragraph' };
    }),
  );
}

/**
 * Writes the pages' text into `out`, one `page` range per page that has text. Returns the
 * labels of the pages without any text (scanned pages, blank pages).
 */
export function layoutPdf(pages: readonly PdfPageText[], out: TextBuilder): { pagesWithoutText: string[] } {
  const pageLines = pages.map((page) => linesOf(page.items));
  const words = indexWords(pageLines.flat().map((l) => l.text));
  const classified = classify(pageLines.map(paragraphsOf));
  const pagesWithoutText: string[] = [];
  classified.forEach((paragraphs, i) => {
    const label = pages[i]!.label;
    if (paragraphs.length === 0) {
      pagesWithoutText.push(label);
      return;
    }
    out.openBlock('page', { label });
    for (const paragraph of paragraphs) {
      out.openBlock(paragraph.kind, paragraph.level === undefined ? {} : { level: paragraph.level });
      out.text(joinLines(paragraph.lines.map((l) => l.text), words));
      out.closeBlock();
    }
    out.closeBlock();
  });
  return { pagesWithoutText };
}
