import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeProjectBytes, firstInvalidUtf8, formatSize, MAX_PROJECT_BYTES, refuseBySize, sniffProjectBytes } from './project-bytes';

const bytes = (...list: number[]) => new Uint8Array(list);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Valid UTF-8 pieces of any code point, with stray bytes between them: mostly valid, often not. */
const mixedBytes = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 3 }).map(utf8), fc.uint8Array({ maxLength: 2 })), { maxLength: 12 })
  .map((parts) => Uint8Array.from(parts.flatMap((p) => [...p])));

describe('decodeProjectBytes', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeProjectBytes(utf8('{"a":"é😀"}'))).toEqual({ ok: true, value: '{"a":"é😀"}' });
    expect(decodeProjectBytes(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toEqual({ ok: true, value: '{}' });
  });

  it('refuses a Latin-1 byte with its offset instead of writing U+FFFD', () => {
    const result = decodeProjectBytes(bytes(0x7b, 0x22, 0x63, 0x61, 0x66, 0xe9, 0x22, 0x7d)); // {"café"} in Latin-1
    expect(result).toEqual({
      ok: false,
      error: 'it is not valid UTF-8 (byte offset 5: byte 0xe9 starts a character that byte 0x22 does not continue); Gloss writes only UTF-8, so another program changed it',
    });
  });

  it('counts the offset in the file, byte order mark included', () => {
    const result = decodeProjectBytes(bytes(0xef, 0xbb, 0xbf, 0x41, 0xff));
    expect(!result.ok && result.error).toMatch(/^it is not valid UTF-8 \(byte offset 4: byte 0xff never occurs in UTF-8\)/);
  });

  it('names each way UTF-8 goes wrong', () => {
    expect(firstInvalidUtf8(bytes(0x41, 0x80))).toEqual({ offset: 1, reason: 'byte 0x80 continues a character that never started' });
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toEqual({ offset: 0, reason: 'byte 0xc0 never occurs in UTF-8' }); // overlong "/"
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))?.offset).toBe(0); // a UTF-16 surrogate, encoded
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))?.offset).toBe(0); // past U+10FFFF
    expect(firstInvalidUtf8(bytes(0x41, 0x42, 0xe2, 0x82))).toEqual({ offset: 2, reason: 'the file ends inside the character that starts with byte 0xe2' });
    expect(firstInvalidUtf8(utf8('ok é € 😀'))).toBeNull();
  });

  it('agrees with the platform decoder on any bytes, and never invents U+FFFD', () => {
    fc.assert(
      fc.property(mixedBytes, (input) => {
        let native: string | null;
        try {
          native = new TextDecoder('utf-8', { fatal: true }).decode(input);
        } catch {
          native = null;
        }
        expect(firstInvalidUtf8(input) === null).toBe(native !== null);
        const decoded = decodeProjectBytes(input);
        if (decoded.ok) expect(new TextEncoder().encode(decoded.value).length).toBe(input.length - (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sniffProjectBytes', () => {
  it('lets JSON through, whitespace and all', () => {
    expect(sniffProjectBytes(utf8('\r\n\t{"format":"gloss-project"}'))).toBeNull();
    expect(sniffProjectBytes(utf8('not json at all'))).toBeNull(); // JSON.parse says what is wrong with it
  });

  it('refuses control bytes, which JSON never holds, naming the first', () => {
    expect(sniffProjectBytes(bytes(0x7b, 0x0c))).toBe('it is not a Gloss project: it holds binary data (byte 0x0c at offset 1)');
  });

  it('names formats people pick by mistake', () => {
    expect(sniffProjectBytes(utf8('%PDF-1.7'))).toMatch(/a PDF file/);
    expect(sniffProjectBytes(bytes(0xff, 0xfe, 0x7b, 0))).toMatch(/UTF-16 text; Gloss projects are UTF-8/);
    expect(sniffProjectBytes(bytes(0x1f, 0x8b, 8))).toMatch(/gzip/);
  });
});

describe('sizes', () => {
  it('refuses only what is past the ceiling', () => {
    expect(refuseBySize(70_000_000)).toBeNull();
    expect(refuseBySize(MAX_PROJECT_BYTES)).toBeNull();
    expect(refuseBySize(MAX_PROJECT_BYTES + 1)).toMatch(/^it is 512 MB, larger than any project Gloss can open \(512 MB\)/);
  });

  it('writes sizes as file managers do', () => {
    expect([formatSize(999), formatSize(1500), formatSize(73_400_000), formatSize(2e9)]).toEqual(['999 bytes', '1.5 kB', '73.4 MB', '2 GB']);
  });
});
