/**
 * Coding stripes (as in NVivo): beside the text, a coloured bar over the lines each coding
 * covers, so that overlapping codings stay distinguishable. Pure geometry: measured extents
 * in, bars out. Bars that overlap get separate columns; columns are packed so the stripes
 * stay close to the text (the colour, title and tooltip say which code a bar is). When
 * coders are told apart, each coder's codings of a code get bars of their own.
 */
export interface MeasuredCoding {
  codeId: string;
  /** Set when coders are told apart: codings of one code by two coders never share a bar. */
  coderId?: string;
  /** Vertical extent of the coded lines, in pixels from the top of the page. */
  top: number;
  bottom: number;
  /** The coding needs review (its text changed and it could not be placed for sure). */
  review?: boolean;
}

export interface StripeBar {
  codeId: string;
  coderId?: string;
  column: number;
  top: number;
  height: number;
  /** How many codings the bar stands for (touching codings of one code share a bar). */
  codings: number;
  /** Set when one of those codings needs review. */
  review?: true;
}

/** Bars closer than this (in px) count as touching: on adjacent lines they would look joined anyway. */
const JOIN_GAP = 2;

/** One bar per run of overlapping or touching codings of the same code (and coder). */
function barsOfCode(codeId: string, coderId: string | undefined, list: MeasuredCoding[]): StripeBar[] {
  const bars: StripeBar[] = [];
  let current: StripeBar | null = null;
  for (const m of list.slice().sort((a, b) => a.top - b.top || a.bottom - b.bottom)) {
    if (current && m.top <= current.top + current.height + JOIN_GAP) {
      current.height = Math.max(current.height, m.bottom - current.top);
      current.codings++;
    } else {
      current = { codeId, ...(coderId === undefined ? {} : { coderId }), column: 0, top: m.top, height: Math.max(1, m.bottom - m.top), codings: 1 };
      bars.push(current);
    }
    if (m.review) current.review = true;
  }
  return bars;
}

/**
 * Bars for the measured codings, with columns: each bar goes in the leftmost column that is
 * free over its extent. Where bars start together, `codeOrder` decides who goes left
 * (codes missing from it come last), so the picture does not depend on measuring order.
 */
export function stripeBars(measured: readonly MeasuredCoding[], codeOrder: readonly string[]): { bars: StripeBar[]; columns: number } {
  // Keyed by code, then coder (a NUL cannot occur in either id).
  const byCode = new Map<string, MeasuredCoding[]>();
  for (const m of measured) {
    const key = m.coderId === undefined ? m.codeId : `${m.codeId}\0${m.coderId}`;
    const list = byCode.get(key) ?? [];
    list.push(m);
    byCode.set(key, list);
  }
  const rank = (id: string) => {
    const i = codeOrder.indexOf(id);
    return i < 0 ? codeOrder.length : i;
  };
  const bars = [...byCode.values()].flatMap((list) => barsOfCode(list[0]!.codeId, list[0]!.coderId, list));
  const coderOf = (bar: StripeBar) => bar.coderId ?? '';
  bars.sort(
    (a, b) =>
      a.top - b.top ||
      rank(a.codeId) - rank(b.codeId) ||
      (a.codeId < b.codeId ? -1 : a.codeId > b.codeId ? 1 : 0) ||
      (coderOf(a) < coderOf(b) ? -1 : coderOf(a) > coderOf(b) ? 1 : 0),
  );
  const columnEnds: number[] = [];
  for (const bar of bars) {
    let column = columnEnds.findIndex((end) => end + JOIN_GAP < bar.top);
    if (column < 0) column = columnEnds.length;
    bar.column = column;
    columnEnds[column] = bar.top + bar.height;
  }
  return { bars, columns: columnEnds.length };
}
