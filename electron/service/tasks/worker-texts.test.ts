import { describe, expect, it } from 'vitest';
import { textEntries, textsOf } from './worker-texts';

describe('texts sent to the search worker once', () => {
  it('sends a text only when the memo says the worker lacks that version, and the worker answers the rest from what it holds', () => {
    const memo = new Map<string, number>();
    const a = { id: 'a', text: 'Alpha' };
    const b = { id: 'b', text: 'Beta' };
    const first = textEntries([a, b], memo);
    expect(first.map((e) => e.text)).toEqual(['Alpha', 'Beta']);
    expect(textsOf(first)).toEqual(['Alpha', 'Beta']);

    // Again: nothing sent, the same texts read.
    const again = textEntries([b, a], memo);
    expect(again.map((e) => e.text)).toEqual([undefined, undefined]);
    expect(textsOf(again)).toEqual(['Beta', 'Alpha']);

    // A changed text is a new document object: only it is sent.
    const edited = { id: 'a', text: 'Alpha, edited' };
    const after = textEntries([edited, b], memo);
    expect(after.map((e) => e.text)).toEqual(['Alpha, edited', undefined]);
    expect(textsOf(after)).toEqual(['Alpha, edited', 'Beta']);

    // A new memo (a new worker) gets everything again.
    expect(textEntries([edited, b], new Map()).map((e) => e.text)).toEqual(['Alpha, edited', 'Beta']);
  });

  it('refuses to guess a text it does not hold', () => {
    expect(() => textsOf([{ id: 'nowhere', version: 1e9 }])).toThrow('does not hold the text of document nowhere');
  });
});
