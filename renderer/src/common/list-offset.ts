/** Where a virtual list starts inside the element that scrolls it (see VirtualList). */
import { useEffect, useState, type RefObject } from 'react';

/**
 * The list's distance from the top of the scrolled content, from where the two elements
 * are on screen now (getBoundingClientRect tops) and how far the scroller is scrolled: the
 * same wherever it is scrolled to, as the list moves up on screen as far as it scrolls.
 */
export function offsetInScroller(listTop: number, scrollerTop: number, scrollTop: number): number {
  return listTop - scrollerTop + scrollTop;
}

/**
 * The list's distance from the top of the scrolled content: below a header, a field, a
 * heading, which may grow, shrink, come and go (the scroll element's other children are
 * watched for both).
 */
export function useListOffset(list: RefObject<HTMLElement | null>, scrollElement: HTMLElement | null): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    const element = list.current;
    if (!element || !scrollElement) return;
    const update = () => setOffset(offsetInScroller(element.getBoundingClientRect().top, scrollElement.getBoundingClientRect().top, scrollElement.scrollTop));
    const sizes = new ResizeObserver(update);
    const observeAll = () => {
      sizes.disconnect();
      for (const child of scrollElement.children) if (child !== element) sizes.observe(child);
      update();
    };
    const children = new MutationObserver(observeAll);
    children.observe(scrollElement, { childList: true });
    observeAll();
    return () => {
      sizes.disconnect();
      children.disconnect();
    };
  }, [list, scrollElement]);
  return offset;
}
