/**
 * The tables the analysis views read, packed for the trip to the task worker (as
 * agreement-tables.ts packs agreement's). A structured clone of the live codings map
 * copies every coding with its quote and context, and rebuilding a map keyed by 100,000
 * coding ids costs the worker more than the views' own counting. The views read five
 * fields of a coding, so codings go as one Int32Array (document, code and coder as indexes
 * into lists of the ids that occur, then start and end); their ids stay with the host,
 * and a coding in the worker is named by its place in the array (a reply that names
 * codings is translated back by the host, see codingIdsOf). The small tables (codes,
 * cases, sets, variables, coders, summaries) go as they are.
 *
 * Texts are not part of the tables: a request that reads them (co-occurrence within the
 * paragraph, retrieval) sends them through the lane's memo (worker-texts.ts), once per
 * version; the rest read only each document's length, which the tables carry.
 */
import type { Case, Code, Coder, Coding, GlossDocument, GlossSet, ProjectMeta, Summary, Variable } from '../../../shared/model/schema';
import type { FrameworkState } from '../../../shared/analysis/framework';
import { textsOf, type TextEntry } from './worker-texts';

/** Numbers per coding in `codings`: document, code and coder (indexes into the key lists), start, end. */
const STRIDE = 5;

/** A document as sent: what the views read of it, its text apart. */
export interface PackedDocument {
  id: string;
  name: string;
  attributes: GlossDocument['attributes'];
  structure: GlossDocument['structure'];
  length: number;
}

export interface PackedAnalysisTables {
  project: ProjectMeta;
  documents: PackedDocument[];
  codes: Code[];
  coders: Coder[];
  cases: Case[];
  sets: GlossSet[];
  variables: Variable[];
  summaries: Summary[];
  /** The distinct document, code and coder ids the codings name (a coding may name one the tables lack). */
  keys: { documents: string[]; codes: string[]; coders: string[] };
  codings: Int32Array;
}

function keyList(): { list: string[]; at: (key: string) => number } {
  const list: string[] = [];
  const index = new Map<string, number>();
  return {
    list,
    at: (key) => {
      let i = index.get(key);
      if (i === undefined) {
        i = list.length;
        index.set(key, i);
        list.push(key);
      }
      return i;
    },
  };
}

/**
 * The tables as they are now, packed (a copy: an edit made while the worker counts cannot
 * reach it), and the ids of the codings in the order they are packed, which the host keeps.
 */
export function packAnalysisTables(state: Readonly<FrameworkState>): { tables: PackedAnalysisTables; codingIds: string[] } {
  const docs = [...state.documents.values()];
  const documentKeys = keyList();
  for (const doc of docs) documentKeys.at(doc.id);
  const codeKeys = keyList();
  const coderKeys = keyList();
  const codings = new Int32Array(state.codings.size * STRIDE);
  const codingIds = new Array<string>(state.codings.size);
  let n = 0;
  for (const coding of state.codings.values()) {
    const at = n * STRIDE;
    codings[at] = documentKeys.at(coding.documentId);
    codings[at + 1] = codeKeys.at(coding.codeId);
    codings[at + 2] = coderKeys.at(coding.coderId);
    codings[at + 3] = coding.start;
    codings[at + 4] = coding.end;
    codingIds[n++] = coding.id;
  }
  const tables: PackedAnalysisTables = {
    project: state.project,
    documents: docs.map((d) => ({ id: d.id, name: d.name, attributes: d.attributes, structure: d.structure, length: d.text.length })),
    codes: [...state.codes.values()],
    coders: [...state.coders.values()],
    cases: [...state.cases.values()],
    sets: [...state.sets.values()],
    variables: [...state.variables.values()],
    summaries: [...state.summaries.values()],
    keys: { documents: documentKeys.list, codes: codeKeys.list, coders: coderKeys.list },
    codings,
  };
  return { tables, codingIds };
}

/**
 * A stand-in for a text the worker was not sent: its length, which is all a request
 * without texts reads. Anything else read of it fails loudly rather than counting wrong.
 */
const lengthOnly = (length: number) => ({ length }) as unknown as string;

/** The codings indexes only the host's look-ups read; a computation in the worker that reached for one is a bug. */
function notInWorker(): never {
  throw new Error('the analysis worker keeps no index of codings by document or code');
}

/**
 * The tables back as the shared computations read them (the worker's side). A coding's id
 * is its place in the packed array, as a string; its words are never needed here.
 */
export function unpackAnalysisTables(packed: PackedAnalysisTables): FrameworkState {
  const documents = new Map<string, GlossDocument>(
    packed.documents.map((d) => [d.id, { id: d.id, name: d.name, attributes: d.attributes, structure: d.structure, text: lengthOnly(d.length) } as GlossDocument]),
  );
  const { keys } = packed;
  const c = packed.codings;
  const codings = new Map<string, Coding>();
  for (let i = 0, at = 0; at < c.length; i++, at += STRIDE) {
    const id = String(i);
    codings.set(id, { id, documentId: keys.documents[c[at]!]!, codeId: keys.codes[c[at + 1]!]!, coderId: keys.coders[c[at + 2]!]!, start: c[at + 3]!, end: c[at + 4]! } as Coding);
  }
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
  return workerState({
    project: packed.project,
    documents,
    codings,
    codes: byId(packed.codes),
    coders: byId(packed.coders),
    cases: byId(packed.cases),
    sets: byId(packed.sets),
    variables: byId(packed.variables),
    summaries: byId(packed.summaries),
  });
}

type Tables = Omit<FrameworkState, 'codingsByDocument' | 'codingsByCode'>;

/** The tables as a state whose coding indexes fail loudly when read. */
function workerState(tables: Tables): FrameworkState {
  return Object.defineProperties(tables, { codingsByDocument: { get: notInWorker }, codingsByCode: { get: notInWorker } }) as FrameworkState;
}

/** `state` with the texts of `entries` (in the order of its documents): for a request that reads them. */
export function withTexts(state: FrameworkState, entries: readonly TextEntry[]): FrameworkState {
  const texts = textsOf(entries);
  const documents = new Map<string, GlossDocument>();
  entries.forEach((entry, i) => {
    const doc = state.documents.get(entry.id);
    if (doc) documents.set(entry.id, { ...doc, text: texts[i]! });
  });
  const { project, codings, codes, coders, cases, sets, variables, summaries } = state;
  return workerState({ project, documents, codings, codes, coders, cases, sets, variables, summaries });
}

/** The host's ids of codings the worker named by place. */
export function codingIdsOf(places: readonly string[], codingIds: readonly string[]): string[] {
  return places.map((place) => codingIds[Number(place)]!);
}
