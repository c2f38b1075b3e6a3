/**
 * Speaker turns: who speaks where in a transcript. A turn is the spoken words after a
 * speaker label, up to the next label, without the label itself and trimmed of white space.
 *
 * Where the document has `speaker` structure (an SRT/VTT import's voice tags, or labels
 * stored earlier), that is used: each range holds "Name: words", and the turn is the
 * range without its label. Otherwise labels are read from the text, at the start of a
 * line, with a name of one to four words:
 *
 *   Name:   Officer A:   NAME:   [Name]   Name (00:12):   Name [00:12:03]:
 *
 * optionally after a timestamp such as "[00:12:03]". Plain text is ambiguous ("Note:",
 * "However, the point was:"), so a name counts only when it labels at least two lines of
 * the document, or is written in brackets or with a time (forms that are never ordinary
 * prose); once two such labels make the document a transcript, every label counts.
 */
import type { GlossDocument } from '../model/schema';

export interface SpeakerTurn {
  speaker: string;
  /** The label's place ("Officer A:"), for showing it. */
  labelStart: number;
  labelEnd: number;
  /** The spoken words, trimmed. May be empty (a label with nothing after it). */
  start: number;
  end: number;
}

const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.\-]*`;
/** One to four words, the first starting with a capital letter or a digit-free letter in upper case. */
const NAME = String.raw`\p{Lu}[\p{L}\p{M}\p{N}'’.\-]*(?:[ \t]+${WORD}){0,3}`;
const TIME = String.raw`\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?`;
/** A label at a line start; group 1: a [Name], group 2: a Name with a time, group 3: a plain Name:. */
const LABEL = new RegExp(
  String.raw`^[ \t]*(?:[\[(]${TIME}[\])][ \t]*)?(?:\[(${NAME})\]|(${NAME})[ \t]*[\[(]${TIME}[\])][ \t]*:|(${NAME})[ \t]*:)(?=[ \t]|$)`,
  'gmu',
);

const WHITE = /\s/;

interface Label {
  speaker: string;
  labelStart: number;
  labelEnd: number;
  /** Bracketed or timed: a label whatever else the document holds. */
  sure: boolean;
}

/** LABEL tried at one place only: a label holds no line break, so trying it at each line start finds what LABEL finds, far sooner. */
const LABEL_HERE = new RegExp(LABEL.source, 'ymu');
/** What ends a line for `^` in LABEL (multiline mode). */
const LINE_END = /[\n\r\u2028\u2029]/g;

/** Label candidates in `text`, in order. */
function labelsIn(text: string): Label[] {
  const out: Label[] = [];
  LINE_END.lastIndex = 0;
  for (let line = 0; line >= 0; ) {
    LABEL_HERE.lastIndex = line;
    const m = LABEL_HERE.exec(text);
    if (m) {
      const name = (m[1] ?? m[2] ?? m[3])!.trim();
      const lead = m[0].length - m[0].trimStart().length;
      out.push({ speaker: name, labelStart: m.index + lead, labelEnd: m.index + m[0].length, sure: m[3] === undefined || /^[ \t]*[\[(]\d/.test(m[0]) });
    }
    const end = LINE_END.exec(text);
    line = end ? end.index + 1 : -1;
  }
  return out;
}

/** Turns between labels: from after each label to the next label's line, trimmed. */
function turnsBetween(text: string, labels: readonly Label[]): SpeakerTurn[] {
  return labels.map((label, i) => {
    const next = labels[i + 1];
    let end = next ? text.lastIndexOf('\n', next.labelStart) : text.length;
    if (end < label.labelEnd) end = next ? next.labelStart : text.length;
    let start = label.labelEnd;
    while (start < end && WHITE.test(text[start]!)) start++;
    while (end > start && WHITE.test(text[end - 1]!)) end--;
    return { speaker: label.speaker, labelStart: label.labelStart, labelEnd: label.labelEnd, start, end };
  });
}

/** The key two spellings of one speaker's name share. */
const speakerKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/** Speaker turns read from plain text (see the top of this file). */
/** labelsIn as it was, LABEL over the whole text: for the tests that check the two agree. */
export function labelsByWholeText(text: string): { speaker: string; labelStart: number; labelEnd: number }[] {
  const out: { speaker: string; labelStart: number; labelEnd: number }[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) out.push({ speaker: (m[1] ?? m[2] ?? m[3])!.trim(), labelStart: m.index + m[0].length - m[0].trimStart().length, labelEnd: m.index + m[0].length });
  return out;
}

/** Label candidates as labelsIn finds them, for the tests. */
export const labelCandidates = (text: string) => labelsIn(text).map(({ speaker, labelStart, labelEnd }) => ({ speaker, labelStart, labelEnd }));

export function detectTurns(text: string): SpeakerTurn[] {
  const candidates = labelsIn(text);
  const uses = new Map<string, number>();
  for (const c of candidates) uses.set(speakerKey(c.speaker), (uses.get(speakerKey(c.speaker)) ?? 0) + 1);
  const trusted = candidates.filter((c) => c.sure || uses.get(speakerKey(c.speaker))! >= 2);
  // Two trusted labels make the document a transcript: then a speaker heard once counts too.
  return turnsBetween(text, trusted.length >= 2 ? candidates : trusted);
}

/** Turns from the document's `speaker` ranges: each range without its leading "Label:". */
function turnsFromStructure(doc: Pick<GlossDocument, 'text' | 'structure'>): SpeakerTurn[] {
  const out: SpeakerTurn[] = [];
  for (const r of doc.structure) {
    if (r.kind !== 'speaker' || r.end <= r.start || r.end > doc.text.length) continue;
    const speaker = (r.label ?? '').trim();
    if (speaker === '') continue;
    let start = r.start;
    let labelEnd = r.start;
    if (doc.text.startsWith(speaker, start)) {
      let at = start + speaker.length;
      while (at < r.end && (doc.text[at] === ' ' || doc.text[at] === '\t')) at++;
      if (doc.text[at] === ':') {
        labelEnd = at + 1;
        start = labelEnd;
      }
    }
    let end = r.end;
    while (start < end && WHITE.test(doc.text[start]!)) start++;
    while (end > start && WHITE.test(doc.text[end - 1]!)) end--;
    out.push({ speaker, labelStart: r.start, labelEnd, start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}

const turnCache = new WeakMap<GlossDocument, SpeakerTurn[]>();

/** The document's speaker turns: its speaker structure where it has one, else labels read from its text. */
export function turnsOf(doc: GlossDocument): SpeakerTurn[] {
  let turns = turnCache.get(doc);
  if (!turns) {
    turns = doc.structure.some((r) => r.kind === 'speaker') ? turnsFromStructure(doc) : detectTurns(doc.text);
    turnCache.set(doc, turns);
  }
  return turns;
}

/** The turn whose spoken words hold [start, end) wholly, or null (a label, text before the first label). */
export function turnHolding(turns: readonly SpeakerTurn[], start: number, end: number): SpeakerTurn | null {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  const turn = turns[lo - 1];
  return turn && end <= turn.end ? turn : null;
}

/**
 * Where the spoken words begin for a passage starting at `offset`: past the label when
 * `offset` is on a label or the white space after it, else `offset` itself.
 */
export function spokenStart(turns: readonly SpeakerTurn[], offset: number): number {
  let lo = 0;
  let hi = turns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (turns[mid]!.labelStart <= offset) lo = mid + 1;
    else hi = mid;
  }
  const turn = turns[lo - 1];
  return turn && offset < turn.start ? turn.start : offset;
}

/** Speakers and how many turns each has, in order of first appearance; one name in any case is one speaker, spelt as first seen. */
export function speakersOf(turns: readonly SpeakerTurn[]): { speaker: string; turns: number }[] {
  const counts = new Map<string, { speaker: string; turns: number }>();
  for (const t of turns) {
    const key = speakerKey(t.speaker);
    const entry = counts.get(key);
    if (entry) entry.turns++;
    else counts.set(key, { speaker: t.speaker, turns: 1 });
  }
  return [...counts.values()];
}

/** Whether two speaker names are the same person's: the same words, in any case. */
export const sameSpeaker = (a: string, b: string) => speakerKey(a) === speakerKey(b);

/** Speakers per document and for the project (see SpeakersList in the IPC contract). */
export function projectSpeakers(documents: Iterable<GlossDocument>): {
  documents: { documentId: string; speakers: { speaker: string; turns: number }[] }[];
  project: { speaker: string; turns: number; documents: number }[];
} {
  const perDocument: { documentId: string; speakers: { speaker: string; turns: number }[] }[] = [];
  const total = new Map<string, { speaker: string; turns: number; documents: number }>();
  for (const doc of documents) {
    const speakers = speakersOf(turnsOf(doc));
    if (speakers.length === 0) continue;
    perDocument.push({ documentId: doc.id, speakers });
    const counted = new Set<string>();
    for (const s of speakers) {
      const key = speakerKey(s.speaker);
      const entry = total.get(key) ?? { speaker: s.speaker, turns: 0, documents: 0 };
      entry.turns += s.turns;
      if (!counted.has(key)) entry.documents++;
      counted.add(key);
      total.set(key, entry);
    }
  }
  return { documents: perDocument, project: [...total.values()] };
}
