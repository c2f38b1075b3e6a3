/**
 * The real project files the loader fuzzer mutates: the shipped sample (built from
 * build/sample as the app builds it), the test fixtures' projects (emoji offsets, hostile
 * names, attributes spelt like prototype traps), a project made of every text importer's
 * fixture with its reading structure, a small synthetic project like the bench's, one with
 * problems the check reports, and the same files pretty-printed, with a BOM and CRLF.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import type { ProjectFile } from '../../../shared/model/schema';
import { applyChange, emptyProjectFile, fileFromState, stateFromFile, type ProjectState } from '../../../shared/model/state';
import { serializeProject } from '../../../shared/model/serialize';
import { planOp } from '../../../shared/ops/plan';
import type { OpRequest } from '../../../shared/ops/requests';
import { readDocument } from '../../../shared/import/registry';
import { smallProject } from '../../../shared/model/fixtures/small-project';
import { exportProjectFile } from '../../../shared/export/fixtures/export-project';
import { syntheticProject } from '../../bench/synthetic-project';
import { ensureSampleCopy } from '../../../electron/service/sample';

const IMPORT_FIXTURES = fileURLToPath(new URL('../../../shared/import/fixtures/', import.meta.url));
const TEXT_FIXTURES = ['page.html', 'interview.vtt', 'interview.srt', 'notes.rtf', 'utf8.txt', 'windows-1252.txt', 'mixed-newlines.txt'];
const CODER = { id: 'fuzz-coder', name: 'Fuzz', color: '#123456' };

function run(state: ProjectState, request: OpRequest): string[] {
  const planned = planOp(state, request, { now: '2026-01-01T00:00:00.000Z', newId: randomUUID, coder: CODER });
  if (!planned.ok) throw new Error(`building a fuzz seed: ${planned.error}`);
  applyChange(state, planned.value.change);
  const { codingId, codeId, memoId, documentIds } = planned.value.created;
  return [codingId, codeId, memoId, ...(documentIds ?? [])].filter((id): id is string => !!id);
}

/** Every text importer's fixture as a document with its structure, each coded on a few words, with memos, a case, a set and variables. */
async function importedProject(): Promise<ProjectFile> {
  const state = stateFromFile(emptyProjectFile('Imported fixtures', '2026-01-01T00:00:00.000Z'));
  const documents = [];
  for (const name of TEXT_FIXTURES) {
    const bytes = new Uint8Array(await fs.readFile(path.join(IMPORT_FIXTURES, name)));
    const read = await readDocument(bytes, name);
    if (read.ok) documents.push({ name, text: read.value.text, source: null, structure: read.value.structure });
  }
  const ids = run(state, { type: 'addDocuments', documents });
  for (const [i, documentId] of ids.entries()) {
    const text = state.documents.get(documentId)!.text;
    for (const match of [...text.matchAll(/\p{L}{4,}/gu)].filter((_, k) => k % 7 === 0).slice(0, 6)) {
      const [codingId] = run(state, { type: 'applyCode', documentId, start: match.index, end: match.index + match[0].length, newCodeName: `code ${i % 3}` });
      if (codingId && i % 2 === 0) run(state, { type: 'addMemo', target: { kind: 'coding', id: codingId }, title: 'why', text: match[0] });
    }
  }
  const file = fileFromState(state);
  file.variables.push({ id: 'v-region', name: 'Region', type: 'text', description: '' }, { id: '__proto__', name: 'Odd id', type: 'number', description: '' });
  file.documents[0]!.attributes = Object.fromEntries([['v-region', 'north'], ['__proto__', 3]]);
  file.cases.push({ id: 'case-1', name: 'Person 1', description: '', documentIds: ids.slice(0, 2), values: Object.fromEntries([['__proto__', 1]]) });
  file.sets.push({ id: 'set-1', name: 'Transcripts', description: '', kind: 'documents', memberIds: ids.slice(1, 3) });
  return file;
}

/** A project that opens with a problem of every kind the check reports. */
function damagedProject(): ProjectFile {
  const file = smallProject();
  file.coders = [];
  file.memos[0]!.target = { kind: 'document', id: 'deleted' };
  file.sets[0]!.memberIds.push('deleted', 'd1');
  file.documents[1]!.structure.push({ kind: 'heading', start: 9, end: 2 }, { kind: 'page', start: 3, end: 300 });
  file.codings.push({ ...file.codings[0]!, id: 'g-split', start: 7, end: 9, quote: file.documents[0]!.text.slice(7, 9) });
  file.codings.push({ ...file.codings[0]!, id: 'g-moved', start: 0, end: 4, quote: 'text', prefix: '😀 ', suffix: '' });
  return file;
}

/** Seed files, as bytes, and a folder to remove afterwards. */
export async function loaderSeeds(workDir: string): Promise<Uint8Array[]> {
  const sample = await fs.readFile(await ensureSampleCopy(path.join(workDir, 'data')));
  const files = [
    smallProject(),
    exportProjectFile(),
    await importedProject(),
    syntheticProject({ documents: 4, characters: 12_000, codings: 60, codes: 8, memos: 4, seed: 7 }),
    damagedProject(),
  ];
  const encode = (text: string) => new TextEncoder().encode(text);
  const seeds = [new Uint8Array(sample), ...files.map((f) => encode(serializeProject(f)))];
  // The same content as a person or another tool might write it: indented, CRLF, with a BOM.
  const pretty = JSON.stringify(files[0], null, 2).replace(/\n/g, '\r\n');
  seeds.push(Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(pretty)]));
  return seeds;
}
