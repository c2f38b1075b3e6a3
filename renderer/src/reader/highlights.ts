/**
 * Drawing codings with the CSS Custom Highlight API: one Highlight per code, registered
 * as `code-<n>` in CSS.highlights, with a generated `::highlight(code-<n>)` rule in the
 * code's colour. The text DOM is never touched, and overlapping codes simply blend.
 */

/** Highlight names are CSS identifiers, so codes get a small number for life (ids are UUIDs). */
const numbers = new Map<string, number>();

/** The CSS.highlights name of a code's highlight. */
export function highlightName(codeId: string): string {
  let n = numbers.get(codeId);
  if (n === undefined) {
    n = numbers.size;
    numbers.set(codeId, n);
  }
  return `code-${n}`;
}

export const PENDING_HIGHLIGHT = 'gloss-pending';
export const FLASH_HIGHLIGHT = 'gloss-flash';

/** Opacity of code highlights: strong enough to see, light enough to read through and to blend. */
const HIGHLIGHT_ALPHA = 0.35;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255} / ${alpha})`;
}

let styleElement: HTMLStyleElement | null = null;
let lastCss = '';

function writeStyle(css: string): void {
  if (css === lastCss) return;
  if (!styleElement) {
    styleElement = document.createElement('style');
    styleElement.dataset.gloss = 'highlights';
    document.head.append(styleElement);
  }
  styleElement.textContent = css;
  lastCss = css;
}

/** Replaces every code highlight with the given ranges, by code id. */
export function paintCodeRanges(rangesByCode: ReadonlyMap<string, Range[]>): void {
  if (!highlightsSupported()) return;
  const wanted = new Set<string>();
  for (const [codeId, ranges] of rangesByCode) {
    const name = highlightName(codeId);
    wanted.add(name);
    CSS.highlights.set(name, new Highlight(...ranges));
  }
  for (const name of [...CSS.highlights.keys()]) {
    if (name.startsWith('code-') && !wanted.has(name)) CSS.highlights.delete(name);
  }
}

/** Writes the `::highlight(code-n)` rule of every code in its colour. */
export function paintCodeColors(codes: ReadonlyMap<string, { color: string }>): void {
  const rules: string[] = [];
  for (const [codeId, { color }] of codes) {
    rules.push(`::highlight(${highlightName(codeId)}) { background-color: ${rgba(color, HIGHLIGHT_ALPHA)}; }`);
  }
  writeStyle(rules.join('\n'));
}

/** Draws (or, with null, removes) one of the reader's own highlights above the codes. */
export function paintSpecial(name: typeof PENDING_HIGHLIGHT | typeof FLASH_HIGHLIGHT, range: Range | null): void {
  if (!highlightsSupported()) return;
  if (!range) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(range);
  highlight.priority = 10;
  CSS.highlights.set(name, highlight);
}
