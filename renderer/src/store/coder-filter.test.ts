import { beforeEach, describe, expect, it } from 'vitest';
import { emptyProjectFile } from '../../../shared/model/state';
import { codeSchema, codingSchema, documentSchema, type ProjectFile } from '../../../shared/model/schema';
import type { Snapshot } from '../bridge/channels';
import { useGloss } from './index';
import { selectCodeRows, selectCoderMarks, selectDocumentCodings, selectDocumentList, selectProjectCoders } from './selectors';
import { normalCoderFilter } from './ui-slice';
import { projectIndex } from '../../../shared/model/document-index';

const ana = { id: 'ana', name: 'Ana', color: '#aa0000' };
const ben = { id: 'ben', name: 'Ben', color: '#0000bb' };

function twoCoderProject(): ProjectFile {
  const file = emptyProjectFile('Study', '2024-01-01T00:00:00.000Z');
  const text = 'Nobody trained us on the system.';
  file.coders.push(ana, ben);
  file.documents.push(documentSchema.parse({ id: 'd1', name: 'Interview', text, createdAt: 'x', source: null, attributes: {} }));
  file.codes.push(codeSchema.parse({ id: 'c1', name: 'training', color: '#00aa00', parentId: null, codable: true, description: '', createdAt: 'x' }));
  const coding = (id: string, coderId: string, start: number, end: number) =>
    codingSchema.parse({ id, documentId: 'd1', codeId: 'c1', coderId, start, end, quote: text.slice(start, end), prefix: '', suffix: '', createdAt: 'x' });
  file.codings.push(coding('k1', 'ana', 0, 14), coding('k2', 'ana', 18, 21), coding('k3', 'ben', 0, 6));
  return file;
}

function snapshot(file: ProjectFile): Snapshot {
  return {
    index: projectIndex(file),
    path: '/tmp/study.gloss',
    readOnly: false,
    save: { status: 'saved', at: null },
    history: { undo: null, redo: null },
    coderUnnamed: false,
    coder: ana,
    host: 'browser',
    recent: [],
  };
}

describe('the coder filter', () => {
  beforeEach(() => {
    useGloss.setState({ coderFilter: null });
    useGloss.getState().loadSnapshot(snapshot(twoCoderProject()));
  });

  it('shows every coder by default, each marked in their colour', () => {
    const s = useGloss.getState();
    expect(selectCodeRows(s).map((r) => r.count)).toEqual([3]);
    expect(selectDocumentCodings('d1')(s).map((c) => c.id)).toEqual(['k3', 'k1', 'k2']);
    expect(selectProjectCoders(s).map((e) => [e.coder.name, e.codings, e.shown])).toEqual([
      ['Ana', 2, true],
      ['Ben', 1, true],
    ]);
    expect([...(selectCoderMarks(s) ?? [])].map(([id, look]) => [id, look.color])).toEqual([
      ['ana', '#aa0000'],
      ['ben', '#0000bb'],
    ]);
  });

  it('filtered to one coder, counts and the reader’s codings are that coder’s, and nothing is marked', () => {
    useGloss.getState().setCoderFilter(['ben']);
    const s = useGloss.getState();
    expect(selectCodeRows(s).map((r) => r.count)).toEqual([1]);
    expect(selectDocumentList(s).map((d) => d.codings)).toEqual([1]);
    expect(selectDocumentCodings('d1')(s).map((c) => c.id)).toEqual(['k3']);
    expect(selectCoderMarks(s)).toBeNull();
    useGloss.getState().setCoderFilter(null);
    expect(selectCodeRows(useGloss.getState()).map((r) => r.count)).toEqual([3]);
  });

  it('keeps only coders of the project, and a filter of everyone or no one means all', () => {
    expect(normalCoderFilter(['ana', 'ben'], ['ben', 'gone', 'ben'])).toEqual(['ben']);
    expect(normalCoderFilter(['ana', 'ben'], ['ana', 'ben'])).toBeNull();
    expect(normalCoderFilter(['ana', 'ben'], ['gone'])).toBeNull();
    useGloss.getState().setCoderFilter(['ana']);
    // A new snapshot of the same project keeps the filter.
    useGloss.getState().loadSnapshot(snapshot(twoCoderProject()));
    expect(useGloss.getState().coderFilter).toEqual(['ana']);
  });
});

describe('coder colours', () => {
  it('never shows two coders in colours that read as one', () => {
    const file = twoCoderProject();
    file.coders = [
      { ...ana, color: '#f0e442' },
      { ...ben, color: '#bcbd22' },
    ];
    useGloss.setState({ coderFilter: null });
    useGloss.getState().loadSnapshot(snapshot(file));
    const s = useGloss.getState();
    const colors = selectProjectCoders(s).map((e) => e.coder.color);
    expect(colors[0]).toBe('#f0e442');
    expect(colors[1]).not.toBe('#bcbd22');
    expect(selectCoderMarks(s)?.get('ben')?.color).toBe(colors[1]);
  });
});
