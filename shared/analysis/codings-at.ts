/** Which codings cover a position of the text: for the hover tooltip and the context menu. */
import type { Coding } from '../model/schema';

/** Codings whose span contains the character at `offset`, shortest first (the most specific). */
export function codingsAt<C extends Pick<Coding, 'start' | 'end'>>(codings: readonly C[], offset: number): C[] {
  return codings
    .filter((c) => c.start <= offset && offset < c.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
}
