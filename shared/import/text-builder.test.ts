import { describe, expect, it } from 'vitest';
import { MAX_TEXT_LENGTH } from './limits';
import { TextBuilder } from './text-builder';

const shown = (out: TextBuilder) => {
  const { text, structure } = out.result();
  return { text, ranges: structure.map((r) => [r.kind, text.slice(r.start, r.end), r.level ?? r.label ?? null]) };
};

describe('TextBuilder', () => {
  it('separates blocks by one blank line and collapses white space across writes', () => {
    const out = new TextBuilder();
    out.openBlock('heading', { level: 2 });
    out.text('  A   title \n');
    out.closeBlock();
    out.openBlock('paragraph');
    out.text(' one ');
    out.text(' two\t');
    out.text('three ');
    out.closeBlock();
    expect(shown(out)).toEqual({
      text: 'A title\n\none two three',
      ranges: [
        ['heading', 'A title', 2],
        ['paragraph', 'one two three', null],
      ],
    });
  });

  it('drops line breaks at the start and end of a block and caps them at a blank line', () => {
    const out = new TextBuilder();
    out.openBlock('paragraph');
    out.lineBreak();
    out.text('first');
    out.lineBreak();
    out.lineBreak();
    out.lineBreak();
    out.text('second');
    out.lineBreak();
    out.closeBlock();
    out.openBlock('paragraph');
    out.text('next');
    out.closeBlock();
    expect(out.result().text).toBe('first\n\nsecond\n\nnext');
  });

  it('keeps empty blocks out of the text and the ranges', () => {
    const out = new TextBuilder();
    out.openBlock('paragraph');
    out.text('   ');
    out.closeBlock();
    out.openBlock('paragraph');
    out.text('only');
    out.closeBlock();
    out.openBlock('heading');
    out.closeBlock();
    expect(shown(out)).toEqual({ text: 'only', ranges: [['paragraph', 'only', null]] });
  });

  it('nests ranges and lists the outer one first, also when both cover the same text', () => {
    const out = new TextBuilder();
    out.openBlock('page', { label: 'iv' });
    out.openBlock('table-cell', { label: 'r1c1' });
    out.openBlock('paragraph');
    out.text('cell');
    out.closeBlock();
    out.closeBlock();
    out.openBlock('paragraph');
    out.text('after');
    out.closeBlock();
    out.closeBlock();
    expect(shown(out).ranges).toEqual([
      ['page', 'cell\n\nafter', 'iv'],
      ['table-cell', 'cell', 'r1c1'],
      ['paragraph', 'cell', null],
      ['paragraph', 'after', null],
    ]);
  });

  it('keeps indentation in preserved text but never trailing white space', () => {
    const out = new TextBuilder();
    out.openBlock('paragraph');
    out.text('\n  code  \n\tindented \r\nend  ', 'preserve');
    out.closeBlock();
    expect(out.result().text).toBe('  code\n\tindented\nend');
  });

  it('keeps literal spaces next to collapsed ones, as ODF writes two spaces', () => {
    const out = new TextBuilder();
    out.openBlock('paragraph');
    out.text('a ');
    out.space(' ');
    out.text('b');
    out.closeBlock();
    expect(out.result().text).toBe('a  b');
  });

  it('puts inline spans around exactly their text, without separators', () => {
    const out = new TextBuilder();
    out.openBlock('paragraph');
    out.openSpan('timestamp', { label: '00:00:01.000' });
    out.text('[00:00:01]');
    out.closeSpan();
    out.space(' ');
    out.openSpan('speaker', { label: 'Anna' });
    out.text('Anna: hello');
    out.closeSpan();
    out.closeBlock();
    expect(shown(out)).toEqual({
      text: '[00:00:01] Anna: hello',
      ranges: [
        ['paragraph', '[00:00:01] Anna: hello', null],
        ['timestamp', '[00:00:01]', '00:00:01.000'],
        ['speaker', 'Anna: hello', 'Anna'],
      ],
    });
  });

  it('drops control characters, soft hyphens and BOMs, and writes no-break spaces as spaces', () => {
    const out = new TextBuilder();
    out.text('a\u0000b\u00adc\ufeff\u00a0d\u0007');
    expect(out.result().text).toBe('abc d');
  });

  it('stops writing once the text passes the limit', () => {
    const out = new TextBuilder();
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 25; i++) out.text(chunk);
    expect(out.overflowed).toBe(true);
    expect(out.length).toBeGreaterThan(MAX_TEXT_LENGTH);
    expect(out.length).toBeLessThanOrEqual(MAX_TEXT_LENGTH + chunk.length);
  });
});
