import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AuditEntry } from '../model/schema';
import { fileFromState, stateFromFile } from '../model/state';
import { parseProjectText } from '../model/parse';
import { serializeProject } from '../model/serialize';
import { mergeProjects } from '../merge/merge-projects';
import { projectWith } from '../analysis/fixtures/project';
import { planOp, type PlanContext } from './plan';
import type { OpRequest } from './requests';
import { auditEntry, mergeTrails } from './audit';
import { filterTrail, trailCsv } from './audit-filter';

const ana = { id: 'u', name: 'Ana', color: '#000000' };
const TEXT = 'We never had training. Data sharing took weeks.';

function project() {
  return stateFromFile(
    projectWith([{ id: 'd1', name: 'Interview 1', text: TEXT }, { id: 'd2', text: 'Other text here.' }], { kA: 'Training', kB: 'Sharing', kC: ['Child', 'kA'] }, [
      { id: 'g1', documentId: 'd1', codeId: 'kA', start: 3, end: 21 },
      { id: 'g2', documentId: 'd1', codeId: 'kB', start: 23, end: 35 },
      { id: 'g3', documentId: 'd2', codeId: 'kA', start: 0, end: 5 },
    ]),
  );
}

let ids = 0;
const ctx: PlanContext = { now: '2026-01-01T00:00:00.000Z', newId: () => `new-${++ids}`, coder: ana };

/** The entry the host records for `request` planned on the test project. */
function entryOf(request: OpRequest): AuditEntry {
  const state = project();
  const planned = planOp(state, request, ctx);
  if (!planned.ok) throw new Error(planned.error);
  return auditEntry(state, planned.value.change, { id: 'e1', at: ctx.now, coder: ana, op: request.type, text: planned.value.label, requestType: request.type });
}

describe('auditEntry', () => {
  it('names the codes and documents each kind of operation touched', () => {
    expect(entryOf({ type: 'applyCode', documentId: 'd1', start: 0, end: 2, codeId: 'kB' })).toMatchObject({ op: 'applyCode', text: 'Apply code “Sharing”', codes: ['kB'], docs: ['d1'] });
    expect(entryOf({ type: 'removeCoding', codingId: 'g2' })).toMatchObject({ codes: ['kB'], docs: ['d1'] });
    expect(entryOf({ type: 'renameCode', codeId: 'kB', name: 'Data' })).toEqual({ id: 'e1', at: ctx.now, by: 'u', who: 'Ana', op: 'renameCode', text: 'Rename code “Sharing” to “Data”', codes: ['kB'] });
    // A merge touches both codes and the documents of the codings it moved.
    const merged = entryOf({ type: 'mergeCodes', sourceId: 'kB', targetId: 'kA' });
    expect(merged.codes!.sort()).toEqual(['kA', 'kB']);
    expect(merged.docs).toEqual(['d1']);
    expect(entryOf({ type: 'deleteDocument', documentId: 'd2' })).toMatchObject({ codes: ['kA'], docs: ['d2'] });
    const moved = entryOf({ type: 'moveCodings', codingIds: ['g3'], newCodeName: 'Split' });
    expect(moved.codes).toContain('kA');
    expect(moved.text).toBe('Move 1 coding to “Split”');
    expect(entryOf({ type: 'renameDocument', documentId: 'd1', name: 'A\nB' }).text).toBe('Rename document “Interview 1”');
  });

  it('marks codings made by an auto-code or an accepted suggestion, and not those selected by hand', () => {
    const auto = entryOf({ type: 'autocode', query: { text: 'weeks', regex: false, caseSensitive: false, wholeWord: true }, scope: 'match', codeId: 'kB' });
    expect(auto.via).toBe('autocode');
    expect(auto.docs).toEqual(['d1']);
    expect(entryOf({ type: 'applyCode', documentId: 'd1', start: 0, end: 2, codeId: 'kB' }).via).toBeUndefined();
    const state = project();
    const suggestion = auditEntry(state, { patches: [] }, { id: 'e', at: ctx.now, coder: ana, op: 'acceptSuggestion', text: 'Code suggestion', requestType: 'acceptSuggestion' });
    expect(suggestion.via).toBe('suggestion');
  });

  it('puts a summary on one line', () => {
    const state = project();
    expect(auditEntry(state, { patches: [] }, { id: 'e', at: ctx.now, coder: ana, op: 'x', text: 'Rename “a\r\n b”' }).text).toBe('Rename “a b”');
  });
});

const entry = (id: string, at: string, who = 'Ana'): AuditEntry => ({ id, at, by: who === 'Ana' ? 'u' : 'v', who, op: 'applyCode', text: `step ${id}` });

describe('mergeTrails', () => {
  it('keeps both sides’ entries, each once, oldest first', () => {
    const common = entry('a', '2026-01-01T10:00:00.000Z');
    const ours = [common, entry('b', '2026-01-02T10:00:00.000Z')];
    const theirs = [common, entry('c', '2026-01-01T12:00:00.000Z', 'Ben')];
    expect(mergeTrails(ours, theirs).map((e) => e.id)).toEqual(['a', 'c', 'b']);
  });

  it('is the same whichever side is ours, and merging again changes nothing (property)', () => {
    const entries = fc.array(
      fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), at: fc.constantFrom('2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z') }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(entries, entries, (a, b) => {
        // One entry per id on a side, as a trail has; the same id means the same entry on both sides.
        const side = (list: { id: string; at: string }[]) => mergeTrails([...new Map(list.map((e) => [e.id, entry(e.id, `2026-01-0${e.id.charCodeAt(0) % 3 + 1}T00:00:00.000Z`)])).values()]);
        const ours = side(a);
        const theirs = side(b);
        const merged = mergeTrails(ours, theirs);
        expect(mergeTrails(theirs, ours)).toEqual(merged);
        expect(mergeTrails(merged, theirs)).toEqual(merged);
        expect(new Set(merged.map((e) => e.id)).size).toBe(merged.length);
        expect(merged.length).toBe(new Set([...ours, ...theirs].map((e) => e.id)).size);
      }),
      { numRuns: 200 },
    );
  });

  it('a project merge keeps both coders’ entries and writes them into the merged file', () => {
    const base = projectWith([{ id: 'd1', text: TEXT }], { kA: 'Training' }, [], { audit: [entry('a', '2026-01-01T00:00:00.000Z')] });
    const ours = structuredClone(base);
    ours.audit!.push(entry('b', '2026-01-02T00:00:00.000Z'));
    const theirs = structuredClone(base);
    theirs.audit!.push(entry('c', '2026-01-03T00:00:00.000Z', 'Ben'));
    const merged = mergeProjects({ base, ours, theirs, now: '2026-02-01T00:00:00.000Z' });
    expect(merged.changed).toBe(true);
    expect(merged.change.patches).toEqual([]);
    expect(merged.audit.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(merged.file.audit?.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    // Written and read back whole.
    const read = parseProjectText(serializeProject(merged.file));
    expect(read.ok && read.value.audit?.map((e) => e.who)).toEqual(['Ana', 'Ana', 'Ben']);
  });
});

describe('the trail in the project file', () => {
  it('is left out of a file without one, so old projects keep their bytes', () => {
    const state = project();
    expect(serializeProject(fileFromState(state))).not.toContain('"audit"');
    state.audit = [entry('a', '2026-01-01T00:00:00.000Z')];
    const text = serializeProject(fileFromState(state));
    expect(text.endsWith('"audit": [\n{"id":"a","at":"2026-01-01T00:00:00.000Z","by":"u","who":"Ana","op":"applyCode","text":"step a"}\n]\n}\n')).toBe(true);
    const read = parseProjectText(text);
    expect(read.ok && serializeProject(read.value)).toBe(text);
  });
});

describe('filterTrail and trailCsv', () => {
  const trail: AuditEntry[] = [
    { ...entry('a', '2026-01-01T09:00:00.000Z'), codes: ['kA'], docs: ['d1'] },
    { ...entry('b', '2026-01-02T09:00:00.000Z', 'Ben'), codes: ['kB'], docs: ['d1'], via: 'autocode' },
    { ...entry('c', '2026-01-03T09:00:00.000Z'), codes: ['gone'] },
  ];
  it('filters by coder, code, document and days', () => {
    expect(filterTrail(trail, { coderId: 'v' }).map((e) => e.id)).toEqual(['b']);
    expect(filterTrail(trail, { codeId: 'kA' }).map((e) => e.id)).toEqual(['a']);
    expect(filterTrail(trail, { documentId: 'd1' }).map((e) => e.id)).toEqual(['a', 'b']);
    expect(filterTrail(trail, { from: '2026-01-02', to: '2026-01-02' }).map((e) => e.id)).toEqual(['b']);
    expect(filterTrail(trail, { from: '2026-01-02' }).map((e) => e.id)).toEqual(['b', 'c']);
  });
  it('writes one row per entry with the codes’ paths and documents’ names', () => {
    const state = project();
    const csv = trailCsv(state, trail);
    const lines = csv.replace('\ufeff', '').split('\r\n');
    expect(lines[0]).toBe('time,coder,operation,summary,made by,codes,documents,entry id');
    expect(lines[2]).toBe('2026-01-02T09:00:00.000Z,Ben,applyCode,step b,auto-code,Sharing,Interview 1,b');
    expect(lines[3]).toBe('2026-01-03T09:00:00.000Z,Ana,applyCode,step c,,(deleted),,c');
  });
});
