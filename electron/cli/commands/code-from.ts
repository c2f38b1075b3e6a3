/**
 * gloss code FILE --from CODINGS.csv|- : reads the file (or standard input), checks every
 * row against the project and applies them in one session, so one locked write; prints
 * what was applied and names each bad row by its line (see batch-coding.ts).
 */
import path from 'node:path';
import type { Coder } from '../../../shared/model/schema';
import { binaryStart, decodeText } from '../../../shared/import/decode-text';
import { MAX_CODINGS_CSV_BYTES, SNIFF_BYTES } from '../../../shared/import/limits';
import { sizeInWords } from '../../../shared/import/sizes';
import { CODINGS_COLUMNS, readCodingsCsv } from '../../../shared/formats/codings-csv';
import { plural } from '../../../shared/plural';
import type { ProjectService } from '../../service/project-service';
import { fileErrorReason } from '../../service/fs-reasons';
import { readFileChecked } from '../../service/read-import-files';
import { CliError, UsageError, quoted } from '../errors';
import { changeProject, chosenCoder } from '../project-session';
import { BatchRefused, applyCodingRows, type BatchResult } from '../batch-coding';
import { labelOf, type CliIo, type OptionValues } from '../command';

/** The options that name one passage, which --from replaces. */
const SINGLE_OPTIONS = ['doc', 'code', 'quote', 'occurrence', 'start', 'end'] as const;

/** Why bytes of this size and start are no codings file, or null (checked before a named file is read whole). */
function refusal(source: string, size: number, head?: Uint8Array): string | null {
  if (size > MAX_CODINGS_CSV_BYTES) {
    return `${source}: it is ${sizeInWords(size)}, more than a codings CSV holds (Gloss reads up to ${sizeInWords(MAX_CODINGS_CSV_BYTES)}); is it the right file? Nothing was coded`;
  }
  const binary = head ? binaryStart(head.subarray(0, SNIFF_BYTES)) : null;
  return binary ? `${source}: ${binary}; nothing was coded` : null;
}

/** The bytes of the codings file, or of standard input for `-`. */
async function readCodingsFile(from: string, source: string, io: CliIo): Promise<Uint8Array> {
  if (from === '-') {
    if (!io.readStdin) throw new CliError('code: --from - reads standard input, and there is none here; name the CSV file instead');
    const bytes = await io.readStdin();
    const refused = refusal(source, bytes.length, bytes);
    if (refused) throw new CliError(refused);
    return bytes;
  }
  let checked: Awaited<ReturnType<typeof readFileChecked>>;
  try {
    checked = await readFileChecked(from, (size, head) => refusal(source, size, head));
  } catch (e) {
    throw new CliError(`${source}: ${fileErrorReason(e, 'reading')}; nothing was coded`);
  }
  if (!checked.ok) throw new CliError(checked.error);
  return checked.bytes;
}

/** Applies every coding of a CSV (gloss code FILE --from …) in one write. */
export async function codeFrom(file: string, from: string, values: OptionValues, io: CliIo): Promise<number> {
  for (const option of SINGLE_OPTIONS) {
    if (values[option] !== undefined) throw new UsageError(`code: --${option} names one passage; with --from, every coding comes from the file`);
  }
  const source = from === '-' ? 'standard input' : path.basename(from);
  const decoded = decodeText(await readCodingsFile(from, source, io));
  if (!decoded.ok) throw new CliError(`${source}: ${decoded.error}; nothing was coded`);
  const table = readCodingsCsv(decoded.value.text);
  if (!table.ok) throw new CliError(`${source}: ${table.error}; nothing was coded`);
  if (table.value.ignored.length > 0) {
    io.err(`gloss: ${source}: ${table.value.ignored.length === 1 ? 'the column' : 'the columns'} ${table.value.ignored.map((c) => quoted(c)).join(', ')} ${table.value.ignored.length === 1 ? 'is' : 'are'} not read (Gloss reads ${CODINGS_COLUMNS.join(', ')})`);
  }
  const options = { createCodes: values['create-codes'] === true, skipBad: values['skip-bad'] === true };
  const choose = chosenCoder(values);
  let coder: Coder | undefined;
  let result: BatchResult;
  try {
    result = await changeProject(
      file,
      async (project) => (coder = await choose(project)),
      (service: ProjectService) => applyCodingRows(service, table.value.rows, table.value.problems, { ...options, coder: coder! }),
      { io },
    );
  } catch (e) {
    // A row the project refused while applying: the session took every step back.
    if (!(e instanceof BatchRefused)) throw e;
    result = { applied: [], problems: e.problems, codesCreated: 0, memosAdded: 0 };
  }
  const written = options.skipBad || result.problems.length === 0;
  for (const problem of result.problems) io.err(`gloss: ${source} line ${problem.line}: ${problem.message}`);
  if (values.json) {
    io.out(
      JSON.stringify({
        written,
        applied: result.applied.map((a) => ({ line: a.line, id: a.codingId, new: a.fresh })),
        problems: result.problems.map((p) => ({ line: p.line, error: p.message })),
        codesCreated: result.codesCreated,
        memosAdded: result.memosAdded,
      }),
    );
  } else if (written) {
    io.out(appliedSummary(labelOf(file), source, result));
  }
  if (result.problems.length === 0) return 0;
  const bad = plural(result.problems.length, 'row');
  io.err(
    written
      ? `gloss: ${bad} skipped (--skip-bad); the other rows were applied`
      : `gloss: ${bad} could not be applied, so nothing was coded; fix ${result.problems.length === 1 ? 'it' : 'them'}, or add --skip-bad to apply the other rows`,
  );
  return 1;
}

/** One line saying what a batch applied: "study.gloss: 3 rows applied from c.csv (2 new codings, 1 already there; 1 code created)". */
function appliedSummary(label: string, source: string, result: BatchResult): string {
  const fresh = result.applied.filter((a) => a.fresh).length;
  const parts = [plural(fresh, 'new coding')];
  if (fresh < result.applied.length) parts.push(`${result.applied.length - fresh} already there`);
  const extras = [];
  if (result.codesCreated > 0) extras.push(`${plural(result.codesCreated, 'code')} created`);
  if (result.memosAdded > 0) extras.push(`${plural(result.memosAdded, 'memo')} added`);
  return `${label}: ${plural(result.applied.length, 'row')} applied from ${source} (${parts.join(', ')}${extras.length ? `; ${extras.join(', ')}` : ''})`;
}
