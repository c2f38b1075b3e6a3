import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Utf8Writer } from './utf8-writer';

const RUNS = Number(process.env.GLOSS_PROPERTY_RUNS) || 200;

describe('Utf8Writer', () => {
  // Whole code points per piece: a surrogate pair split across two writes is two lone halves, as in TextEncoder.
  it('gives the UTF-8 of everything written, in order, however the buffer had to grow', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }), fc.integer({ min: 1, max: 64 }), (pieces, initial) => {
        const writer = new Utf8Writer(initial);
        for (const piece of pieces) writer.write(piece);
        expect(Buffer.from(writer.bytes()).equals(Buffer.from(new TextEncoder().encode(pieces.join(''))))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('writes four bytes for an emoji and keeps a BOM', () => {
    const writer = new Utf8Writer(1);
    writer.write('\ufeff😀é');
    expect([...writer.bytes()]).toEqual([0xef, 0xbb, 0xbf, 0xf0, 0x9f, 0x98, 0x80, 0xc3, 0xa9]);
  });
});
