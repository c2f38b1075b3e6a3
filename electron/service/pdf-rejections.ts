/**
 * pdf.js 5.5 prefetches the page dictionaries of a PDF's page tree and leaves the promises
 * of those it never visits without a handler (Catalog.getPageDict, since pdf.js pull
 * request 18627). On a damaged page tree one of them rejects after the import has already
 * got its answer, unhandled, and Node's default ends the process: `gloss import` died with
 * the other files of the batch unimported, and the browser host would die the same way.
 *
 * Those rejections, and only those, are logged and let go. Any other unhandled rejection
 * still ends a Node process as Node's default would. Electron's main process only warns on
 * unhandled rejections, so nothing is installed there.
 */

/** The exceptions pdf.js throws on damaged files (its BaseException subclasses). */
const PDFJS_EXCEPTIONS = new Set([
  'AbortException',
  'FormatError',
  'InvalidPDFException',
  'MissingDataException',
  'ParserEOFException',
  'PasswordException',
  'ResponseException',
  'UnknownErrorException',
  'XRefEntryException',
  'XRefParseException',
]);

let installed = false;

/** Whether `reason` is an exception pdf.js threw while parsing. */
export function isPdfJsException(reason: unknown): boolean {
  return reason instanceof Error && PDFJS_EXCEPTIONS.has(reason.name);
}

/** Keeps a stray pdf.js rejection from ending this process; call before reading PDFs. Installs itself once. */
export function tolerateStrayPdfRejections(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
  if (installed || process.versions.electron) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (isPdfJsException(reason)) {
      log(`gloss: pdf.js left an error unhandled while reading a damaged PDF (${(reason as Error).message}); the import's answer stands.`);
      return;
    }
    // What Node does by default (--unhandled-rejections=throw) when no listener is set.
    throw reason;
  });
}
