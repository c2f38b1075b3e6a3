/**
 * Host side of REFI-QDA project import (channel exchange:importQdpx).
 * STUB: the QDPX import engineer fills this in.
 */
import type { ExchangeReport } from '../../shared/formats/report';
import { HandlerError } from './handler-error';
import type { HostContext } from './handlers';
import type { FileToImport } from './project-service';

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
