/**
 * Host side of codebook import (channels exchange:previewCodebook, exchange:importCodebook).
 * STUB: the codebook import engineer fills these in.
 */
import type { CodebookPreview } from '../../shared/formats/codebook/types';
import type { OpResponse } from '../../shared/ipc/contract';
import { HandlerError } from './handler-error';
import type { FileToImport, ProjectService } from './project-service';

export async function previewCodebook(service: ProjectService, file: FileToImport): Promise<CodebookPreview> {
  void service;
  void file;
  throw new HandlerError('Importing codebooks is not built yet.');
}

export async function importCodebook(service: ProjectService, file: FileToImport): Promise<{ result: OpResponse; preview: CodebookPreview }> {
  void service;
  void file;
  throw new HandlerError('Importing codebooks is not built yet.');
}
