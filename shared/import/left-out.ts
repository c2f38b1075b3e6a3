/**
 * What an importer left out of a document's text, for the import report: a document's text
 * is its body, so notes, comments, hidden text, menus and form fields stay out of it, but
 * never without a word. Counted by kind and said in one note ("left out of the text: 2
 * footnotes and 1 comment"). Only content a reader would have seen or written counts:
 * scripts, styles, metadata and page furniture (headers, footers, page numbers) are not
 * text of the document and are not listed.
 */

/** Each kind with its singular and plural. */
const KINDS = {
  footnote: ['footnote', 'footnotes'],
  endnote: ['endnote', 'endnotes'],
  comment: ['comment', 'comments'],
  hidden: ['hidden passage', 'hidden passages'],
  navigation: ['navigation menu', 'navigation menus'],
  embedded: ['embedded frame or object', 'embedded frames or objects'],
  form: ['form field', 'form fields'],
  formula: ['formula (MathML)', 'formulas (MathML)'],
  drawing: ['drawing (SVG)', 'drawings (SVG)'],
  media: ['audio or video fallback text', 'audio or video fallback texts'],
  deletion: ['tracked deletion', 'tracked deletions'],
  index: ['table of contents or index', 'tables of contents or indexes'],
  ruby: ['ruby annotation', 'ruby annotations'],
  description: ['image title or description', 'image titles or descriptions'],
  coveredCell: ['table cell hidden under a merged cell', 'table cells hidden under merged cells'],
  auxiliary: ['page outside the reading order', 'pages outside the reading order'],
  missing: ['chapter missing from the book', 'chapters missing from the book'],
  notXhtml: ['page that is not XHTML', 'pages that are not XHTML'],
} as const;

export type LeftOutKind = keyof typeof KINDS;

/** How many names of left-out parts a note shows before "and N more". */
const SHOWN_DETAILS = 3;

/** A tally of what an importer left out. */
export class LeftOut {
  private readonly counts = new Map<LeftOutKind, { n: number; details: string[] }>();

  /** Counts one `kind` left out; `detail` names it (a chapter's path) where a name helps find it. */
  add(kind: LeftOutKind, detail?: string): void {
    const entry = this.counts.get(kind) ?? { n: 0, details: [] };
    entry.n++;
    if (detail !== undefined) entry.details.push(detail);
    this.counts.set(kind, entry);
  }

  /** The import report's note, in the order kinds were first met; none when nothing was left out. */
  notes(): string[] {
    if (this.counts.size === 0) return [];
    const parts = [...this.counts].map(([kind, { n, details }]) => {
      const [one, many] = KINDS[kind];
      const named = details.length === 0 ? '' : ` (${details.slice(0, SHOWN_DETAILS).join(', ')}${details.length > SHOWN_DETAILS ? ` and ${details.length - SHOWN_DETAILS} more` : ''})`;
      return `${n} ${n === 1 ? one : many}${named}`;
    });
    const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
    return [`left out of the text: ${list}`];
  }
}
