/**
 * PDF through pdfjs-dist (Mozilla's PDF.js), the reader the field trusts. Only the text
 * layer is read: no fonts are loaded, no code is evaluated, nothing is fetched, no worker
 * is started. pdfjs parses on the calling thread (its "fake worker"), which in Gloss is the
 * main process or the CLI, never the window's renderer.
 *
 * Layout (lines, paragraphs, hyphenation, headings) is rebuilt in pdf-layout.ts.
 */
/// <reference path="./pdfjs-worker.d.ts" />
import { err, ok, type Result } from '../result';
import { MAX_DOCUMENT_BYTES, MAX_TEXT_LENGTH } from './limits';
import { layoutPdf, type PdfPageText, type PdfTextItem } from './pdf-layout';
import type { Importer, ImportedText } from './registry';
import { TextBuilder } from './text-builder';

/** The part of pdfjs's API used here. */
interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy(): Promise<void> };
}
interface PdfDocument {
  numPages: number;
  getPageLabels(): Promise<(string | null)[] | null>;
  getPage(pageNumber: number): Promise<PdfPage>;
}
interface PdfPage {
  getTextContent(params: { includeMarkedContent: boolean }): Promise<{ items: unknown[] }>;
  cleanup(): void;
}
interface RawTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export const NO_TEXT_LAYER = 'it has no text layer (a scanned PDF?); run OCR first';

/** Fewer characters than this per page on average, over three pages or more, reads like a scan with a few stamps. */
const SPARSE_PAGE_CHARACTERS = 40;

let loading: Promise<PdfJs> | null = null;

/**
 * Stands in for DOMMatrix where there is none (Node, the Electron main process). pdfjs's
 * display layer builds one DOMMatrix when it loads, for canvas drawing Gloss never asks
 * for; reading the text layer uses none. pdfjs would take one from the native
 * @napi-rs/canvas package, which the packaged app does not ship (its main process is one
 * bundle without node_modules) and which has no build for some platforms; without any,
 * loading pdfjs throws "DOMMatrix is not defined" and no PDF can be imported.
 */
class TextOnlyMatrix {}

/** Loads pdfjs once, with its worker code on this thread. */
function loadPdfJs(): Promise<PdfJs> {
  const scope = globalThis as { DOMMatrix?: unknown };
  scope.DOMMatrix ??= TextOnlyMatrix;
  loading ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]).then(
    ([pdfjs, worker]) => {
      // pdfjs runs its worker code on this thread when it finds the handler here; otherwise
      // it would import "./pdf.worker.mjs" by a path that does not exist inside a bundle.
      const global = globalThis as { pdfjsWorker?: unknown };
      global.pdfjsWorker ??= worker;
      return pdfjs as unknown as PdfJs;
    },
  );
  return loading;
}

function isTextItem(item: unknown): item is RawTextItem {
  return typeof item === 'object' && item !== null && typeof (item as RawTextItem).str === 'string' && Array.isArray((item as RawTextItem).transform);
}

function toLayoutItem(item: RawTextItem): PdfTextItem {
  const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
  return { str: item.str, x, y, width: item.width || 0, size: item.height || Math.hypot(c, d), hasEOL: item.hasEOL };
}

/** "3, 4, 5" as "3–5": pages in a note, shortened after ten. */
export function describePages(labels: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    let j = i;
    while (j + 1 < labels.length && /^\d+$/.test(labels[j]!) && Number(labels[j + 1]) === Number(labels[j]) + 1) j++;
    parts.push(j > i ? `${labels[i]}–${labels[j]}` : labels[i]!);
    i = j;
  }
  const shown = parts.slice(0, 10).join(', ');
  return parts.length > 10 ? `${shown} and ${parts.length - 10} more` : shown;
}

function nameOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

async function readPdf(bytes: Uint8Array): Promise<Result<ImportedText>> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs may transfer (detach) the buffer it is given; the caller's bytes stay intact.
    data: bytes.slice(),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    stopAtErrors: false,
    // Errors only: a damaged font or an unknown operator is the PDF's problem, not a log line.
    verbosity: 0,
  });
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (e) {
      if (nameOf(e) === 'PasswordException') {
        return err('it is encrypted with a password, so Gloss cannot read it; save an unprotected copy (e.g. print it to PDF) and import that');
      }
      if (nameOf(e) === 'InvalidPDFException') return err('it is not a valid PDF file (it may be damaged or only partly downloaded)');
      throw e;
    }
    const labels = await doc.getPageLabels().catch(() => null);
    const pages: PdfPageText[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false });
      const items = content.items.filter(isTextItem).map(toLayoutItem);
      page.cleanup();
      pages.push({ label: labels?.[n - 1]?.trim() || String(n), items });
      for (const item of items) characters += item.str.length;
      // Twice the text limit in raw items is far past it once laid out; stop reading.
      if (characters > 2 * MAX_TEXT_LENGTH) break;
    }
    const out = new TextBuilder();
    const { pagesWithoutText } = layoutPdf(pages, out);
    const { text, structure } = out.result();
    if (!text.trim()) return err(NO_TEXT_LAYER);
    const notes: string[] = [];
    if (pagesWithoutText.length === 1) notes.push(`page ${pagesWithoutText[0]} has no text (scanned or blank?) and is left out`);
    if (pagesWithoutText.length > 1) notes.push(`pages ${describePages(pagesWithoutText)} have no text (scanned or blank?) and are left out`);
    // A scan often carries a few typed words (a stamp, a running header) and nothing else.
    const pagesWithText = pages.length - pagesWithoutText.length;
    if (pagesWithText >= 3 && text.length < pagesWithText * SPARSE_PAGE_CHARACTERS) {
      notes.push(`it has very little text for ${pagesWithText} pages; if it is a scan, run OCR and import it again`);
    }
    return ok({ text, structure, type: 'application/pdf', notes });
  } finally {
    await task.destroy().catch(() => {});
  }
}

export const pdfImporter: Importer = {
  extensions: ['.pdf'],
  label: 'PDF documents',
  maxBytes: MAX_DOCUMENT_BYTES,
  // No sniff: pdf.js reads files with junk before "%PDF-", as Acrobat does.
  async read(bytes) {
    if (bytes.length === 0) return err('the file is empty');
    return readPdf(bytes);
  },
};
