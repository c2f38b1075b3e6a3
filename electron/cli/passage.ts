/**
 * Finding the passage a command names in a document's text, checked the way applyCode
 * checks it, before anything changes: the Nth occurrence of a quote, or a span of UTF-16
 * offsets (with, when given, the words it must hold).
 */
import type { GlossDocument } from '../../shared/model/schema';
import type { PassageChoice } from '../../shared/formats/codings-csv';
import { findOccurrence, splitsSurrogatePair } from '../../shared/text/quote';
import { err, ok, type Result } from '../../shared/result';
import { quoted } from './errors';

export type { PassageChoice };

/** How the offsets are called where the user wrote them: options (--start) or CSV columns (start). */
export interface OffsetNames {
  start: string;
  end: string;
}

function countOccurrences(text: string, quote: string): number {
  let count = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) count++;
  return count;
}

/** The [start, end) span `choice` names in `doc`, or why there is none. */
export function locatePassage(doc: GlossDocument, choice: PassageChoice, names: OffsetNames): Result<{ start: number; end: number }> {
  if (!('start' in choice)) {
    const start = findOccurrence(doc.text, choice.quote, choice.occurrence);
    if (start < 0) {
      const count = countOccurrences(doc.text, choice.quote);
      return err(
        count === 0
          ? `${quoted(choice.quote)} does not occur in document ${quoted(doc.name)}`
          : `${quoted(choice.quote)} occurs ${count === 1 ? 'once' : `${count} times`} in document ${quoted(doc.name)}, so there is no occurrence ${choice.occurrence}`,
      );
    }
    return ok({ start, end: start + choice.quote.length });
  }
  const { start, end } = choice;
  if (end <= start) return err(`${names.end} (${end}) must be greater than ${names.start} (${start})`);
  if (end > doc.text.length) return err(`${names.end} ${end} is past the end of document ${quoted(doc.name)} (${doc.text.length} characters)`);
  if (splitsSurrogatePair(doc.text, start) || splitsSurrogatePair(doc.text, end)) return err(`the span ${start}–${end} would split a character in two`);
  if (choice.quote !== undefined && doc.text.slice(start, end) !== choice.quote) {
    return err(`the text at ${start}–${end} of document ${quoted(doc.name)} is ${quoted(doc.text.slice(start, end))}, not the quote ${quoted(choice.quote)}`);
  }
  return ok({ start, end });
}
