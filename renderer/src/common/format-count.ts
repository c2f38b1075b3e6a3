/**
 * Counts as the app shows them everywhere: grouped by thousands in the reader's locale
 * ("2,002" in English), so a heading, a pane and the reader never write one number two ways.
 */
const format = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A whole number, grouped by thousands. */
export function formatCount(n: number): string {
  return format.format(n);
}

/** "1 excerpt", "2,002 excerpts". */
export function countOf(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
