import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keptRows, rowForKey, rowsPerPage, type ListKey } from './list-keys';

const key = (k: string, modifiers: Partial<Omit<ListKey, 'key'>> = {}): ListKey => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers });

const NAVIGATION = ['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp'];
/** Names an object has through its prototype: a lookup table must not take them for keys. */
const INHERITED = ['toString', 'valueOf', 'constructor', 'hasOwnProperty', '__proto__'];
/** GLOSS_FUZZ_RUNS=N runs the properties longer (as the other property tests do). */
const runs = { numRuns: Number(process.env.GLOSS_FUZZ_RUNS ?? 300) };

describe('rowForKey', () => {
  it('moves by one, by a page, and to either end, never past them', () => {
    expect(rowForKey(key('ArrowDown'), 4, 10, 5)).toBe(5);
    expect(rowForKey(key('ArrowUp'), 4, 10, 5)).toBe(3);
    expect(rowForKey(key('ArrowUp'), 0, 10, 5)).toBe(0);
    expect(rowForKey(key('ArrowDown'), 9, 10, 5)).toBe(9);
    expect(rowForKey(key('PageDown'), 4, 10, 5)).toBe(9);
    expect(rowForKey(key('PageDown'), 8, 10, 5)).toBe(9);
    expect(rowForKey(key('PageUp'), 8, 10, 5)).toBe(3);
    expect(rowForKey(key('Home'), 8, 100_000, 5)).toBe(0);
    expect(rowForKey(key('End'), 8, 100_000, 5)).toBe(99_999);
    expect(rowForKey(key('PageDown'), 0, 10, 0)).toBe(1);
  });

  it('leaves other keys, modified keys and empty lists alone', () => {
    expect(rowForKey(key('Enter'), 4, 10, 5)).toBeNull();
    expect(rowForKey(key('ArrowDown', { shiftKey: true }), 4, 10, 5)).toBeNull();
    expect(rowForKey(key('End', { ctrlKey: true }), 4, 10, 5)).toBeNull();
    expect(rowForKey(key('ArrowDown'), 0, 0, 5)).toBeNull();
  });

  it('takes no name inherited by every object for a key', () => {
    for (const name of INHERITED) expect(rowForKey(key(name), 4, 10, 5)).toBeNull();
  });

  it('lands on a row of the list for every navigation key, and nowhere for any other or with a modifier', () => {
    const anyKey = fc.oneof(fc.constantFrom(...NAVIGATION, ...INHERITED, 'Enter', 'Tab', ' ', 'a'), fc.string({ maxLength: 12 }));
    const modifiers = fc.record({ altKey: fc.boolean(), ctrlKey: fc.boolean(), metaKey: fc.boolean(), shiftKey: fc.boolean() });
    fc.assert(
      fc.property(anyKey, modifiers, fc.integer({ min: 0, max: 200_000 }), fc.nat(200_000), fc.integer({ min: -5, max: 1_000 }), (k, mods, count, at, perPage) => {
        const from = count === 0 ? 0 : at % count;
        const next = rowForKey({ key: k, ...mods }, from, count, perPage);
        const plain = !mods.altKey && !mods.ctrlKey && !mods.metaKey && !mods.shiftKey;
        if (!plain || count === 0 || !NAVIGATION.includes(k)) return next === null;
        if (next === null || !Number.isInteger(next) || next < 0 || next >= count) return false;
        // Down-going keys never go up, and the other way round; each moves if it can.
        if (k === 'ArrowDown' || k === 'PageDown') return next === Math.min(count - 1, from + (k === 'ArrowDown' ? 1 : Math.max(1, perPage)));
        if (k === 'ArrowUp' || k === 'PageUp') return next === Math.max(0, from - (k === 'ArrowUp' ? 1 : Math.max(1, perPage)));
        return next === (k === 'Home' ? 0 : count - 1);
      }),
      runs,
    );
  });
});

describe('rowsPerPage', () => {
  it('is a screenful less one row, at least one, whatever the sizes measured', () => {
    expect(rowsPerPage(300, 30)).toBe(9);
    expect(rowsPerPage(20, 30)).toBe(1);
    expect(rowsPerPage(0, 30)).toBe(1);
    expect(rowsPerPage(300, 0)).toBe(1);
    expect(rowsPerPage(Number.NaN, 30)).toBe(1);
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.double({ noNaN: false }), (view, row) => {
        const n = rowsPerPage(view, row);
        return Number.isInteger(n) && n >= 1 && (!(view > 0 && row > 0) || n <= Math.max(1, view / row));
      }),
      runs,
    );
  });
});

describe('keptRows', () => {
  it('keeps the pinned rows, the focused row and the row asked for, once each, in order', () => {
    expect(keptRows([40, 2], 7, 7, 100)).toEqual([2, 7, 40]);
    expect(keptRows([], null, null, 100)).toEqual([]);
    expect(keptRows([], null, 99, 100)).toEqual([99]);
  });

  it('drops rows past the end of a list that just got shorter', () => {
    expect(keptRows([3, 12], 20, null, 10)).toEqual([3]);
  });

  it('is always sorted, without repeats, within the list, and holds the focused row while it exists', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 300 }), { maxLength: 20 }), fc.option(fc.nat(300)), fc.option(fc.nat(300)), fc.nat(300), (pinned, focused, requested, count) => {
        const kept = keptRows(pinned, focused, requested, count);
        const sorted = kept.every((row, i) => i === 0 || kept[i - 1]! < row);
        const inside = kept.every((row) => row >= 0 && row < count);
        const holds = (row: number | null) => row === null || row < 0 || row >= count || kept.includes(row);
        const nothingElse = kept.every((row) => pinned.includes(row) || row === focused || row === requested);
        return sorted && inside && holds(focused) && holds(requested) && pinned.every(holds) && nothingElse;
      }),
      runs,
    );
  });
});
