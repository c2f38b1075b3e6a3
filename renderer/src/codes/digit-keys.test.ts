import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Code } from '../../../shared/model/schema';
import { DIGIT_KEYS, digitKeys } from './digit-keys';

const code = (id: string, codable = true): Code => ({ id, name: id, color: '#0072b2', description: '', parentId: null, codable, createdAt: '2024-01-01T00:00:00.000Z' });
const codesOf = (ids: string[], folders: string[] = []) => new Map([...ids.map((id) => [id, code(id)] as const), ...folders.map((id) => [id, code(id, false)] as const)]);

describe('digitKeys', () => {
  it('numbers the codable codes in codebook order, skipping folders', () => {
    const codes = codesOf(['a', 'b', 'c'], ['f']);
    expect([...digitKeys(['f', 'a', 'b', 'c'], codes, [])]).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });

  it('puts pinned codes first, in the order pinned, and ignores pins of deleted codes', () => {
    const codes = codesOf(['a', 'b', 'c']);
    expect([...digitKeys(['a', 'b', 'c'], codes, ['c', 'gone', 'a'])]).toEqual([['c', 1], ['a', 2], ['b', 3]]);
  });

  it('reaches at most nine codes', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const digits = digitKeys(ids, codesOf(ids), []);
    expect(digits.size).toBe(DIGIT_KEYS);
    expect(digits.get('k8')).toBe(9);
    expect(digits.has('k9')).toBe(false);
  });

  it('gives each reached code one digit 1..n with no gaps, whatever the pins (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 15 }), fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 6 }), (ids, pins) => {
        const digits = digitKeys(ids, codesOf(ids), pins);
        expect([...digits.values()]).toEqual(Array.from({ length: Math.min(ids.length, DIGIT_KEYS) }, (_, i) => i + 1));
      }),
      { numRuns: 200 },
    );
  });
});
