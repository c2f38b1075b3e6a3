import { describe, expect, it } from 'vitest';
import { rowForKey } from './list-keys';

const key = (k: string, modifiers: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...modifiers });

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
});
