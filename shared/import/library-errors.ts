/**
 * Telling a library's own failure from its reason about a file. pdf.js and mammoth throw
 * on damaged files with messages worth showing ("Invalid XRef stream header"); they also
 * fail inside themselves (a TypeError, a stack overflow pdf.js passes on as an
 * UnknownErrorException), which says nothing a person could act on.
 */

const INTERNAL_MESSAGE = /\bundefined\b|Cannot (?:read|set) propert|is not a function|is not iterable|Maximum call stack|Invalid (?:array|string) length|out of memory/i;

/** Whether `e` is a library failing inside itself rather than a reason about the file. */
export function isInternalFailure(e: unknown): boolean {
  if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError) return true;
  const message = e instanceof Error ? e.message : String(e);
  return !message.trim() || INTERNAL_MESSAGE.test(message);
}
