/**
 * Reading a batch of files as documents, before anything changes: each file is read whole
 * through the importer registry; a file that cannot be read is reported and the others
 * still come in; a file whose content (sha256) is already in the project, or earlier in
 * the batch, is held back as a duplicate unless copies are allowed.
 */
import { createHash } from 'node:crypto';
import type { GlossDocument } from '../../../shared/model/schema';
import type { ImportedDocument } from '../../../shared/ops/requests';
import type { ImportResponse, Progress } from '../../../shared/ipc/contract';
import { documentNameFor, readDocument } from '../../../shared/import/registry';
import { tolerateStrayPdfRejections } from '../pdf-rejections';

export interface FileToImport {
  name: string;
  bytes: Uint8Array;
}

/** What a batch read: the documents to add, and what was refused, held back or noted. */
export interface ReadBatch {
  documents: ImportedDocument[];
  failed: ImportResponse['failed'];
  duplicates: ImportResponse['duplicates'];
  notes: ImportResponse['notes'];
}

export interface BatchOptions {
  /** Import files whose content the project already has, as copies. */
  allowDuplicates?: boolean;
  /** After each file (and before the first): how many of `total` are done. */
  onProgress?: (done: number, total: number) => void;
  /** The status line's progress; told only for more than one file, and null at the end. */
  onStatus?: (progress: Progress | null) => void;
}

/** The name of the file itself, whatever folder a browser or a script put before it. */
const baseNameOf = (name: string) => name.split(/[\\/]/).pop() ?? name;

/** The hex sha256 of `bytes`: what tells two files with the same content apart from their names. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads `files` as documents for a project that holds `existing`; changes nothing. */
export async function readBatch(files: readonly FileToImport[], existing: Iterable<GlossDocument>, options: BatchOptions = {}): Promise<ReadBatch> {
  // A damaged PDF can make pdf.js reject in the background after its answer (see pdf-rejections.ts).
  if (files.some((f) => /\.pdf$/i.test(f.name))) tolerateStrayPdfRejections();
  const batch: ReadBatch = { documents: [], failed: [], duplicates: [], notes: [] };
  /** sha256 → name of the document (existing or earlier in this batch) with that content. */
  const known = new Map<string, string>();
  for (const doc of existing) {
    if (doc.source && !known.has(doc.source.sha256)) known.set(doc.source.sha256, doc.name);
  }
  const report = (done: number, current?: string) => {
    options.onProgress?.(done, files.length);
    // A single small file imports in a blink; a progress line would only flicker.
    if (files.length > 1) options.onStatus?.({ task: 'Importing documents', done, total: files.length, current });
  };
  for (const [i, file] of files.entries()) {
    const baseName = baseNameOf(file.name);
    report(i, baseName);
    const sha256 = contentHash(file.bytes);
    const same = known.get(sha256);
    if (same !== undefined && !options.allowDuplicates) {
      batch.duplicates.push({ name: baseName, existing: same });
      report(i + 1);
      continue;
    }
    const read = await readDocument(file.bytes, baseName);
    if (read.ok) {
      const name = documentNameFor(baseName);
      batch.documents.push({
        name,
        text: read.value.text,
        source: { fileName: baseName, type: read.value.type, size: file.bytes.length, sha256 },
        structure: read.value.structure,
      });
      for (const note of read.value.notes) batch.notes.push({ name: baseName, note: `${baseName}: ${note}.` });
      if (same === undefined) known.set(sha256, name);
    } else {
      batch.failed.push({ name: baseName, error: `${baseName}: ${read.error}; it was not imported.` });
    }
    report(i + 1);
  }
  if (files.length > 1) options.onStatus?.(null);
  return batch;
}
