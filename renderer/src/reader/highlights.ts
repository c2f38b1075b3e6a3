/**
 * Drawing with the CSS Custom Highlight API: one Highlight per code, registered as
 * `code-<n>` in CSS.highlights, with a generated `::highlight(code-<n>)` rule in the code's
 * colour, plus the reader's own layers (the pending selection, a flashed passage, find
 * matches, codings that need review). The text DOM is never touched, and overlapping codes
 * simply blend. When more than one coder is shown, each coder's codings are also in a
 * `coder-<n>` highlight, underlined in the coder's colour, so whose coding it is shows
 * without hiding the code's colour.
 *
 * Ranges are added and removed chunk by chunk as the reader renders and drops chunks, so
 * only the text on screen (and a little around it) ever has ranges registered.
 */

/** Highlight names are CSS identifiers, so ids (UUIDs) get a small number for life: `<prefix>-<n>`. */
function numberedNames(prefix: string): (id: string) => string {
  const numbers = new Map<string, number>();
  return (id) => {
    let n = numbers.get(id);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(id, n);
    }
    return `${prefix}-${n}`;
  };
}

/** The CSS.highlights name of a code's highlight. */
export const highlightName = numberedNames('code');

/** The CSS.highlights name of a coder's underline. */
export const coderHighlightName = numberedNames('coder');

export const PENDING_HIGHLIGHT = 'gloss-pending';
export const FLASH_HIGHLIGHT = 'gloss-flash';
export const FIND_HIGHLIGHT = 'gloss-find';
export const FIND_CURRENT_HIGHLIGHT = 'gloss-find-current';
export const REVIEW_HIGHLIGHT = 'gloss-review';

export type SpecialHighlight = typeof PENDING_HIGHLIGHT | typeof FLASH_HIGHLIGHT | typeof FIND_HIGHLIGHT | typeof FIND_CURRENT_HIGHLIGHT;

/** Drawn above the codes' colours, in this order (higher wins where they overlap). */
const PRIORITY: Record<SpecialHighlight | typeof REVIEW_HIGHLIGHT, number> = {
  [REVIEW_HIGHLIGHT]: 5,
  [FIND_HIGHLIGHT]: 8,
  [FIND_CURRENT_HIGHLIGHT]: 9,
  [PENDING_HIGHLIGHT]: 10,
  [FLASH_HIGHLIGHT]: 11,
};

/** Coders' underlines sit above the codes' colours and below the reader's own layers. */
const CODER_PRIORITY = 1;

/**
 * Opacity of code highlights: strong enough to see, light enough to read through and to
 * blend. Lower in the dark scheme, where a bright code colour (a yellow) under light text
 * would fall below WCAG AA's 4.5:1; at these values any colour keeps the text AA.
 */
export const HIGHLIGHT_ALPHA = 0.35;
export const HIGHLIGHT_ALPHA_DARK = 0.2;

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

/** Adds ranges to the named highlight, registering it if it is not yet. */
function addTo(name: string, ranges: readonly Range[], priority = 0): void {
  if (ranges.length === 0) return;
  let highlight = CSS.highlights.get(name);
  if (!highlight) {
    highlight = new Highlight();
    highlight.priority = priority;
    CSS.highlights.set(name, highlight);
  }
  for (const range of ranges) highlight.add(range);
}

/** Removes ranges from the named highlight, unregistering it once it is empty. */
function removeFrom(name: string, ranges: readonly Range[]): void {
  const highlight = CSS.highlights.get(name);
  if (!highlight) return;
  for (const range of ranges) highlight.delete(range);
  if (highlight.size === 0) CSS.highlights.delete(name);
}

/** Ranges one rendered chunk contributes, by code id (and by coder id when coders are marked), and those of its codings that need review. */
export interface ChunkPaint {
  byCode: ReadonlyMap<string, Range[]>;
  byCoder: ReadonlyMap<string, Range[]>;
  review: Range[];
}

/** Registers a chunk's ranges. */
export function addChunkPaint(paint: ChunkPaint): void {
  if (!highlightsSupported()) return;
  for (const [codeId, ranges] of paint.byCode) addTo(highlightName(codeId), ranges);
  for (const [coderId, ranges] of paint.byCoder) addTo(coderHighlightName(coderId), ranges, CODER_PRIORITY);
  addTo(REVIEW_HIGHLIGHT, paint.review, PRIORITY[REVIEW_HIGHLIGHT]);
}

/** Unregisters what addChunkPaint registered. */
export function removeChunkPaint(paint: ChunkPaint): void {
  if (!highlightsSupported()) return;
  for (const [codeId, ranges] of paint.byCode) removeFrom(highlightName(codeId), ranges);
  for (const [coderId, ranges] of paint.byCoder) removeFrom(coderHighlightName(coderId), ranges);
  removeFrom(REVIEW_HIGHLIGHT, paint.review);
}

/** Writes the `::highlight(code-n)` rule of every code in its colour, and the underline of every marked coder. */
export function paintCodeColors(codes: ReadonlyMap<string, { color: string }>, coders: ReadonlyMap<string, { color: string }> | null = null): void {
  const rules: string[] = [];
  const dark: string[] = [];
  for (const [codeId, { color }] of codes) {
    rules.push(`::highlight(${highlightName(codeId)}) { background-color: ${rgba(color, HIGHLIGHT_ALPHA)}; }`);
    dark.push(`::highlight(${highlightName(codeId)}) { background-color: ${rgba(color, HIGHLIGHT_ALPHA_DARK)}; }`);
  }
  if (dark.length) rules.push(`@media (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}`);
  for (const [coderId, { color }] of coders ?? []) {
    rules.push(`::highlight(${coderHighlightName(coderId)}) { text-decoration: underline 2px ${color}; text-underline-offset: 3px; }`);
  }
  writeStyle(rules.join('\n'));
}

/** Replaces (or, with no ranges, removes) one of the reader's own highlights. */
export function paintSpecial(name: SpecialHighlight, ranges: readonly Range[]): void {
  if (!highlightsSupported()) return;
  if (ranges.length === 0) {
    CSS.highlights.delete(name);
    return;
  }
  const highlight = new Highlight(...ranges);
  highlight.priority = PRIORITY[name];
  CSS.highlights.set(name, highlight);
}
