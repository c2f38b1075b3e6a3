/**
 * How the Excerpts view combines the chosen codes: every coding of each (the list as it
 * always was), or one AND / OR / NOT query over them (shared/analysis/retrieval.ts), with
 * the sentence that says what is listed.
 */
import type { CodeQuery } from '../../../shared/analysis/retrieval';

export type Combine = 'each' | 'or' | 'and' | 'not';

export const COMBINE_LABELS: Record<Combine, string> = {
  each: 'Every coding of the chosen codes',
  or: 'Passages coded with any chosen code (OR)',
  and: 'Passages coded with all chosen codes at once (AND)',
  not: 'Passages coded with the first chosen code but none of the others (NOT)',
};

/** The query for the chosen codes, in the order they were chosen; null when the list is the plain one or nothing can be asked. */
export function combinedQuery(combine: Combine, chosen: readonly string[]): CodeQuery | null {
  if (combine === 'each' || chosen.length === 0) return null;
  const leaves = chosen.map((code) => ({ code }));
  if (combine === 'or') return { or: leaves };
  if (combine === 'and') return { and: leaves };
  const [first, ...others] = leaves;
  return others.length === 0 ? first! : { and: [first!, { not: { or: others } }] };
}

/** What a combined list holds, in words: "Passages coded with Trust but not with Barriers or Delays." */
export function describeCombined(combine: Combine, names: readonly string[]): string {
  const list = (items: readonly string[], joint: string) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joint} ${items[items.length - 1]}`);
  if (combine === 'or') return `Passages coded with ${list(names, 'or')}.`;
  if (combine === 'and') return names.length === 1 ? `Passages coded with ${names[0]}.` : `Passages coded with ${list(names, 'and')}, where they overlap.`;
  if (combine === 'not') return names.length === 1 ? `Passages coded with ${names[0]} (choose more codes to leave out).` : `Passages coded with ${names[0]} but not with ${list(names.slice(1), 'or')}.`;
  return '';
}
