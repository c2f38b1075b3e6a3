import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DocumentContent } from '../../../shared/model/document-index';
import { TextCache } from './text-cache';

const text = (id: string, length: number, key = `k-${id}`): DocumentContent => ({ id, contentKey: key, text: 'x'.repeat(length), structure: [] });

describe('the text cache', () => {
  it('hands a text out only under the key it was fetched with', () => {
    const cache = new TextCache();
    cache.put(text('d1', 5, 'old'));
    expect(cache.peek('d1', 'old')?.text).toBe('xxxxx');
    expect(cache.peek('d1', 'new')).toBeNull();
    expect(cache.keyOf('d1')).toBe('old');
    cache.put(text('d1', 7, 'new'));
    expect(cache.peek('d1', 'old')).toBeNull();
    expect(cache.peek('d1', 'new')?.text.length).toBe(7);
    expect(cache.totalUnits).toBe(7);
  });

  it('evicts the least recently used beyond its number of texts', () => {
    const cache = new TextCache(3, 1000);
    for (const id of ['a', 'b', 'c']) cache.put(text(id, 1));
    cache.touch('a');
    cache.put(text('d', 1));
    expect(cache.ids()).toEqual(['c', 'a', 'd']);
    expect(cache.peek('b', 'k-b')).toBeNull();
  });

  it('evicts beyond its size, but always keeps the newest text, however long', () => {
    const cache = new TextCache(10, 100);
    cache.put(text('a', 40));
    cache.put(text('b', 40));
    cache.put(text('c', 40));
    expect(cache.ids()).toEqual(['b', 'c']);
    cache.put(text('huge', 500));
    expect(cache.ids()).toEqual(['huge']);
    expect(cache.totalUnits).toBe(500);
  });

  it('stays within its limits and counts its size right whatever is put and touched (property)', () => {
    const op = fc.oneof(
      fc.record({ put: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), length: fc.nat(60) }),
      fc.record({ touch: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
      fc.record({ remove: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const cache = new TextCache(4, 100);
        let newest: string | null = null;
        for (const o of ops) {
          if ('put' in o) {
            cache.put(text(o.put, o.length));
            newest = o.put;
          } else if ('touch' in o) cache.touch(o.touch);
          else {
            cache.delete(o.remove);
            if (newest === o.remove) newest = null;
          }
          const ids = cache.ids();
          const units = ids.reduce((n, id) => n + cache.peek(id, `k-${id}`)!.text.length, 0);
          expect(cache.totalUnits).toBe(units);
          expect(ids.length).toBeLessThanOrEqual(4);
          if (ids.length > 1) expect(units).toBeLessThanOrEqual(100);
          if (newest) expect(ids).toContain(newest);
        }
      }),
      { numRuns: Number(process.env.GLOSS_FUZZ_RUNS ?? 200) },
    );
  });
});
