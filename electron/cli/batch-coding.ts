/**
 * Applying many codings in one command (gloss code --from): every row is checked against
 * the project first (its document, its code, its passage), and only then is anything
 * applied, so a file with a bad row changes nothing unless the caller chose to skip bad
 * rows. The caller holds the project open in one session, so all of it is one write.
 */
import type { Coder } from '../../shared/model/schema';
import type { ProjectState } from '../../shared/model/state';
import type { CodingRow, RowProblem } from '../../shared/formats/codings-csv';
import type { ProjectService } from '../service/project-service';
import { newCoder } from '../service/settings';
import { quoted } from './errors';
import { findCode, matchDocument } from './lookup';
import { locatePassage } from './passage';

export interface BatchOptions {
  /** Create codes the project lacks (by name or path); without it such a row is a problem. */
  createCodes: boolean;
  /** Apply the good rows when some are bad; without it a bad row stops everything. */
  skipBad: boolean;
  /** Who codes a row that names no coder. */
  coder: Coder;
}

/** A row applied: the coding it made, or the same coding that was already there. */
export interface AppliedRow {
  line: number;
  codingId: string;
  /** The coding is new; false when the project had it already (the file was run before). */
  fresh: boolean;
}

export interface BatchResult {
  applied: AppliedRow[];
  /** Rows that were not applied, and why, in line order. */
  problems: RowProblem[];
  codesCreated: number;
  memosAdded: number;
}

/** Bad rows found while applying: thrown so that the session takes every step back. */
export class BatchRefused extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(`${problems.length} rows could not be applied`);
    this.name = 'BatchRefused';
  }
}

/** A row whose document and passage were found, ready to apply. */
interface ReadyRow {
  row: CodingRow;
  documentId: string;
  start: number;
  end: number;
}

/** Checks `rows` against `state`; what can be applied, and the problems of the rest. */
function checkRows(state: Readonly<ProjectState>, rows: readonly CodingRow[], createCodes: boolean): { ready: ReadyRow[]; problems: RowProblem[] } {
  const ready: ReadyRow[] = [];
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const problem = (message: string) => problems.push({ line: row.line, message });
    const doc = matchDocument(state, row.document);
    if (!doc.ok) {
      problem(doc.error);
      continue;
    }
    const target = findCode(state, row.code);
    if (target.missing.length > 0 && !createCodes) {
      problem(`no code named ${quoted(row.code)} (add --create-codes to create the codes a row names, or name a code as in \`gloss info\`)`);
      continue;
    }
    if (target.existing && target.missing.length === 0 && !target.existing.codable) {
      problem(`${quoted(target.existing.name)} is a folder of codes and cannot be applied to text`);
      continue;
    }
    const span = locatePassage(doc.value, row.passage, { start: 'start', end: 'end' });
    if (!span.ok) {
      problem(span.error);
      continue;
    }
    ready.push({ row, documentId: doc.value.id, ...span.value });
  }
  return { ready, problems };
}

/**
 * Applies `rows` to `service` (whose changes the caller writes once). `earlier` are the
 * problems found while reading the file. Unless `skipBad`, any problem means nothing is
 * applied: found before applying, nothing is run; found while applying (an operation the
 * project refuses), BatchRefused is thrown for the session to take everything back.
 */
export function applyCodingRows(service: ProjectService, rows: readonly CodingRow[], earlier: readonly RowProblem[], options: BatchOptions): BatchResult {
  const checked = checkRows(service.current, rows, options.createCodes);
  const problems = [...earlier, ...checked.problems];
  const result: BatchResult = { applied: [], problems, codesCreated: 0, memosAdded: 0 };
  if (problems.length > 0 && !options.skipBad) return sorted(result);

  const coders = new CoderByName(service.current, options.coder);
  const memoTexts = memoTextsByCoding(service.current);
  const late: RowProblem[] = [];
  for (const { row, documentId, start, end } of checked.ready) {
    service.setCoder(coders.get(row.coder));
    const codeId = codeFor(service, row, result);
    const applied = typeof codeId === 'string' ? service.run({ type: 'applyCode', documentId, start, end, codeId }) : codeId;
    if (!applied.ok) {
      late.push({ line: row.line, message: lowerFirst(applied.error) });
      continue;
    }
    const codingId = applied.created.codingId!;
    result.applied.push({ line: row.line, codingId, fresh: applied.change.patches.length > 0 });
    if (row.memo !== null && !memoTexts.get(codingId)?.has(row.memo)) {
      const memo = service.run({ type: 'addMemo', target: { kind: 'coding', id: codingId }, title: '', text: row.memo });
      if (!memo.ok) {
        late.push({ line: row.line, message: `the memo could not be added: ${lowerFirst(memo.error)}` });
        continue;
      }
      result.memosAdded++;
      memoTexts.set(codingId, (memoTexts.get(codingId) ?? new Set()).add(row.memo));
    }
  }
  service.setCoder(options.coder);
  if (late.length > 0 && !options.skipBad) throw new BatchRefused(sorted({ ...result, problems: [...problems, ...late] }).problems);
  return sorted({ ...result, problems: [...problems, ...late] });
}

/**
 * The id of the code a row names, creating the codes its path lacks (found again at each
 * row, so that codes created for one row serve the next, in any capitalisation); or the
 * refusal of a step that could not be taken.
 */
function codeFor(service: ProjectService, row: CodingRow, result: BatchResult): string | { ok: false; error: string } {
  const target = findCode(service.current, row.code);
  let codeId = target.existing?.id ?? null;
  for (const name of target.missing) {
    const created = service.run({ type: 'createCode', name, parentId: codeId });
    if (!created.ok) return created;
    codeId = created.created.codeId!;
    result.codesCreated++;
  }
  return codeId ?? { ok: false, error: `the code ${quoted(row.code)} could not be created` };
}

/**
 * Coders named in the rows. A name that codes in the project is that coder (same id and
 * colour); the command's own coder answers to its name; any other name is a new coder, one
 * per name, and not saved as the person's own in Gloss's settings.
 */
class CoderByName {
  private readonly known = new Map<string, Coder>();

  constructor(
    state: Readonly<ProjectState>,
    private readonly fallback: Coder,
  ) {
    for (const coder of state.coders.values()) if (!this.known.has(coder.name)) this.known.set(coder.name, coder);
    if (!this.known.has(fallback.name)) this.known.set(fallback.name, fallback);
  }

  get(name: string | null): Coder {
    if (name === null) return this.fallback;
    let coder = this.known.get(name);
    if (!coder) {
      coder = newCoder(name);
      this.known.set(name, coder);
    }
    return coder;
  }
}

/** The texts of the memos on each coding, so that running the same file twice adds no memo twice. */
function memoTextsByCoding(state: Readonly<ProjectState>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const memo of state.memos.values()) {
    if (memo.target.kind !== 'coding') continue;
    const texts = out.get(memo.target.id) ?? new Set<string>();
    out.set(memo.target.id, texts.add(memo.text));
  }
  return out;
}

function sorted(result: BatchResult): BatchResult {
  return { ...result, problems: [...result.problems].sort((a, b) => a.line - b.line) };
}

/** A service message ("There is no…") inside a sentence. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
