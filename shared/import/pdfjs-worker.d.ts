/**
 * pdfjs-dist ships no types for its worker module; pdf.ts only hands the module to pdfjs
 * (as globalThis.pdfjsWorker), so its one export is all that is declared.
 */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
