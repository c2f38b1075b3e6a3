/**
 * Fuzz target `loader`: the bytes of a `.gloss` file, written to disk and read the way every
 * host opens a project (readProjectFile: stat, sniff, strict UTF-8, JSON, schema, duplicate
 * ids, the project check). Each input must end as a ProjectOpenError that names the file,
 * or as a project for which what the loader promises holds:
 * - it has no duplicate ids and no blocking problem;
 * - it builds a live state, and saving that gives bytes that load again to the same bytes;
 * - Repair leaves no problem it could mend, and what it makes loads again.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type fc from 'fast-check';
import { ProjectOpenError, readProjectFile } from '../../../electron/service/durable-file';
import { checkProject, findDuplicateIds } from '../../../shared/model/check-project';
import { parseProjectBytes } from '../../../shared/model/parse';
import { serializeProject } from '../../../shared/model/serialize';
import { applyChange, fileFromState, stateFromFile } from '../../../shared/model/state';
import { planRepair } from '../../../shared/ops/repair-project';
import type { FuzzTarget, Outcome } from '../fuzz-target';
import { loaderSeeds } from '../loader/seeds';
import { loaderInputs, type LoaderInput } from '../loader/mutations';

const FILE_NAME = 'fuzz.gloss';

/** Refusals grouped for the figures, by what their message says (first match wins). */
const REASONS: readonly [RegExp, string][] = [
  [/^it is not valid JSON/, 'not valid JSON'],
  [/^it is not valid UTF-8/, 'not valid UTF-8'],
  [/^it is not a Gloss project: it holds binary data/, 'binary data'],
  [/^it is not a Gloss project: it is /, 'another format (ZIP, PDF, UTF-16…)'],
  [/^it is not a Gloss project/, 'not a Gloss project (top level, format)'],
  [/^it was written by a newer Gloss/, 'newer format version'],
  [/^version: /, 'no usable version'],
  [/^duplicate id/, 'duplicate id'],
  [/: no (document|code) has id /, 'reference to nothing (coding or parent code)'],
  [/: its chain of parent codes runs in a loop/, 'code parents in a loop'],
  [/\.end: \d+ is past the end of its document/, 'coding past the end of its text'],
  [/: missing \(it should be/, 'a field missing'],
  [/: it should be /, 'a field of the wrong type'],
  [/^[\w.[\]]+: /, 'a field out of range or not one of its values'],
];

/** A refusal's reason, in one of the groups above, or its first words. */
export function reasonOf(message: string): string {
  const reason = message.replace(/^.*? could not be opened: /, '');
  return REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? reason.slice(0, 50);
}

/** A failure of the loader's promises: not a refusal, so it fails the run. */
function broken(what: string): never {
  throw new Error(`the loader accepted a file but ${what}`);
}

function checkAccepted(bytes: Uint8Array): string {
  const file = parseProjectBytes(bytes);
  if (!file.ok) broken(`the same bytes fail to parse in memory (${file.error})`);
  if (findDuplicateIds(file.value).length > 0) broken('it has duplicate ids');
  const check = checkProject(file.value);
  if (check.problems.some((p) => p.blocking)) broken('it has a blocking problem');
  const state = stateFromFile(file.value);
  const saved = serializeProject(fileFromState(state));
  const again = parseProjectBytes(new TextEncoder().encode(saved));
  if (!again.ok) broken(`its save does not load again (${again.error})`);
  if (serializeProject(fileFromState(stateFromFile(again.value))) !== saved) broken('its save changes when loaded and saved again');
  if (check.total === 0) return 'opened';
  const plan = planRepair(state);
  applyChange(state, { patches: plan.patches });
  const repaired = serializeProject(fileFromState(state));
  const reloaded = parseProjectBytes(new TextEncoder().encode(repaired));
  if (!reloaded.ok) broken(`its repair does not load again (${reloaded.error})`);
  const after = checkProject(reloaded.value);
  const left = after.problems.filter((p) => p.repair !== null);
  if (left.length > 0) broken(`Repair left problems it could mend: ${left.map((p) => p.message).join('; ')}`);
  if (after.total !== check.total - check.repairable) broken(`Repair mended ${check.total - after.total} problems, not the ${check.repairable} it could`);
  return after.total === 0 ? 'opened with problems; Repair mended them' : 'opened with problems; Repair mended those it can';
}

let dir = '';

export const target: FuzzTarget<LoaderInput> = {
  name: 'loader',
  summary: 'project files: random bytes, and real projects damaged in their bytes, lines and JSON',
  async setup(): Promise<fc.Arbitrary<LoaderInput>> {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-fuzz-loader-'));
    return loaderInputs(await loaderSeeds(dir));
  },
  async run(input): Promise<Outcome> {
    const file = path.join(dir, FILE_NAME);
    await fs.writeFile(file, input.bytes);
    try {
      await readProjectFile(file);
    } catch (e) {
      if (!(e instanceof ProjectOpenError)) throw e;
      if (!e.message.startsWith(`${FILE_NAME} could not be opened: `) || /undefined|\[object /.test(e.message)) {
        throw new Error(`a refusal that does not say plainly what is wrong: ${e.message}`);
      }
      // The loader writes nothing: the file is exactly what was given.
      if (Buffer.compare(await fs.readFile(file), input.bytes) !== 0) throw new Error('the refused file was changed');
      return { kind: 'refused', detail: reasonOf(e.message) };
    }
    return { kind: 'result', detail: checkAccepted(input.bytes) };
  },
  async keep(input) {
    const file = path.join(os.tmpdir(), `gloss-fuzz-loader-failure-${process.pid}.gloss`);
    await fs.writeFile(file, input.bytes);
    return file;
  },
  async teardown() {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  },
};
