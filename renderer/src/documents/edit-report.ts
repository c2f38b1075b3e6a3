/** What to tell the user after a text edit or an anonymise: what happened to the codings. */
import type { EditReport } from '../../../shared/ops/edit-text';
import { grouped, plural } from '../../../shared/plural';

/** One line per outcome that happened, in the order a reader cares about (review last). */
export function reportLines(report: EditReport): string[] {
  const total = report.kept + report.moved + report.edited + report.unplaced;
  if (total === 0) return ['The document has no codings, so none had to move.'];
  const lines: string[] = [];
  if (report.kept) lines.push(`${plural(report.kept, 'coding', 'codings', grouped)} kept ${report.kept === 1 ? 'its' : 'their'} words`);
  if (report.moved) lines.push(`${plural(report.moved, 'coding', 'codings', grouped)} moved with ${report.moved === 1 ? 'its' : 'their'} words`);
  if (report.edited) lines.push(`${plural(report.edited, 'coding', 'codings', grouped)} on edited text, kept with the change`);
  if (report.unplaced) lines.push(`${plural(report.unplaced, 'coding needs', 'codings need', grouped)} review: ${report.unplaced === 1 ? 'its' : 'their'} words could not be found for sure`);
  return lines;
}

/** The same as one sentence, for a notice. */
export function reportSentence(report: EditReport): string {
  const lines = reportLines(report);
  return lines.length === 1 ? `${lines[0]}.` : `${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]}.`;
}
