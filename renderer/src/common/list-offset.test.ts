import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { offsetInScroller } from './list-offset';

describe('offsetInScroller', () => {
  it('is how far below the scroller’s top the list starts, unscrolled', () => {
    // A pane at 100 px on screen with a 48 px header above its list.
    expect(offsetInScroller(148, 100, 0)).toBe(48);
    // Scrolled by 300: the list is 252 px above the pane's top on screen, still 48 px into the content.
    expect(offsetInScroller(-152, 100, 300)).toBe(48);
  });

  it('does not change as the scroller scrolls, wherever the scroller is on screen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000, max: 2_000 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 10_000_000 }), (scrollerTop, offset, scrollTop) => {
        const listTopOnScreen = scrollerTop + offset - scrollTop;
        return offsetInScroller(listTopOnScreen, scrollerTop, scrollTop) === offset;
      }),
    );
  });
});
