/**
 * Before a Change that rewrites a document's text (edit text, anonymise, their undo) is
 * applied, the new text of every document whose old text the renderer holds is fetched;
 * the store then keeps the new texts and applies the Change in one update. So the reader, which
 * shows a cached text with the mirror's codings, never draws the new codings on the old
 * text, nor goes blank while the new text is on its way. Documents whose text is not held
 * are fetched when they are next shown.
 */
import type { DocumentContent, IndexChange } from '../../../shared/model/document-index';
import { useGloss } from '../store';
import { getBridge } from './index';

/** The new texts of the cached documents `change` rewrites (those that could be fetched); never throws. */
export async function fetchRewrittenTexts(change: IndexChange): Promise<DocumentContent[]> {
  const { texts } = useGloss.getState();
  const stale: string[] = [];
  for (const patch of change.patches) {
    if (patch.table !== 'documents' || patch.op !== 'put') continue;
    const held = texts.keyOf(patch.value.id);
    if (held !== null && held !== patch.value.contentKey) stale.push(patch.value.id);
  }
  const fetched = await Promise.all(
    stale.map(async (id) => {
      try {
        // Straight to the bridge, not through call: this runs while call holds back replies.
        return await getBridge()['documents:text'](id);
      } catch {
        // Fetched again when the document is shown; the old text is never used with the new index.
        return null;
      }
    }),
  );
  return fetched.filter((content): content is DocumentContent => content !== null);
}
