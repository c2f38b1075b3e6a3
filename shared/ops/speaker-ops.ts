/**
 * Keeping the speaker turns read from a transcript's labels as the document's `speaker`
 * structure: the reader can then show who speaks, and the turns follow the text through
 * edits as every structure range does. One undoable step; documents that already have
 * speaker structure (an SRT/VTT import's voices, or an earlier run) are left as they are.
 */
import { z } from 'zod';
import type { Patch, ProjectState } from '../model/state';
import { detectTurns } from '../analysis/speaker-turns';
import { err, ok, type Result } from '../result';
import type { Planned } from './plan';

export const storeSpeakersSchema = z.object({
  type: z.literal('storeSpeakers'),
  /** These documents; every document when absent. */
  documentIds: z.array(z.string().min(1)).max(100_000).optional(),
});

/** Plans storing detected turns (the spoken words, labelled with the speaker) as `speaker` ranges. */
export function planStoreSpeakers(state: ProjectState, request: z.infer<typeof storeSpeakersSchema>): Result<Planned> {
  const ids = request.documentIds ?? [...state.documents.keys()];
  const patches: Patch[] = [];
  let turns = 0;
  for (const id of ids) {
    const doc = state.documents.get(id);
    if (!doc) return err(`there is no document with id ${id}`);
    if (doc.structure.some((r) => r.kind === 'speaker')) continue;
    const found = detectTurns(doc.text).filter((t) => t.end > t.start);
    if (found.length === 0) continue;
    turns += found.length;
    const ranges = found.map((t) => ({ kind: 'speaker' as const, start: t.start, end: t.end, label: t.speaker }));
    patches.push({ table: 'documents', op: 'put', value: { ...doc, structure: [...doc.structure, ...ranges] } });
  }
  if (patches.length === 0) return err('no speaker labels such as “Name:” were found at line starts in documents without speakers');
  return ok({
    label: `Keep ${turns === 1 ? '1 speaker turn' : `${turns} speaker turns`} in ${patches.length === 1 ? '1 document' : `${patches.length} documents`}`,
    change: { patches },
    created: {},
  });
}
