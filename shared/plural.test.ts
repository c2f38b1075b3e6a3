import { describe, expect, it } from 'vitest';
import { grouped, plural } from './plural';

describe('plural', () => {
  it('says one in the singular and every other count in the plural', () => {
    expect([0, 1, 2].map((n) => plural(n, 'coding'))).toEqual(['0 codings', '1 coding', '2 codings']);
    expect(plural(1, 'coding contains', 'codings contain')).toBe('1 coding contains');
    expect(plural(4, 'coding contains', 'codings contain')).toBe('4 codings contain');
  });

  it('groups the digits of big counts when asked, as the app does', () => {
    expect(plural(12_345, 'occurrence', 'occurrences', grouped)).toBe('12,345 occurrences');
    expect(plural(12_345, 'occurrence')).toBe('12345 occurrences');
  });
});
