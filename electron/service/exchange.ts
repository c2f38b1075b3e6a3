/**
 * Host side of REFI-QDA project import and codebook import (channels exchange:*).
 * STUB: the exchange-UI engineer fills these in.
 */
import type { CodebookPreview } from '../../shared/formats/codebook/types';
import type { ExchangeReport } from '../../shared/formats/report';
import type { OpResponse } from '../../shared/ipc/contract';
import { HandlerError } from './handler-error';
import type { HostContext } from './handlers';
import type { FileToImport, ProjectService } from './project-service';

export async function importQdpx(
  ctx: HostContext,
  file: FileToImport,
  positions: 'auto' | 'codepoints' | 'utf16',
): Promise<{ report: ExchangeReport; path: string } | null> {
  void ctx;
  void file;
  void positions;
  throw new HandlerError('Importing REFI-QDA projects is not built yet.');
}

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
