import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacters, safeStem, terminalSafe, terminalSafeText, visibleName, visibleText, withoutBidiControls } from './safe-names';

const RUNS = Number(process.env.GLOSS_PROPERTY_RUNS) || 300;

/** Names as an attacker would write them. */
const HOSTILE = {
  /** Clears the screen, turns the text red and sets the terminal's title. */
  escape: 'Barriers\u001b[2J\u001b[31m\u001b]0;owned\u0007',
  /** Shows as "Interview_exe.pdf" with the override obeyed. */
  override: 'Interview_\u202efdp.exe',
  isolates: 'a\u2066b\u2067c\u2068d\u2069e',
  marks: 'x\u200ey\u200fz\u061c',
  /** CSI as a single C1 character, and a carriage return that rewrites the line. */
  c1: 'ok\u009b31m\rfake',
  del: 'rub\u007fout',
};

/** Every character the module must treat, listed one by one. */
const UNSAFE_CHARACTERS = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((c) => String.fromCharCode(c));

describe('terminalSafe', () => {
  it('escapes control and bidi characters as JSON does, and nothing else', () => {
    expect(terminalSafe(HOSTILE.escape)).toBe('Barriers\\u001b[2J\\u001b[31m\\u001b]0;owned\\u0007');
    expect(terminalSafe(HOSTILE.override)).toBe('Interview_\\u202efdp.exe');
    expect(terminalSafe(HOSTILE.isolates)).toBe('a\\u2066b\\u2067c\\u2068d\\u2069e');
    expect(terminalSafe(HOSTILE.marks)).toBe('x\\u200ey\\u200fz\\u061c');
    expect(terminalSafe(HOSTILE.c1)).toBe('ok\\u009b31m\\rfake');
    expect(terminalSafe(HOSTILE.del)).toBe('rub\\u007fout');
    expect(terminalSafe('line\nnext\ttab')).toBe('line\\nnext\\ttab');
    expect(terminalSafe('Café – naïve 😀 日本語 עברית C:\\data')).toBe('Café – naïve 😀 日本語 עברית C:\\data');
  });

  it('treats every listed character, and none other in the first 0x3000', () => {
    for (const c of UNSAFE_CHARACTERS) expect(hasUnsafeCharacters(terminalSafe(`a${c}b`)), c.charCodeAt(0).toString(16)).toBe(false);
    const listed = new Set(UNSAFE_CHARACTERS);
    for (let code = 0; code < 0x3000; code++) {
      const c = String.fromCharCode(code);
      if (code >= 0xd800 && code <= 0xdfff) continue;
      expect(hasUnsafeCharacters(c), code.toString(16)).toBe(listed.has(c));
    }
  });

  it('property: leaves no unsafe character, and changes nothing in clean text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(hasUnsafeCharacters(terminalSafe(text))).toBe(false);
        if (!hasUnsafeCharacters(text)) expect(terminalSafe(text)).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('terminalSafeText', () => {
  it('keeps line breaks and tabs, escapes the rest', () => {
    expect(terminalSafeText(`a\tb\nc ${HOSTILE.c1}`)).toBe('a\tb\nc ok\\u009b31m\\rfake');
  });

  it('property: a JSON line stays valid JSON with the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary', maxLength: 20 }), (value, name) => {
        const line = JSON.stringify({ name, value });
        const safe = terminalSafeText(line);
        expect(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(safe)).toBe(false);
        expect(JSON.parse(safe)).toEqual(JSON.parse(line));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('visibleName', () => {
  it('shows each control and bidi character as a mark', () => {
    expect(visibleName(HOSTILE.override)).toBe('Interview_⟨U+202E⟩fdp.exe');
    expect(visibleName('a\u001b[31mb')).toBe('a⟨U+001B⟩[31mb');
    expect(visibleName('tab\there')).toBe('tab⟨U+0009⟩here');
    expect(visibleName('Café 😀 עברית')).toBe('Café 😀 עברית');
  });
});

describe('visibleText', () => {
  it('keeps line breaks and tabs of a message, marks the rest', () => {
    expect(visibleText(`Could not import:\n\t${HOSTILE.override}`)).toBe('Could not import:\n\tInterview_⟨U+202E⟩fdp.exe');
  });

  it('property: no unsafe character is left but line breaks and tabs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(hasUnsafeCharacters(visibleText(text).replace(/[\n\t]/g, ''))).toBe(false);
        expect(hasUnsafeCharacters(visibleName(text))).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('withoutBidiControls', () => {
  it('removes bidi characters only', () => {
    expect(withoutBidiControls(`${HOSTILE.override}${HOSTILE.isolates}${HOSTILE.marks}`)).toBe('Interview_fdp.exeabcdexyz');
    expect(withoutBidiControls('a\u001bb')).toBe('a\u001bb');
  });
});

describe('safeStem (the one file-name sanitiser)', () => {
  it('makes hostile names into file names every common file system takes', () => {
    expect(safeStem(HOSTILE.override)).toBe('Interview_fdp.exe');
    expect(safeStem(HOSTILE.escape)).toBe('Barriers_[2J_[31m_]0;owned_');
    expect(safeStem('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeStem('CON')).toBe('CON_');
    expect(safeStem(' . ')).toBe('_');
    expect(safeStem('Field: notes/2024', ' ')).toBe('Field notes 2024');
  });

  it('property: no forbidden, control or bidi character, no leading or trailing dot or space, never empty, and a second pass changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 160 }), fc.constantFrom('_' as const, ' ' as const), (text, replacement) => {
        const stem = safeStem(text, replacement);
        expect(stem).not.toBe('');
        expect(hasUnsafeCharacters(stem)).toBe(false);
        expect(stem).not.toMatch(/[\\/:*?"<>|]|^[\s.]|[\s.]$/);
        expect(stem.length).toBeLessThanOrEqual(121);
        expect(safeStem(stem, replacement)).toBe(stem);
      }),
      { numRuns: RUNS },
    );
  });
});
