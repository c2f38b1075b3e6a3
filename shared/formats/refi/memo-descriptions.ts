/**
 * Memos as REFI-QDA `Description`s. QualCoder and other tools read a passage's comment
 * from its PlainTextSelection's Description, a document's from its TextSource's and the
 * project's from the Project's, and ignore Notes; so Gloss writes each memo there as well
 * as a Note. Reading a file back, a Description that only repeats the Notes attached to
 * the same thing is not made a second memo (and the project's own description loses the
 * memos it carried), so a round trip gives each memo once.
 */
import type { Memo, MemoTarget } from '../../model/schema';

type MemoText = Pick<Memo, 'title' | 'text'>;

/** One memo as a Description paragraph: its title on a line of its own, then its text. */
function memoChunk(memo: MemoText): string {
  const title = memo.title.trim();
  const text = memo.text.trim();
  return title && text ? `${title}\n${text}` : title || text;
}

/** The memos (oldest first) as one Description: one paragraph each, a blank line between. */
export function memoDescription(memos: readonly MemoText[]): string {
  return memos.map(memoChunk).filter((c) => c !== '').join('\n\n');
}

/** Text compared without regard to line endings and runs of white space, as XML tools may change them. */
const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Whether `description` holds exactly the memos `notes`, in any order. */
export function repeatsNotes(description: string, notes: readonly MemoText[]): boolean {
  const chunks = notes.map(memoChunk).filter((c) => c !== '');
  if (chunks.length === 0) return false;
  const said = normal(description);
  return normal(chunks.join('\n\n')).length === said.length && chunks.every((c) => said.includes(normal(c)));
}

/** A Description met while importing, made a memo only when the Notes do not already say it. */
export interface PendingDescription {
  target: MemoTarget;
  title: string;
  text: string;
  user: string | null;
  time: string | null;
}

const sameTarget = (a: MemoTarget, b: MemoTarget) => a.kind === b.kind && (a.kind === 'project' || (b.kind !== 'project' && a.id === b.id));

/** The descriptions that say more than the notes attached to the same thing. */
export function descriptionsBeyondNotes(descriptions: readonly PendingDescription[], notes: readonly Memo[]): PendingDescription[] {
  return descriptions.filter((d) => !repeatsNotes(d.text, notes.filter((m) => sameTarget(m.target, d.target))));
}

/**
 * The project's own description, without the project memos Gloss appended to it on export
 * (after a blank line, or as the whole of it).
 */
export function projectDescriptionBeyondNotes(description: string, notes: readonly Memo[]): string {
  const own = notes.filter((m) => m.target.kind === 'project').sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  if (own.length === 0) return description;
  if (repeatsNotes(description, own)) return '';
  // The memos' text may itself hold blank lines: try each blank line from the first.
  for (let i = description.indexOf('\n\n'); i !== -1; i = description.indexOf('\n\n', i + 1)) {
    if (repeatsNotes(description.slice(i + 2), own)) return description.slice(0, i).trim();
  }
  return description;
}
