/** gloss export FILE --excerpts OUT.csv / --codebook OUT.csv */
import path from 'node:path';
import type { ExportKind } from '../../../shared/ipc/contract';
import { writeFileDurably } from '../../service/durable-file';
import { CliError, UsageError } from '../errors';
import { HandlerError } from '../../service/handler-error';
import { readProject } from '../project-session';
import { noExtraArguments, optionalString, projectArgument, type Command } from '../command';

function writeFailure(out: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? `the folder ${path.dirname(path.resolve(out))} does not exist`
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EISDIR' ? 'it is a folder'
    : (e as Error).message;
  return new CliError(`${path.basename(out)}: could not be written: ${reason}`);
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write coded excerpts or the codebook as CSV',
  help: `Usage: gloss export FILE [--excerpts OUT.csv] [--codebook OUT.csv] [--qdc OUT.qdc]

Writes CSV files (RFC 4180, UTF-8 with a BOM so Excel reads them right) and the
REFI-QDA codebook. Each file is written in full or not at all. Prints the path of each
file written.

Options:
  --excerpts OUT.csv  one row per coding:
                      document,code,code_path,coder,start,end,text,memo,created_at
  --codebook OUT.csv  one row per code:
                      code,code_path,parent,description,color,codings,documents
  --qdc OUT.qdc       the codebook as REFI-QDA XML (Codebook-mrt2019.xsd), for NVivo,
                      ATLAS.ti, MAXQDA and QualCoder`,
  options: { excerpts: { type: 'string' }, codebook: { type: 'string' }, qdc: { type: 'string' } },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'export');
    noExtraArguments(positionals, 1, 'export');
    const targets: [ExportKind, string][] = [];
    const excerpts = optionalString(values, 'excerpts');
    const codebook = optionalString(values, 'codebook');
    if (excerpts) targets.push(['excerpts-csv', excerpts]);
    if (codebook) targets.push(['codebook-csv', codebook]);
    const qdc = optionalString(values, 'qdc');
    if (qdc) targets.push(['codebook-qdc', qdc]);
    if (targets.length === 0) throw new UsageError('export: say what to write with --excerpts OUT.csv, --codebook OUT.csv or --qdc OUT.qdc');
    const project = path.resolve(file);
    for (const [, out] of targets) {
      const absolute = path.resolve(out);
      if ([project, `${project}.bak`, `${project}.lock`].includes(absolute)) {
        throw new UsageError(`export: ${path.basename(out)} is the project itself; choose another file for the CSV`);
      }
    }
    if (new Set(targets.map(([, out]) => path.resolve(out))).size < targets.length) {
      throw new UsageError('export: two outputs name the same file');
    }
    const contents = await readProject(file, (service) =>
      Promise.all(
        targets.map(async ([kind, out]) => {
          try {
            const exported = await service.exportContent(kind);
            return { out, content: exported.encoding === 'base64' ? new Uint8Array(Buffer.from(exported.content, 'base64')) : exported.content };
          } catch (e) {
            // A project the format cannot express (a codebook with no codes): nothing is written.
            if (e instanceof HandlerError) throw new CliError(`${path.basename(file)}: ${e.message}`);
            throw e;
          }
        }),
      ),
    );
    for (const { out, content } of contents) {
      try {
        await writeFileDurably(path.resolve(out), content, false);
      } catch (e) {
        throw writeFailure(out, e);
      }
      io.out(path.resolve(out));
    }
    return 0;
  },
};
