import { describe, expect, it } from 'vitest';
import { matchCountText } from './find-count';

describe('the find bar’s count', () => {
  it('says where the user is', () => {
    expect(matchCountText(2, 12)).toBe('3 of 12');
    expect(matchCountText(-1, 0)).toBe('No matches');
    expect(matchCountText(0, 100_000)).toBe('1 of 100,000+');
  });
});
