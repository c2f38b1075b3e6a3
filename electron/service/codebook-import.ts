/**
 * Host side of codebook import (channels exchange:previewCodebook, exchange:importCodebook,
 * and `gloss import-codebook`). The file is read by its extension (.qdc or .csv); the
 * preview and the import both match through formats/codebook/match.ts, so the import does
 * exactly what the preview showed.
 */
import { previewCodebookImport } from '../../shared/formats/codebook/match';
import { readCodebook } from '../../shared/formats/codebook/read';
import type { CodebookPreview, IncomingCodebook } from '../../shared/formats/codebook/types';
import type { OpResponse } from '../../shared/ipc/contract';
import { HandlerError } from './handler-error';
import type { FileToImport, ProjectService } from './project-service';

/** The codebook in `file`, or a HandlerError naming the file and what is wrong with it. */
export function readCodebookFile(file: FileToImport): IncomingCodebook {
  const baseName = file.name.split(/[\\/]/).pop() || file.name;
  const read = readCodebook(file.bytes, baseName);
  if (!read.ok) throw new HandlerError(read.error);
  return read.value;
}

/** What importing `file` into the open project would do; changes nothing. */
export async function previewCodebook(service: ProjectService, file: FileToImport): Promise<CodebookPreview> {
  return previewCodebookImport(service.current, readCodebookFile(file));
}

/** Imports `file` into the open project as one undoable step, with the preview of what it did. */
export async function importCodebook(service: ProjectService, file: FileToImport): Promise<{ result: OpResponse; preview: CodebookPreview }> {
  return importReadCodebook(service, readCodebookFile(file));
}

/** Imports a codebook already read (the CLI reads it before it opens or creates the project). */
export function importReadCodebook(service: ProjectService, codebook: IncomingCodebook): { result: OpResponse; preview: CodebookPreview } {
  const preview = previewCodebookImport(service.current, codebook);
  const result = service.run({ type: 'importCodebook', codebook });
  return { result, preview };
}
