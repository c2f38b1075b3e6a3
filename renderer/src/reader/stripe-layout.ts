/**
 * Coding stripes (as in NVivo): beside the text, one column per code, with a bar over the
 * lines each of its codings covers. Pure geometry: measured extents in, bars out.
 */
export interface MeasuredCoding {
  codeId: string;
  /** Vertical extent of the coded lines, in pixels from the top of the page. */
  top: number;
  bottom: number;
}

export interface StripeBar {
  codeId: string;
  column: number;
  top: number;
  height: number;
  /** How many codings the bar stands for (touching codings of one code share a bar). */
  codings: number;
}

/** Bars of one code closer than this (in px) are drawn as one: adjacent lines would look joined anyway. */
const JOIN_GAP = 2;

/**
 * Bars for the measured codings. `columnOrder` fixes each code's column (codes missing
 * from it are appended in order of first appearance); only codes with codings get a column.
 */
export function stripeBars(measured: readonly MeasuredCoding[], columnOrder: readonly string[]): { bars: StripeBar[]; columns: string[] } {
  const byCode = new Map<string, MeasuredCoding[]>();
  for (const m of measured) {
    const list = byCode.get(m.codeId) ?? [];
    list.push(m);
    byCode.set(m.codeId, list);
  }
  const columns = columnOrder.filter((id) => byCode.has(id));
  for (const id of byCode.keys()) if (!columns.includes(id)) columns.push(id);
  const bars: StripeBar[] = [];
  columns.forEach((codeId, column) => {
    const list = byCode.get(codeId)!.slice().sort((a, b) => a.top - b.top || a.bottom - b.bottom);
    let current: StripeBar | null = null;
    for (const m of list) {
      if (current && m.top <= current.top + current.height + JOIN_GAP) {
        current.height = Math.max(current.height, m.bottom - current.top);
        current.codings++;
      } else {
        current = { codeId, column, top: m.top, height: Math.max(1, m.bottom - m.top), codings: 1 };
        bars.push(current);
      }
    }
  });
  return { bars, columns };
}
