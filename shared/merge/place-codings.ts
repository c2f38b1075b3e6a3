/**
 * Documents whose texts differ between the copies (one side corrected or anonymised them):
 * ours' text is kept, and theirs' codings on it are placed on our text by quote, the way
 * an edit re-anchors codings (shared/text/anchor.ts), with the diff of the two texts as
 * the edit. A coding that cannot be placed is not merged; it is reported.
 */
import type { Coding, GlossDocument, Memo, ProjectFile } from '../model/schema';
import { reanchor } from '../text/anchor';
import { diffTexts, OffsetMap } from '../text/text-edit';
import { codePathIn, short } from './context';
import type { MergeReport } from './types';

/**
 * `theirs` (already in our ids) with its codings on text-differing documents moved onto
 * our texts: codings ours also has become ours', the others are re-anchored, and those
 * that cannot be placed are dropped (and listed in report.unplaced). A memo on a dropped
 * coding moves to the coding's document, so no one's words are lost.
 */
export function placeTheirsOnOurTexts(ours: ProjectFile, theirs: ProjectFile, report: MergeReport): ProjectFile {
  const oursDocs = new Map(ours.documents.map((d) => [d.id, d]));
  const differing = new Map<string, { ours: GlossDocument; theirs: GlossDocument }>();
  for (const doc of theirs.documents) {
    const mine = oursDocs.get(doc.id);
    if (mine && mine.text !== doc.text) differing.set(doc.id, { ours: mine, theirs: doc });
  }
  if (differing.size === 0) return theirs;
  for (const { ours: doc } of differing.values()) {
    report.notes.push(`${JSON.stringify(doc.name)}: the text differs between the two files; ours was kept and theirs' codings were placed on it by quote.`);
  }
  const oursCodings = new Map(ours.codings.map((c) => [c.id, c]));
  const theirsCodes = { codes: new Map(theirs.codes.map((c) => [c.id, c])) };
  const edits = new Map<string, OffsetMap>();
  const editOf = (id: string) => {
    let edit = edits.get(id);
    if (!edit) {
      const pair = differing.get(id)!;
      edits.set(id, (edit = new OffsetMap(diffTexts(pair.theirs.text, pair.ours.text))));
    }
    return edit;
  };
  const dropped = new Map<string, Coding>();
  const codings: Coding[] = [];
  for (const coding of theirs.codings) {
    const pair = differing.get(coding.documentId);
    if (!pair) {
      codings.push(coding);
      continue;
    }
    const mine = oursCodings.get(coding.id);
    if (mine) {
      codings.push(mine);
      continue;
    }
    const placed = pair.ours.text.length > 0 ? reanchor(coding, editOf(coding.documentId), pair.ours.text) : null;
    if (!placed || placed.status === 'unplaced') {
      dropped.set(coding.id, coding);
      report.unplaced.push({ document: pair.ours.name, code: codePathIn(theirsCodes, coding.codeId), quote: coding.quote, side: 'theirs' });
      continue;
    }
    report.reanchored++;
    codings.push({
      ...coding,
      start: placed.start,
      end: placed.end,
      quote: placed.quote,
      prefix: placed.prefix,
      suffix: placed.suffix,
      needsReview: placed.needsReview,
    });
  }
  const memos: Memo[] = theirs.memos.map((memo) => {
    const coding = memo.target.kind === 'coding' ? dropped.get(memo.target.id) : undefined;
    if (!coding) return memo;
    report.notes.push(
      `Memo ${JSON.stringify(short(memo.title || memo.text))} was on a coding of theirs that could not be placed; it is now on document ${JSON.stringify(differing.get(coding.documentId)!.ours.name)}.`,
    );
    return { ...memo, target: { kind: 'document', id: coding.documentId } };
  });
  return { ...theirs, codings, memos };
}
