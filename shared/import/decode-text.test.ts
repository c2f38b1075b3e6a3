import { fixture } from './fixtures/inspect';
import { describe, expect, it } from 'vitest';
import { decodeText, normalizeNewlines } from './decode-text';
import { readDocument } from './registry';
import { decodeWindows1252 } from './windows-1252';


/** The text every Unicode fixture holds: accents, an en dash, and an emoji (a surrogate pair). */
const UNICODE_TEXT = 'Café – naïve 😀\nsecond line\n';

function decoded(name: string) {
  const result = decodeText(fixture(name));
  if (!result.ok) throw new Error(`${name}: ${result.error}`);
  return result.value;
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decoded('utf8.txt')).toEqual({ text: UNICODE_TEXT, encoding: 'utf-8' });
  });

  it('drops a UTF-8 BOM', () => {
    const { text, encoding } = decoded('utf8-bom.txt');
    expect(encoding).toBe('utf-8');
    expect(text).toBe(UNICODE_TEXT);
    expect(text.charCodeAt(0)).toBe(0x43); // "C", not U+FEFF
  });

  it('reads UTF-16 LE with a BOM, turning its CRLF into LF', () => {
    expect(decoded('utf16le-bom.txt')).toEqual({ text: UNICODE_TEXT, encoding: 'utf-16le' });
  });

  it('reads UTF-16 BE with a BOM', () => {
    expect(decoded('utf16be-bom.txt')).toEqual({ text: UNICODE_TEXT, encoding: 'utf-16be' });
  });

  it('reads legacy Windows-1252, including the 0x80–0x9F punctuation', () => {
    // Bytes: caf E9 ␠ 96 ␠ na EF ve ␠ 93 quoted 94 ␠ 80 5 CRLF …
    expect(decoded('windows-1252.txt')).toEqual({ text: 'café – naïve “quoted” €5\nsecond line\n', encoding: 'windows-1252' });
  });

  it('normalises CRLF and lone CR to LF', () => {
    expect(decoded('mixed-newlines.txt').text).toBe('one\ntwo\nthree\nfour');
    expect(normalizeNewlines('a\r\n\r\nb\r')).toBe('a\n\nb\n');
  });

  it('refuses a binary file', () => {
    expect(decodeText(fixture('binary.txt'))).toEqual({ ok: false, error: 'it looks like a binary file, not text' });
  });

  it('refuses control-character noise without NUL bytes', () => {
    const noise = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(decodeText(noise).ok).toBe(false);
  });

  it('refuses UTF-16 that is cut in the middle of a code unit', () => {
    const bytes = fixture('utf16le-bom.txt').subarray(0, 7);
    expect(decodeText(bytes)).toEqual({ ok: false, error: 'it is not valid UTF-16LE text' });
  });

  it('refuses a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0xe9, 0x20]))).toEqual({ ok: false, error: 'it is not valid UTF-8 text' });
  });
});

describe('decodeWindows1252', () => {
  it('maps every byte as the WHATWG index does', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    const text = decodeWindows1252(all);
    expect(text).toHaveLength(256);
    expect(text.codePointAt(0x41)).toBe(0x41);
    expect(text.codePointAt(0x80)).toBe(0x20ac); // €
    expect(text.codePointAt(0x81)).toBe(0x81); // undefined in Windows: the C1 control of the same value
    expect(text.codePointAt(0x92)).toBe(0x2019); // ’
    expect(text.codePointAt(0x9f)).toBe(0x178); // Ÿ
    expect(text.codePointAt(0xe9)).toBe(0xe9); // é
    expect(text.codePointAt(0xff)).toBe(0xff); // ÿ
  });

  it('decodes texts longer than one chunk', () => {
    const bytes = new Uint8Array(20_000).fill(0x96);
    expect(decodeWindows1252(bytes)).toBe('–'.repeat(20_000));
  });
});

describe('readDocument (plain text)', () => {
  it('types .md as Markdown and notes a legacy encoding', async () => {
    expect(await readDocument(fixture('utf8.txt'), 'notes.md')).toEqual({
      ok: true,
      value: { text: UNICODE_TEXT, type: 'text/markdown', notes: [], structure: [] },
    });
    expect(await readDocument(fixture('windows-1252.txt'), 'old.TXT')).toMatchObject({
      ok: true,
      value: { type: 'text/plain', notes: ['read as WINDOWS-1252'] },
    });
  });

  it('refuses empty files and formats it cannot read', async () => {
    expect(await readDocument(new Uint8Array(), 'empty.txt')).toEqual({ ok: false, error: 'the file is empty' });
    const slides = await readDocument(fixture('utf8.txt'), 'slides.pptx');
    expect(slides.ok).toBe(false);
    expect(!slides.ok && slides.error).toContain('.pptx is not a format Gloss can import yet');
  });
});
