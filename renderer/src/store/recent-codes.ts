/** The most recently used codes, for the digit shortcuts 1–9. */
import type { IndexState } from '../../../shared/model/document-index';

/** How many codes the digit keys 1–9 reach. */
export const RECENT_LIMIT = 9;

/** Puts `codeId` first. */
export function touchRecent(recent: readonly string[], codeId: string): string[] {
  return [codeId, ...recent.filter((id) => id !== codeId)].slice(0, RECENT_LIMIT);
}

/** The codes of the newest codings, newest first: a sensible start when a project opens. */
export function recentFromCodings(project: IndexState): string[] {
  const newest = new Map<string, string>();
  for (const coding of project.codings.values()) {
    const seen = newest.get(coding.codeId);
    if (seen === undefined || coding.createdAt > seen) newest.set(coding.codeId, coding.createdAt);
  }
  return [...newest]
    .filter(([codeId]) => project.codes.has(codeId))
    .sort((a, b) => (a[1] < b[1] ? 1 : a[1] > b[1] ? -1 : 0))
    .slice(0, RECENT_LIMIT)
    .map(([codeId]) => codeId);
}
