import { describe, expect, it } from 'vitest';
import { withPinned } from './rendered-range';
import { ChunkRegistry } from './chunk-registry';

describe('withPinned', () => {
  const range = { startIndex: 10, endIndex: 12, overscan: 2, count: 100 };
  it('renders the visible chunks with their overscan, and the pinned ones in order', () => {
    expect(withPinned(range, [])).toEqual([8, 9, 10, 11, 12, 13, 14]);
    expect(withPinned(range, [2, 11, 40])).toEqual([2, 8, 9, 10, 11, 12, 13, 14, 40]);
    // A pin past the end of a shorter text (the text was just edited) is ignored.
    expect(withPinned({ ...range, count: 15 }, [20])).toEqual([8, 9, 10, 11, 12, 13, 14]);
  });
});

describe('ChunkRegistry', () => {
  it('tells its listeners once per render that changed which chunks are rendered', () => {
    const registry = new ChunkRegistry();
    const calls: number[][] = [];
    registry.subscribe(() => calls.push(registry.rendered()));
    const a = {} as HTMLElement;
    const b = {} as HTMLElement;
    registry.set(3, a);
    registry.set(1, b);
    registry.commit();
    registry.commit(); // nothing changed since
    expect(calls).toEqual([[1, 3]]);
    expect(registry.get(3)).toBe(a);
    registry.set(3, null);
    registry.commit();
    expect(calls).toEqual([[1, 3], [1]]);
    expect(registry.get(3)).toBeUndefined();
  });
});
