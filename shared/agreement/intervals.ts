/**
 * Interval arithmetic for the character unit: a coder's codings of one code in one
 * document become sorted, non-overlapping spans, and a sweep over every coder's spans
 * finds, piece by piece, who coded what. Work grows with the number of codings, never
 * with the number of characters, so a 10-million-character project costs no more than a
 * small one with as many codings.
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * `spans` clipped to [0, length), sorted, and with overlapping ones joined, so that a
 * character two codings of the same coder cover counts once. Spans that only touch are
 * kept apart (they cover no character twice).
 */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const clipped: Span[] = [];
  for (const s of spans) {
    const start = Math.max(0, s.start);
    const end = Math.min(length, s.end);
    if (end > start) clipped.push({ start, end });
  }
  clipped.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const s of clipped) {
    const last = merged[merged.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/** Total length of non-overlapping spans. */
export function spanLength(spans: readonly Span[]): number {
  let total = 0;
  for (const s of spans) total += s.end - s.start;
  return total;
}

/** A stretch of text over which the same coders (by index) coded. */
export interface Piece {
  start: number;
  end: number;
  coders: number[];
}

/**
 * Calls `visit` for every maximal stretch covered by at least one coder, with how many
 * coders cover it; `perCoder[i]` must be merged (see mergeSpans).
 */
export function sweep(perCoder: readonly (readonly Span[])[], visit: (start: number, end: number, active: Uint8Array, yes: number) => void): void {
  // Events as (position, coder, +1/−1) flattened into numbers: position * 2m + coder * 2 + (1 for a start).
  // One numeric sort instead of sorting objects; positions stay well below 2^53 / 2m.
  const m = perCoder.length;
  const events: number[] = [];
  for (let i = 0; i < m; i++) {
    for (const s of perCoder[i]!) events.push(s.start * 2 * m + i * 2 + 1, s.end * 2 * m + i * 2);
  }
  events.sort((a, b) => a - b);
  const active = new Uint8Array(m);
  let yes = 0;
  let previous = 0;
  for (const event of events) {
    const position = Math.floor(event / (2 * m));
    if (yes > 0 && position > previous) visit(previous, position, active, yes);
    previous = position;
    const coder = (event % (2 * m)) >> 1;
    if (event % 2 === 1) {
      active[coder] = 1;
      yes++;
    } else {
      active[coder] = 0;
      yes--;
    }
  }
}

/** The pieces of a document where at least one coder coded, with who coded each (for the side-by-side view). */
export function coveragePieces(perCoder: readonly (readonly Span[])[]): Piece[] {
  const pieces: Piece[] = [];
  sweep(perCoder, (start, end, active) => {
    const coders: number[] = [];
    for (let i = 0; i < active.length; i++) if (active[i]) coders.push(i);
    const last = pieces[pieces.length - 1];
    // Adjacent pieces with the same coders (one coder's touching spans) read as one.
    if (last && last.end === start && last.coders.join() === coders.join()) last.end = end;
    else pieces.push({ start, end, coders });
  });
  return pieces;
}
