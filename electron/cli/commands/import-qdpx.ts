/** gloss import-qdpx FILE IN.qdpx [--positions auto|codepoints|utf16] (and the older order IN.qdpx FILE) */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { qdpxRefusalBeforeReading, readQdpx } from '../../../shared/formats/refi/qdpx-import';
import { reportLines } from '../../../shared/formats/report';
import { fileErrorReason } from '../../service/fs-reasons';
import { fileExists } from '../../service/free-path';
import { isProjectPath } from '../../service/project-lock';
import { readFileChecked } from '../../service/read-import-files';
import { CliError, UsageError } from '../errors';
import { writeWholeProject } from '../project-session';
import { deprecatedOrder, noExtraArguments, optionalString, type CliIo, type Command } from '../command';

const POSITIONS = ['auto', 'codepoints', 'utf16'] as const;
type Positions = (typeof POSITIONS)[number];

const isQdpxPath = (file: string) => /\.qdpx$/i.test(file);

/**
 * The project to create and the .qdpx to read. FILE comes first, as in every command; the
 * order this command took before (IN.qdpx FILE) is still read, with a line on stderr saying
 * so. It is recognised by the names (a .qdpx first, or a .gloss second), or else because
 * the first file exists and the second, the project to create, does not.
 */
async function projectAndInput(positionals: string[], io: CliIo): Promise<{ file: string | undefined; input: string | undefined }> {
  const [first, second] = positionals;
  if (second === undefined) return isQdpxPath(first ?? '') ? { file: undefined, input: first } : { file: first, input: undefined };
  if (first === undefined) return { file: undefined, input: undefined };
  const byName =
    isQdpxPath(first) !== isQdpxPath(second) ? isQdpxPath(first)
    : isProjectPath(first) !== isProjectPath(second) ? isProjectPath(second)
    : null;
  const oldOrder = byName ?? ((await fileExists(first).catch(() => false)) && !(await fileExists(second).catch(() => true)));
  if (!oldOrder) return { file: first, input: second };
  deprecatedOrder(io, 'import-qdpx', 'IN.qdpx FILE', 'FILE IN.qdpx');
  return { file: second, input: first };
}

export const importQdpxCommand: Command = {
  name: 'import-qdpx',
  summary: 'read a REFI-QDA project (.qdpx) into a new Gloss project',
  help: `Usage: gloss import-qdpx FILE IN.qdpx [--positions auto|codepoints|utf16]

Reads a REFI-QDA project written by NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette and
creates the new Gloss project FILE from it (an existing file is never replaced): texts,
codes with their hierarchy and colours, codings, notes as memos, users as coders, cases,
variables and sets. Prints what was imported, what was skipped and why (picture, audio,
video and PDF-only sources, selections outside their text), and every change made on the
way. Nothing is written when the file is refused (not a .qdpx, unsafe or damaged).
The older order, IN.qdpx FILE, still works and says so on stderr.

Options:
  --positions auto        read text positions the way the writing program counts them
                          (NVivo: UTF-16 units; others: code points as the standard says),
                          checked against the quoted text where the file keeps it (default)
  --positions codepoints  read positions as Unicode code points
  --positions utf16       read positions as UTF-16 code units`,
  options: { positions: { type: 'string' } },
  async run(positionals, values, io) {
    const { file, input } = await projectAndInput(positionals, io);
    if (!input) throw new UsageError('import-qdpx: name the .qdpx file to read (see gloss import-qdpx --help)');
    if (!file) throw new UsageError('import-qdpx: name the project file to create, e.g. study.gloss (see gloss import-qdpx --help)');
    noExtraArguments(positionals, 2, 'import-qdpx');
    const asked = optionalString(values, 'positions') ?? 'auto';
    if (!(POSITIONS as readonly string[]).includes(asked)) {
      throw new UsageError(`import-qdpx: --positions must be auto, codepoints or utf16, not ${JSON.stringify(asked)}`);
    }
    const target = path.resolve(file);
    if (target === path.resolve(input)) throw new UsageError('import-qdpx: the project to create must be another file than the .qdpx');
    if (await fileExists(target)) throw new CliError(`${path.basename(file)} already exists; choose another name.`);

    let checked: Awaited<ReturnType<typeof readFileChecked>>;
    try {
      // Refused from its size and first bytes before the rest of it is read.
      checked = await readFileChecked(input, (size, head) => qdpxRefusalBeforeReading(path.basename(input), size, head));
    } catch (e) {
      throw new CliError(`${path.basename(input)}: could not be read: ${fileErrorReason(e, 'reading')}.`);
    }
    if (!checked.ok) throw new CliError(checked.error);
    const bytes = checked.bytes;
    const read = readQdpx(bytes, path.basename(input), { positions: asked as Positions, now: new Date().toISOString(), newId: randomUUID });
    if (!read.ok) throw new CliError(read.error);
    // Written under the new file's lock, and only if no file took its name meanwhile.
    await writeWholeProject(target, async () => ({ project: read.value.file, result: null }), {
      io,
      mustBeNew: true,
      failure: (reason) => `${path.basename(file)}: could not be written: ${reason}.`,
    });
    for (const line of reportLines(read.value.report)) io.out(line);
    return 0;
  },
};
