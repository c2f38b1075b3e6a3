import { describe, expect, it } from 'vitest';
import { wholeWordOccurrences } from './whole-word';

const found = (text: string, word: string, caseSensitive = true) =>
  wholeWordOccurrences(text, word, caseSensitive).map((o) => text.slice(o.start, o.end) + '@' + o.start);

describe('wholeWordOccurrences', () => {
  it('finds a name only where it stands alone: possessives yes, longer words no', () => {
    const text = "Sarah, Sarah's team, the Sarahs, Sarah_2, 2Sarah, (Sarah)";
    expect(found(text, 'Sarah')).toEqual(['Sarah@0', 'Sarah@7', 'Sarah@51']);
  });

  it('matches other cases only when asked, and never inside a longer word either way', () => {
    const text = 'SARAH and sarah and Sarahs and SARAHS';
    expect(found(text, 'Sarah')).toEqual([]);
    expect(found(text, 'Sarah', false)).toEqual(['SARAH@0', 'sarah@10']);
  });

  it('treats letters of every script, and combining accents, as part of a word', () => {
    expect(found('Zoë and Zoëy', 'Zoë')).toEqual(['Zoë@0']);
    expect(found('éAna Ana', 'Ana')).toEqual(['Ana@5']);
    // "Ana" followed by a combining acute accent is "Aná", another name.
    expect(found('Ana\u0301 Ana', 'Ana')).toEqual(['Ana@5']);
    expect(found('Мария и Марияна', 'Мария')).toEqual(['Мария@0']);
    expect(found('😀Ana😀', 'Ana')).toEqual(['Ana@2']);
  });

  it('takes the name literally, not as a pattern', () => {
    expect(found('Dr. J. Smith (a.k.a. Dr J Smith)', 'Dr. J. Smith')).toEqual(['Dr. J. Smith@0']);
    expect(found('C++ and C', 'C++')).toEqual(['C++@0']);
    expect(found('a.b and axb', 'a.b')).toEqual(['a.b@0']);
  });
});
