/**
 * The project check: every reference between entities and every offset into a text,
 * listed as problems in plain words. Pure; run by the loader on open and by the app and
 * the CLI to show the user what is wrong.
 *
 * Two kinds of problem:
 * - blocking: the app could not hold the project safely (a coding on a document or code
 *   that is not there, or past the end of its text; a code under a missing parent or in a
 *   loop of parents). The loader refuses the file and leaves it untouched.
 * - reported: the project opens, and the problem is shown with what Repair would do about
 *   it. Nothing is changed until the user asks (see shared/ops/repair-project.ts), and only
 *   what can be mended without losing anything a person wrote is offered.
 *
 * Duplicate ids come before all this (findDuplicateIds): with two entities under one id,
 * no reference can be trusted, so the loader refuses those first.
 */
import type { Code, Coding, GlossDocument, ProjectFile, StructureRange, Table, VariableValue } from './schema';
import { TABLES } from './schema';
import { splitsSurrogatePair } from '../text/quote';
import { plural } from '../plural';

export type ProblemKind =
  // blocking
  | 'coding-document-missing'
  | 'coding-code-missing'
  | 'coding-past-end'
  | 'code-parent-missing'
  | 'code-parent-loop'
  // reported
  | 'coder-missing'
  | 'variable-missing'
  | 'memo-target-missing'
  | 'member-missing'
  | 'member-repeated'
  | 'structure-out-of-range'
  | 'coding-splits-character'
  | 'quote-mismatch';

export interface ProjectProblem {
  kind: ProblemKind;
  /** The entity the problem is on (for a missing coder or variable: the one that is missing). */
  table: Table;
  id: string;
  /** What is wrong, in plain words, naming the entity. */
  message: string;
  /** What Repair does about it; null when it cannot be mended without loss (always so for a blocking one). */
  repair: string | null;
  /** The loader refuses a file with this problem. */
  blocking: boolean;
}

export interface ProjectCheck {
  /** The problems found, in the order of the file's tables (at most the limit asked for). */
  problems: ProjectProblem[];
  /** How many there are in all. */
  total: number;
  /** How many of them Repair can mend (those whose `repair` is not null). */
  repairable: number;
}

/** A check that found nothing. */
export const NO_PROBLEMS: ProjectCheck = { problems: [], total: 0, repairable: 0 };

/** Ids used by more than one entity of a table, with the entries (0-based) that use them. */
export interface DuplicateId {
  table: Table;
  id: string;
  entries: number[];
}

/** Every id that more than one entity of the same table has. Ids are per table: a code may share an id with a document. */
export function findDuplicateIds(file: Pick<ProjectFile, Table>): DuplicateId[] {
  const out: DuplicateId[] = [];
  for (const table of TABLES) {
    const rows = file[table] as readonly { id: string }[];
    // One Set per table and no per-id lists: a 70 MB project has 100,000 codings, and the
    // entries of a repeated id are only gathered once one is found.
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.id)) repeated.add(row.id);
      else seen.add(row.id);
    }
    if (repeated.size === 0) continue;
    const entries = new Map<string, number[]>([...repeated].map((id) => [id, []]));
    for (const [i, row] of rows.entries()) entries.get(row.id)?.push(i);
    for (const [id, list] of entries) out.push({ table, id, entries: list });
  }
  return out;
}

/** "entries 4 and 9", "entries 0, 1 and 2". */
export function describeDuplicate(d: DuplicateId): string {
  const list = d.entries.length === 2 ? `${d.entries[0]} and ${d.entries[1]}` : `${d.entries.slice(0, -1).join(', ')} and ${d.entries.at(-1)}`;
  return `duplicate id ${d.id} in ${d.table}, entries ${list}`;
}

/** Names in messages are quoted and kept short, so one odd name cannot flood a message. */
const NAME_LENGTH = 60;
export function quoted(name: string): string {
  return `“${name.length > NAME_LENGTH ? `${name.slice(0, NAME_LENGTH - 1)}…` : name}”`;
}

/** Colour of a coder Repair adds for ids no coder has: a neutral grey, like the sample's coder. */
export const RECOVERED_COLOR = '#7f7f7f';

/** The name Repair gives a coder or variable that was referred to but missing: its id, shortened. */
export function recoveredName(what: 'Coder' | 'Variable', id: string): string {
  return `${what} ${id.length > 13 ? `${id.slice(0, 12)}…` : id}`;
}

/** A structure range inside [0, length] with its ends in order: what Repair makes of it. */
export function rangeInText(range: StructureRange, length: number): StructureRange {
  const start = Math.min(range.start, range.end, length);
  const end = Math.min(Math.max(range.start, range.end), length);
  return start === range.start && end === range.end ? range : { ...range, start, end };
}

/** The smallest span holding [start, end) that splits no character (the text must hold [start, end)). */
export function wholeCharacters(text: string, start: number, end: number): { start: number; end: number } {
  return { start: splitsSurrogatePair(text, start) ? start - 1 : start, end: splitsSurrogatePair(text, end) ? end + 1 : end };
}

/** The type Repair gives a variable rebuilt from its values: the one they all have, else text. */
export function typeOfValues(values: readonly VariableValue[]): 'text' | 'number' | 'boolean' {
  const present = values.filter((v) => v !== null);
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return 'number';
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  return 'text';
}


/** Lists found problems up to a limit while still counting all of them. */
class Problems {
  readonly list: ProjectProblem[] = [];
  total = 0;
  repairable = 0;
  constructor(private readonly limit: number) {}
  add(problem: ProjectProblem): void {
    this.total++;
    if (problem.repair !== null) this.repairable++;
    if (this.list.length < this.limit) this.list.push(problem);
  }
}

/**
 * The index of a code whose chain of parents comes back to itself, or null. A loop would
 * hide its codes from every tree (the codes pane, exports) while their codings stay.
 */
function parentLoop(codes: readonly Code[]): number | null {
  const parentOf = new Map(codes.map((c) => [c.id, c.parentId]));
  /** Codes known to reach the top: their chains need no second walk. */
  const rooted = new Set<string>();
  for (const [i, code] of codes.entries()) {
    const seen = new Set<string>();
    let at: string | null = code.id;
    while (at !== null && !rooted.has(at)) {
      if (seen.has(at)) return i;
      seen.add(at);
      at = parentOf.get(at) ?? null;
    }
    for (const id of seen) rooted.add(id);
  }
  return null;
}

/** "Coding 3f2… (“x” in “Interview 1”, 10–20)". */
function describeCoding(coding: Coding, doc: GlossDocument, code: Code): string {
  return `Coding ${coding.id} (${quoted(code.name)} in ${quoted(doc.name)}, ${coding.start}–${coding.end})`;
}

/**
 * Every problem in `file`, blocking ones and reported ones, at most `limit` listed. The
 * file must have passed the schema and have no duplicate ids.
 */
export function checkProject(file: ProjectFile, limit = Number.POSITIVE_INFINITY): ProjectCheck {
  const found = new Problems(limit);
  const documents = new Map(file.documents.map((d) => [d.id, d]));
  const codes = new Map(file.codes.map((c) => [c.id, c]));
  const coders = new Set(file.coders.map((c) => c.id));
  const variables = new Set(file.variables.map((v) => v.id));

  // Blocking: the code tree and the codings' anchors. Messages give the JSON path, like the
  // schema's, since the user may have to mend these by hand.
  for (const [i, code] of file.codes.entries()) {
    if (code.parentId !== null && !codes.has(code.parentId)) {
      found.add({ kind: 'code-parent-missing', table: 'codes', id: code.id, message: `codes[${i}].parentId: no code has id ${code.parentId}`, repair: null, blocking: true });
    }
  }
  const loop = parentLoop(file.codes);
  if (loop !== null) {
    found.add({ kind: 'code-parent-loop', table: 'codes', id: file.codes[loop]!.id, message: `codes[${loop}].parentId: its chain of parent codes runs in a loop`, repair: null, blocking: true });
  }

  // One pass over the codings, which a big project has 100,000 of, allocating nothing for a
  // sound one: blocking problems are listed at once; the reported ones, rare, are kept to be
  // listed in their place below; coders are counted; codings memos are on are marked.
  const missingCoders = new Map<string, { codings: number; memos: number }>();
  const coderUse = (id: string, what: 'codings' | 'memos') => {
    if (coders.has(id)) return;
    const use = missingCoders.get(id) ?? { codings: 0, memos: 0 };
    use[what]++;
    missingCoders.set(id, use);
  };
  const memoCodings = new Set<string>();
  for (const memo of file.memos) if (memo.target.kind === 'coding') memoCodings.add(memo.target.id);
  const codingsWithMemos = new Set<string>();
  const codingProblems: ProjectProblem[] = [];
  for (let i = 0; i < file.codings.length; i++) {
    const coding = file.codings[i]!;
    coderUse(coding.coderId, 'codings');
    if (memoCodings.has(coding.id)) codingsWithMemos.add(coding.id);
    const doc = documents.get(coding.documentId);
    const code = codes.get(coding.codeId);
    if (!doc || !code || coding.end > doc.text.length) {
      const blocking = (kind: ProblemKind, message: string) => found.add({ kind, table: 'codings', id: coding.id, message, repair: null, blocking: true });
      if (!doc) blocking('coding-document-missing', `codings[${i}].documentId: no document has id ${coding.documentId}`);
      if (!code) blocking('coding-code-missing', `codings[${i}].codeId: no code has id ${coding.codeId}`);
      if (doc && coding.end > doc.text.length) {
        blocking('coding-past-end', `codings[${i}].end: ${coding.end} is past the end of its document (${doc.text.length} characters)`);
      }
      continue;
    }
    // A coding waiting for review stands on a guessed span by design; its quote is the one
    // it was made on, which the reviewer needs, so only a split character is mended there.
    if (!coding.needsReview && coding.quote !== doc.text.slice(coding.start, coding.end)) {
      codingProblems.push({
        kind: 'quote-mismatch',
        table: 'codings',
        id: coding.id,
        message: `${describeCoding(coding, doc, code)}: the text there is not the text it was made on (${quoted(coding.quote)}).`,
        repair: 'moves it to where that text is, or, if it is nowhere to be found, marks it for review',
        blocking: false,
      });
    } else if (splitsSurrogatePair(doc.text, coding.start) || splitsSurrogatePair(doc.text, coding.end)) {
      const whole = wholeCharacters(doc.text, coding.start, coding.end);
      codingProblems.push({
        kind: 'coding-splits-character',
        table: 'codings',
        id: coding.id,
        message: `${describeCoding(coding, doc, code)} splits a character in two.`,
        repair: `widens it to ${whole.start}–${whole.end}, the whole character`,
        blocking: false,
      });
    }
  }

  // Reported: references that lead nowhere, and offsets that are in the text but wrong.
  for (const memo of file.memos) coderUse(memo.coderId, 'memos');
  for (const [id, use] of missingCoders) {
    const by = [use.codings ? plural(use.codings, 'coding') : '', use.memos ? plural(use.memos, 'memo') : ''].filter(Boolean).join(' and ');
    found.add({
      kind: 'coder-missing',
      table: 'coders',
      id,
      message: `Coder ${id} made ${by}, but is not in the project's list of coders.`,
      repair: `adds a coder named ${quoted(recoveredName('Coder', id))} with that id`,
      blocking: false,
    });
  }

  const missingVariables = new Map<string, { documents: number; cases: number }>();
  const variableUse = (values: Record<string, VariableValue>, what: 'documents' | 'cases') => {
    for (const key of Object.keys(values)) {
      if (variables.has(key)) continue;
      const use = missingVariables.get(key) ?? { documents: 0, cases: 0 };
      use[what]++;
      missingVariables.set(key, use);
    }
  };
  for (const doc of file.documents) variableUse(doc.attributes, 'documents');
  for (const c of file.cases) variableUse(c.values, 'cases');
  for (const [id, use] of missingVariables) {
    const where = [use.documents ? plural(use.documents, 'document') : '', use.cases ? plural(use.cases, 'case') : ''].filter(Boolean).join(' and ');
    // No variable can have an empty id, so values kept under one stay as they are: dropping
    // them would lose them, and nothing else can hold them.
    found.add(
      id === ''
        ? { kind: 'variable-missing', table: 'variables', id, message: `${where} hold values under an empty variable id, which no variable can have; they are kept as they are.`.replace(/^./, (c) => c.toUpperCase()), repair: null, blocking: false }
        : {
            kind: 'variable-missing',
            table: 'variables',
            id,
            message: `Variable ${id} has values in ${where}, but is not in the project's list of variables.`,
            repair: `adds a variable named ${quoted(recoveredName('Variable', id))} with that id, so its values are kept`,
            blocking: false,
          },
    );
  }

  for (const doc of file.documents) {
    for (const [i, range] of doc.structure.entries()) {
      const fixed = rangeInText(range, doc.text.length);
      if (fixed === range) continue;
      const reversed = range.start > range.end;
      found.add({
        kind: 'structure-out-of-range',
        table: 'documents',
        id: doc.id,
        message: reversed
          ? `Document ${quoted(doc.name)}: its reading structure (${range.kind} ${i + 1}, ${range.start}–${range.end}) ends before it starts.`
          : `Document ${quoted(doc.name)}: its reading structure (${range.kind} ${i + 1}, ${range.start}–${range.end}) runs past the end of the text (${doc.text.length} characters).`,
        repair: `sets that ${range.kind} to ${fixed.start}–${fixed.end}`,
        blocking: false,
      });
    }
  }

  for (const problem of codingProblems) found.add(problem);

  for (const memo of file.memos) {
    const target = memo.target;
    if (target.kind === 'project') continue;
    const exists = target.kind === 'document' ? documents.has(target.id) : target.kind === 'code' ? codes.has(target.id) : codingsWithMemos.has(target.id);
    if (exists) continue;
    found.add({
      kind: 'memo-target-missing',
      table: 'memos',
      id: memo.id,
      message: `Memo ${quoted(memo.title || memo.text || memo.id)} is on ${target.kind} ${target.id}, which is not in the project, so it is shown nowhere.`,
      repair: 'makes it a memo on the project, where it is shown',
      blocking: false,
    });
  }

  const members = (table: 'cases' | 'sets', id: string, name: string, memberIds: readonly string[], exists: (id: string) => boolean, what: string) => {
    const seen = new Set<string>();
    for (const member of memberIds) {
      if (!exists(member)) {
        found.add({
          kind: 'member-missing',
          table,
          id,
          message: `${table === 'cases' ? 'Case' : 'Set'} ${quoted(name)} lists ${what} ${member}, which is not in the project.`,
          repair: `takes ${member} off the list`,
          blocking: false,
        });
      } else if (seen.has(member)) {
        found.add({
          kind: 'member-repeated',
          table,
          id,
          message: `${table === 'cases' ? 'Case' : 'Set'} ${quoted(name)} lists ${what} ${member} twice.`,
          repair: 'keeps it on the list once',
          blocking: false,
        });
      }
      seen.add(member);
    }
  };
  for (const c of file.cases) members('cases', c.id, c.name, c.documentIds, (id) => documents.has(id), 'document');
  for (const s of file.sets) {
    if (s.kind === 'documents') members('sets', s.id, s.name, s.memberIds, (id) => documents.has(id), 'document');
    else members('sets', s.id, s.name, s.memberIds, (id) => codes.has(id), 'code');
  }

  return { problems: found.list, total: found.total, repairable: found.repairable };
}

/** The blocking problems of a check, worded as one refusal (the first few, then a count). */
export function describeBlocking(problems: readonly ProjectProblem[], shown = 5): string | null {
  const blocking = problems.filter((p) => p.blocking);
  if (blocking.length === 0) return null;
  const listed = blocking.slice(0, shown).map((p) => p.message);
  if (blocking.length > shown) listed.push(`and ${blocking.length - shown} more`);
  return listed.join('; ');
}
