/**
 * A count with its noun, for messages: "1 coding", "3 codings", "0 codes". The one helper
 * for this in the CLI, the app and the exports, so they all count alike.
 */

/** `n` and the noun that goes with it; `many` is the plural when adding an "s" is wrong ("codings contain"). */
export function plural(n: number, one: string, many = `${one}s`, digits: (n: number) => string = String): string {
  return `${digits(n)} ${n === 1 ? one : many}`;
}

/** Digits grouped as the app shows big counts: 12,345. */
export const grouped = (n: number): string => n.toLocaleString('en');
