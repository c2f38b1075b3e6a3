/** gloss export FILE --excerpts OUT.csv / --codebook / --qdc / … : the formats and their options come from the export registry (export-options.ts). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExportKind } from '../../../shared/ipc/contract';
import { markdownFiles, type MarkdownFile } from '../../../shared/export/markdown';
import { writeFileDurably } from '../../service/durable-file';
import { FolderFileExistsError, FolderWriteError, writeFolderAtomically } from '../../export/folder-write';
import { fileErrorReason, fileErrorWayOut } from '../../service/fs-reasons';
import { isProjectPath } from '../../service/project-lock';
import { fileExists } from '../../service/free-path';
import { CliError, listNames, quoted, toCliError, UsageError } from '../errors';
import { readProject } from '../project-session';
import { labelOf, noExtraArguments, optionalString, projectArgument, type Command, type OptionValues } from '../command';
import { CSV_RAW_TARGETS_TEXT, EXPORT_FLAGS_TEXT, EXPORT_OPTION_SPECS, exportOptionsHelp, exportUsage, FILE_OPTIONS, FILTER_TARGETS_TEXT } from './export-options';
import { exportFormat } from '../../../shared/export/registry';
import { REPORT_SECTIONS, orderedSections, type ReportSection } from '../../../shared/export/report-sections';
import { analysisFilter, FILTER_HELP, FILTER_OPTIONS } from '../analysis-options';

/** A failed write of an output file as the CLI says it: the reason and the way out. */
export function writeFailure(out: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? `the folder ${path.dirname(path.resolve(out))} does not exist`
    : code === 'ENOTDIR' ? 'a part of its path is a file, not a folder'
    : fileErrorReason(e);
  const wayOut = fileErrorWayOut(e, 'export');
  return new CliError(`${path.basename(out)}: could not be written: ${reason}${wayOut ? `. ${wayOut}` : ''}`);
}

/**
 * Writes one export. A regular file is written whole or not at all (temp file, then
 * rename); a device, pipe or socket (/dev/stdout, a named pipe) is written straight into,
 * because renaming a temp file over it would replace the device with a plain file.
 */
export async function writeOutput(out: string, content: string | Uint8Array): Promise<void> {
  const stat = await fs.stat(out).catch(() => null);
  if (stat !== null && !stat.isFile() && !stat.isDirectory()) await fs.writeFile(out, content);
  else await writeFileDurably(out, content, false);
}

/** The export kind for --qdpx, by --positions. Code points are what the REFI-QDA spec says; UTF-16 is for NVivo. */
export function qdpxKind(values: OptionValues): ExportKind {
  const positions = optionalString(values, 'positions');
  // "UTF-16", "utf_16", "code-points" are the same wish spelled another way.
  const unit = positions?.toLowerCase().replace(/[-_ ]/g, '');
  if (unit === undefined || unit === 'codepoints') return 'project-qdpx';
  if (unit === 'utf16') return 'project-qdpx-utf16';
  throw new UsageError(`export: --positions must be utf16 or codepoints, not ${JSON.stringify(positions)}`);
}

/** The HTML report's analysis sections named by --with ("frequencies,matrix", or "all"). */
export function reportSections(values: OptionValues): ReportSection[] | undefined {
  const raw = optionalString(values, 'with');
  if (raw === undefined) return undefined;
  if (optionalString(values, 'html') === undefined) throw new UsageError('export: --with applies to --html; add --html OUT.html');
  const names = raw.split(',').map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
  if (names.length === 1 && names[0] === 'all') return [...REPORT_SECTIONS];
  const unknown = names.filter((n) => !(REPORT_SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(`export: --with takes ${REPORT_SECTIONS.join(', ')} or all, separated by commas, not ${quoted(unknown[0] ?? raw)}`);
  }
  return orderedSections(names as ReportSection[]);
}

/** Whether the command line names a filter (--doc, --case, --set, --where, --coded-by). */
const hasFilter = (values: OptionValues) => Object.keys(FILTER_OPTIONS).some((name) => values[name] !== undefined);

/** The single-file outputs the command line asks for, in option order. */
function fileTargets(values: OptionValues): [ExportKind, string][] {
  const targets: [ExportKind, string][] = [];
  for (const [option, kind] of FILE_OPTIONS) {
    const out = optionalString(values, option);
    if (out === undefined) continue;
    targets.push([option === 'qdpx' ? qdpxKind(values) : kind, out]);
  }
  if (values['csv-raw'] && !targets.some(([kind]) => exportFormat(kind).csv)) {
    throw new UsageError(`export: --csv-raw applies to ${CSV_RAW_TARGETS_TEXT}`);
  }
  if (values.positions !== undefined && optionalString(values, 'qdpx') === undefined) {
    throw new UsageError('export: --positions applies to --qdpx; add --qdpx OUT.qdpx');
  }
  if (hasFilter(values) && !targets.some(([kind]) => exportFormat(kind).menu === 'analysis') && values.with === undefined) {
    throw new UsageError(`export: the filters (--doc, --case, --set, --where, --coded-by) apply to ${FILTER_TARGETS_TEXT}`);
  }
  return targets;
}

/**
 * Checks the Markdown folder before anything is exported: it may exist and hold other
 * files, but a note Gloss would write must not replace one already there unless --force.
 */
async function checkMarkdownFolder(dir: string, files: readonly MarkdownFile[], force: boolean): Promise<void> {
  const stat = await fs.stat(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw writeFailure(dir, e);
  });
  if (stat === null) return;
  if (!stat.isDirectory()) throw new CliError(`${path.basename(dir)}: is a file, not a folder; --markdown needs a folder for the notes`);
  if (force) return;
  const existing: string[] = [];
  for (const file of files) {
    if (await fileExists(path.join(dir, file.path), { followLinks: false })) existing.push(file.path);
  }
  if (existing.length > 0) {
    throw new CliError(
      `${path.basename(dir)}: ${existing.length === 1 ? 'a note to write already exists' : `${existing.length} notes to write already exist`} ` +
        `(${listNames(existing, 3)}); nothing was written. Use --force to replace them, or choose an empty folder.`,
    );
  }
}

/**
 * Writes the notes all or nothing (electron/export/folder-write.ts): a new folder appears
 * whole or not at all; into an existing one, notes are added beside what is there (and
 * same-named ones replaced with --force), and a failure leaves the folder as it was.
 */
async function writeMarkdown(dir: string, files: readonly MarkdownFile[], replace: boolean): Promise<void> {
  const existed = await fileExists(dir).catch(() => false);
  try {
    await writeFolderAtomically(dir, files, { replace });
  } catch (e) {
    if (e instanceof FolderFileExistsError) {
      throw new CliError(`${path.basename(dir)}: ${e.file} appeared while the notes were written; nothing was written. Run the export again.`);
    }
    if (!(e instanceof FolderWriteError)) throw writeFailure(dir, e);
    const reason = fileErrorReason(e.cause);
    const outcome = e.leftIn
      ? `; some files could not be put back and are in ${e.leftIn}: move them back into ${path.basename(dir)} by hand`
      : existed
        ? '; nothing was written, the folder is as it was'
        : '; nothing was written';
    const wayOut = fileErrorWayOut(e.cause, 'export') || 'Choose another folder.';
    throw new CliError(`${path.basename(dir)}: the notes could not be written (${e.file}: ${reason})${outcome}. ${wayOut}`);
  }
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'write excerpts, codebook, workbook, report, notes, annotations or a REFI-QDA project',
  help: `${exportUsage('Usage: gloss export FILE')}

Writes the project in the formats asked for; give as many as you like. Each file is
written in full or not at all, and an existing file of that name is replaced. Prints the
path of each file written (for --markdown, of the folder).

In the CSV files a text cell that begins with =, +, -, @, TAB or CR (a code named
"=SUM(A1)", an excerpt starting "-2 points") gets a ' in front, so that a spreadsheet
shows it instead of running it as a formula. --csv-raw writes every cell exactly as it
is, for programs that read the CSV.

The analysis tables (--frequencies, --cooccurrence, --matrix, --framework, --analysis-xlsx,
and the report's --with sections) are computed as gloss analyse computes them. The filters
below count only part of the project; a file made under one says so on its first line.

Options:
${exportOptionsHelp()}

${FILTER_HELP}`,
  options: EXPORT_OPTION_SPECS,
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'export');
    noExtraArguments(positionals, 1, 'export');
    const targets = fileTargets(values);
    const sections = reportSections(values);
    const markdown = optionalString(values, 'markdown');
    if (targets.length === 0 && markdown === undefined) {
      throw new UsageError(`export: say what to write with ${EXPORT_FLAGS_TEXT} (see gloss export --help)`);
    }
    if (values.force && markdown === undefined) throw new UsageError('export: --force applies to --markdown DIR');
    const project = path.resolve(file);
    const outputs = [...targets.map(([, out]) => out), ...(markdown === undefined ? [] : [markdown])];
    for (const out of outputs) {
      const absolute = path.resolve(out);
      if ([project, `${project}.bak`, `${project}.lock`].includes(absolute)) {
        throw new UsageError(`export: ${path.basename(out)} is the project itself; choose another file for the export`);
      }
      // A project file is written only by whoever holds its lock, never by an export.
      if (isProjectPath(absolute)) throw new UsageError(`export: ${path.basename(out)} names a Gloss project; choose another file for the export`);
    }
    if (new Set(outputs.map((out) => path.resolve(out))).size < outputs.length) {
      throw new UsageError('export: two outputs name the same file');
    }
    const { contents, notes } = await readProject(file, async (service) => {
      const filter = hasFilter(values) ? analysisFilter(service.current, values, labelOf(file)) : undefined;
      const contents = await Promise.all(
        targets.map(async ([kind, out]) => {
          try {
            const options = {
              csvRaw: values['csv-raw'] === true,
              ...(filter ? { filter } : {}),
              ...(sections && kind === 'html-report' ? { sections } : {}),
            };
            return { out, content: (await service.exportFile(kind, options)).content };
          } catch (e) {
            // A project the format cannot express (a codebook with no codes): nothing is written.
            throw toCliError(e, { label: path.basename(file) }) ?? e;
          }
        }),
      );
      // The notes go to a folder as separate files, so they come from the state, not the zip the app downloads.
      return { contents, notes: markdown === undefined ? [] : markdownFiles(service.current) };
    });
    if (markdown !== undefined) await checkMarkdownFolder(path.resolve(markdown), notes, values.force === true);
    for (const { out, content } of contents) {
      try {
        await writeOutput(path.resolve(out), content);
      } catch (e) {
        throw writeFailure(out, e);
      }
      io.out(path.resolve(out));
    }
    if (markdown !== undefined) {
      await writeMarkdown(path.resolve(markdown), notes, values.force === true);
      io.out(path.resolve(markdown));
    }
    return 0;
  },
};
