import { describe, expect, it } from 'vitest';
import type { StructureRange } from '../../../shared/model/schema';
import { chunkIndexAt, chunkOfSegment, chunkSpan, clipToChunk, readerLayout, segmentIndexAt } from './layout';
import { codingsByChunk } from './chunk-codings';
import type { Coding } from '../../../shared/model/schema';

const LIMITS = { chunkChars: 10, chunkSegments: 3, maxSegment: 1000 };

describe('segments', () => {
  it('are the lines of the text, empty lines included, the \\n belonging to none', () => {
    const layout = readerLayout('ab\n\ncd');
    expect(layout.segments).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 3 },
      { start: 4, end: 6 },
    ]);
    expect(readerLayout('').segments).toEqual([{ start: 0, end: 0 }]);
    expect(readerLayout('x\n').segments).toEqual([
      { start: 0, end: 1 },
      { start: 2, end: 2 },
    ]);
  });

  it('hold an offset at a \\n in the line before it', () => {
    const layout = readerLayout('ab\n\ncd');
    expect([0, 1, 2, 3, 4, 5, 6].map((o) => segmentIndexAt(layout, o))).toEqual([0, 0, 0, 1, 2, 2, 2]);
  });

  it('cut a very long line at white space, never inside a surrogate pair', () => {
    const line = 'word '.repeat(10) + 'end';
    const layout = readerLayout(line, [], { ...LIMITS, maxSegment: 12 });
    const pieces = layout.segments.map((s) => line.slice(s.start, s.end));
    expect(pieces.join('')).toBe(line);
    expect(pieces.every((p) => p.length <= 12)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => p.endsWith(' '))).toBe(true);
    expect(layout.segments.slice(1).every((s) => s.continued)).toBe(true);

    const emoji = '😀'.repeat(20);
    const cut = readerLayout(emoji, [], { ...LIMITS, maxSegment: 7 });
    expect(cut.segments.map((s) => s.end - s.start)).toEqual([6, 6, 6, 6, 6, 6, 4]);
  });
});

describe('chunks', () => {
  const text = ['one', 'two', 'three', '', 'four', 'five six seven eight', 'nine'].join('\n');
  const layout = readerLayout(text, [], LIMITS);

  it('group whole segments until enough characters or segments, covering every segment once', () => {
    expect(layout.chunks.map((c) => [c.first, c.last])).toEqual([
      [0, 3],
      [3, 6],
      [6, 7],
    ]);
    expect(layout.chunks.map((c) => text.slice(c.start, c.end))).toEqual(['one\ntwo\nthree', '\nfour\nfive six seven eight', 'nine']);
  });

  it('find the chunk of an offset and of a segment, and clip spans to a chunk', () => {
    expect(chunkIndexAt(layout, 0)).toBe(0);
    expect(chunkIndexAt(layout, text.indexOf('three') + 5)).toBe(0); // the \n after "three"
    expect(chunkIndexAt(layout, text.indexOf('four'))).toBe(1);
    expect(chunkIndexAt(layout, text.length)).toBe(2);
    expect([0, 2, 3, 5, 6].map((s) => chunkOfSegment(layout, s))).toEqual([0, 0, 1, 1, 2]);
    const from = text.indexOf('two');
    const to = text.indexOf('six') + 3;
    expect(chunkSpan(layout, from, to)).toEqual({ first: 0, last: 1 });
    expect(clipToChunk(layout.chunks[0]!, from, to)).toEqual({ start: from, end: layout.chunks[0]!.end });
    expect(clipToChunk(layout.chunks[2]!, from, to)).toBeNull();
  });

  it('list each chunk’s codings, keeping unchanged lists identical', () => {
    const coding = (id: string, start: number, end: number) => ({ id, start, end }) as Coding;
    const across = coding('a', text.indexOf('two'), text.indexOf('five') + 4);
    const last = coding('b', text.indexOf('nine'), text.length);
    const first = codingsByChunk(layout, [across, last]);
    expect(first.map((list) => list.map((c) => c.id))).toEqual([['a'], ['a'], ['b']]);
    const moved = coding('b', text.indexOf('nine'), text.indexOf('nine') + 2);
    const second = codingsByChunk(layout, [across, moved], first);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).toBe(first[1]);
    expect(second[2]).not.toBe(first[2]);
    // Past the end of the text (a mirror out of step with an edit): left out.
    expect(codingsByChunk(layout, [coding('c', 2, text.length + 5)]).flat()).toEqual([]);
  });
});

describe('structure', () => {
  const text = 'Title\n\n00:01 Anna: Hello there.\n\n- first item\n\nBody text\nmore body';
  const at = (s: string) => text.indexOf(s);
  const structure: StructureRange[] = [
    { kind: 'page', start: 0, end: at('- first'), label: '1' },
    { kind: 'heading', start: 0, end: 5, level: 2 },
    { kind: 'paragraph', start: at('00:01'), end: at('there.') + 6 },
    { kind: 'timestamp', start: at('00:01'), end: at('00:01') + 5, label: '00:01' },
    { kind: 'speaker', start: at('Anna'), end: at('Anna') + 5, label: 'Anna' },
    { kind: 'page', start: at('- first'), end: text.length, label: 'ii' },
    { kind: 'list-item', start: at('- first'), end: at('item') + 4, level: 1 },
    { kind: 'paragraph', start: at('Body'), end: text.length },
    { kind: 'speaker', start: 3, end: 1 }, // empty: ignored
    { kind: 'heading', start: 60, end: 999, level: 1 }, // past the text: ignored
  ];
  const layout = readerLayout(text, structure);
  const segmentOf = (s: string) => layout.segments[segmentIndexAt(layout, at(s))]!;

  it('gives lines their block kind and level, and marks where pages start', () => {
    expect(segmentOf('Title')).toEqual({ start: 0, end: 5, block: 'heading', level: 2, blockStart: true, page: '1' });
    expect(segmentOf('- first')).toMatchObject({ block: 'list-item', level: 1, page: 'ii' });
    expect(segmentOf('Body')).toMatchObject({ block: 'paragraph', blockStart: true });
    expect(segmentOf('more body').block).toBe('paragraph');
    expect(segmentOf('more body').blockStart).toBeUndefined();
    expect(layout.segments[1]).toEqual({ start: 6, end: 6 });
    expect(layout.hasPages).toBe(true);
  });

  it('keeps a table cell a table cell when a paragraph range sits inside it', () => {
    const cells = readerLayout('North\n\n12', [
      { kind: 'table-cell', start: 0, end: 5, label: 'r2c1' },
      { kind: 'paragraph', start: 0, end: 5 },
      { kind: 'paragraph', start: 7, end: 9 },
    ]);
    expect(cells.segments.map((s) => s.block)).toEqual(['table-cell', undefined, 'paragraph']);
  });

  it('puts speakers and timestamps inside their line, and lists headings for the outline', () => {
    expect(segmentOf('00:01').marks).toEqual([
      { kind: 'timestamp', start: at('00:01'), end: at('00:01') + 5, label: '00:01' },
      { kind: 'speaker', start: at('Anna'), end: at('Anna') + 5, label: 'Anna' },
    ]);
    expect(layout.headings).toEqual([{ start: 0, end: 5, level: 2, title: 'Title' }]);
    expect(readerLayout('plain').hasPages).toBe(false);
  });
});

describe('chunk height estimates', () => {
  it('count wrapped lines, blank lines and larger headings', async () => {
    const { estimateChunkHeight, metricsFor } = await import('./estimate');
    const metrics = { charsPerLine: 10, lineHeight: 20, gap: 5, blankHeight: 8 };
    const layout = readerLayout('x'.repeat(25) + '\n\nshort', [], { chunkChars: 1000, chunkSegments: 100, maxSegment: 1000 });
    // Three lines of 20px + gap, a blank line, one line + gap.
    expect(estimateChunkHeight(layout, layout.chunks[0]!, metrics)).toBe(3 * 20 + 5 + 8 + 20 + 5);
    const heading = readerLayout('Heading', [{ kind: 'heading', start: 0, end: 7, level: 1 }]);
    expect(estimateChunkHeight(heading, heading.chunks[0]!, metrics)).toBe(Math.round(20 * 1.3 + 5));
    expect(metricsFor(700).charsPerLine).toBe(82);
  });
});
