/**
 * Host side of REFI-QDA project import (channel exchange:importQdpx): reads the archive
 * with the pure importer, then lets the host write the result as a new project and open it.
 */
import { randomUUID } from 'node:crypto';
import { readQdpx } from '../../shared/formats/refi/qdpx-import';
import type { ExchangeReport } from '../../shared/formats/report';
import { safeStem } from '../../shared/text/safe-names';
import { HandlerError } from './handler-error';
import type { HostContext } from './handlers';
import type { FileToImport } from './project-service';

/**
 * The new project's file name without .gloss (both hosts add it): the project's own name,
 * else the archive's, as a safe file name stem (shared/text/safe-names.ts), characters a
 * file name cannot hold made spaces.
 */
export function suggestedProjectName(projectName: string, fileName: string): string {
  const name = projectName.trim() || fileName.replace(/\.qdpx$/i, '').trim();
  return name === '' ? 'Imported project' : safeStem(name, ' ');
}

export async function importQdpx(
  ctx: HostContext,
  file: FileToImport,
  positions: 'auto' | 'codepoints' | 'utf16',
): Promise<{ report: ExchangeReport; path: string } | null> {
  if (!ctx.adoptProject) throw new HandlerError('Importing a REFI-QDA project is not available in this host.');
  const read = readQdpx(file.bytes, file.name, { positions, now: new Date().toISOString(), newId: randomUUID });
  if (!read.ok) throw new HandlerError(read.error);
  const path = await ctx.adoptProject(read.value.file, suggestedProjectName(read.value.file.project.name, file.name));
  return path === null ? null : { report: read.value.report, path };
}
