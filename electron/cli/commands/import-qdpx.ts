/** gloss import-qdpx IN.qdpx FILE [--positions auto|codepoints|utf16] */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { qdpxRefusalBeforeReading, readQdpx } from '../../../shared/formats/refi/qdpx-import';
import { reportLines } from '../../../shared/formats/report';
import { fileErrorReason } from '../../service/fs-reasons';
import { readFileChecked } from '../../service/read-import-files';
import { CliError, UsageError } from '../errors';
import { writeWholeProject } from '../project-session';
import { noExtraArguments, optionalString, type Command } from '../command';

const POSITIONS = ['auto', 'codepoints', 'utf16'] as const;
type Positions = (typeof POSITIONS)[number];

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}

export const importQdpxCommand: Command = {
  name: 'import-qdpx',
  summary: 'read a REFI-QDA project (.qdpx) into a new Gloss project',
  help: `Usage: gloss import-qdpx IN.qdpx FILE [--positions auto|codepoints|utf16]

Reads a REFI-QDA project written by NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette and
creates the new Gloss project FILE from it (an existing file is never replaced): texts,
codes with their hierarchy and colours, codings, notes as memos, users as coders, cases,
variables and sets. Prints what was imported, what was skipped and why (picture, audio,
video and PDF-only sources, selections outside their text), and every change made on the
way. Nothing is written when the file is refused (not a .qdpx, unsafe or damaged).

Options:
  --positions auto        read text positions the way the writing program counts them
                          (NVivo: UTF-16 units; others: code points as the standard says),
                          checked against the quoted text where the file keeps it (default)
  --positions codepoints  read positions as Unicode code points
  --positions utf16       read positions as UTF-16 code units`,
  options: { positions: { type: 'string' } },
  async run(positionals, values, io) {
    const [input, file] = positionals;
    if (!input) throw new UsageError('import-qdpx: name the .qdpx file to read (see gloss import-qdpx --help)');
    if (!file) throw new UsageError('import-qdpx: name the project file to create, e.g. study.gloss (see gloss import-qdpx --help)');
    noExtraArguments(positionals, 2, 'import-qdpx');
    const asked = optionalString(values, 'positions') ?? 'auto';
    if (!(POSITIONS as readonly string[]).includes(asked)) {
      throw new UsageError(`import-qdpx: --positions must be auto, codepoints or utf16, not ${JSON.stringify(asked)}`);
    }
    const target = path.resolve(file);
    if (target === path.resolve(input)) throw new UsageError('import-qdpx: the project to create must be another file than the .qdpx');
    if (await exists(target)) throw new CliError(`${path.basename(file)} already exists; choose another name.`);

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
