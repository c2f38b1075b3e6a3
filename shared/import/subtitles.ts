/**
 * Subtitle and transcript files (SRT, WebVTT), read by a small parser of our own: both
 * formats are a few lines of grammar and no library is better kept than that. Each cue
 * becomes a paragraph "[00:01:02] Anna: text", its timestamp and speaker kept as text and
 * as `timestamp` and `speaker` ranges. Consecutive cues of the same named speaker are one
 * turn, as a transcript reads; cue numbers, styling tags and NOTE/STYLE/REGION blocks go.
 *
 * Speakers come from WebVTT voices (`<v Anna>`) or a "Name:" label at the start of a
 * line; a label counts only when it is in capitals ("ANNA:") or names someone at least
 * twice in the file, so that "Note: …" in a sentence is not taken for a speaker.
 *
 * Nothing is dropped without a note: a cue whose timing cannot be read keeps its text
 * without a timestamp, and text before the first cue and NOTE comments are listed.
 */
import { err, ok } from '../result';
import { binaryStart, decodeText } from './decode-text';
import { extensionOf } from './file-names';
import { MAX_TEXT_FILE_BYTES } from './limits';
import type { Importer } from './registry';
import { TextBuilder } from './text-builder';

interface Cue {
  /** Start time, "hh:mm:ss.mmm"; null when the cue's timing cannot be read. */
  start: string | null;
  lines: string[];
}

interface Segment {
  speaker: string | null;
  text: string;
}

interface Turn {
  start: string | null;
  speaker: string | null;
  texts: string[];
}

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}`);
/** A line meant as a timing, readable or not: digits and separators, then the arrow ("A --> B" in a text is no timing). */
const TIMING_LIKE = /^\s*[\d:.,]+\s*-->/;
/** Hours past 99 are no recording's, and a timestamp is shown as [hh:mm:ss]. */
const MAX_HOURS = 99;
const LABEL = /^([\p{Lu}][\p{L}\p{M}\p{N}'’.-]*(?:\s+[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*){0,3})\s*:\s+(\S.*)$/u;
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]*)>/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function normaliseTime(m: RegExpExecArray, offset: number): string {
  const [hours = '0', minutes = '0', seconds = '0', millis = '0'] = [m[offset], m[offset + 1], m[offset + 2], m[offset + 3]];
  const pad = (v: string, n: number) => v.padStart(n, '0');
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${millis.padEnd(3, '0')}`;
}

/** Whether the time matched at `offset` of `m` is a real one: minutes and seconds under 60, hours up to MAX_HOURS. */
function validTime(m: RegExpExecArray, offset: number): boolean {
  return Number(m[offset] ?? 0) <= MAX_HOURS && Number(m[offset + 1]) < 60 && Number(m[offset + 2]) < 60;
}

/** The start time of a timing line, or null when the line is no timing Gloss can read. */
function startOf(line: string): string | null {
  const m = TIMING.exec(line);
  return m && validTime(m, 1) && validTime(m, 5) ? normaliseTime(m, 1) : null;
}

/** The blocks of a file (runs of non-blank lines), each with the number of its first line. */
function blocksOf(text: string): { line: number; lines: string[] }[] {
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  text
    .replace(/^\ufeff/, '')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') current = null;
      else if (current) current.lines.push(line);
      else blocks.push((current = { line: i + 1, lines: [line] }));
    });
  return blocks;
}

/** "3, 6 and 9", or "3, 6, 9, 12, 15 and 4 more". */
function lineList(lines: readonly number[]): string {
  const shown = lines.slice(0, 5);
  if (lines.length > 5) return `${shown.join(', ')} and ${lines.length - 5} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : String(shown[0]);
}

/** A cue's text shortened for a note. */
const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

/**
 * Splits a file into cues; header, STYLE and REGION blocks are dropped. `notes` says what
 * could not be read as it should: cues with an unreadable timing (kept, without a time),
 * text before the first cue and NOTE comments (left out).
 */
export function parseCues(text: string): { cues: Cue[]; notes: string[] } {
  const cues: Cue[] = [];
  const unreadable: { line: number; timing: string }[] = [];
  const before: { line: number; text: string }[] = [];
  const comments: number[] = [];
  /** Lines outside any timing: a blank line inside a cue's text (common in hand-made SRT files) continues the cue. */
  const continueCue = (lines: readonly string[], line: number) => {
    if (lines.length === 0) return;
    const last = cues.at(-1);
    if (last) last.lines.push(...lines);
    else before.push({ line, text: lines.map((l) => l.trim()).join(' ') });
  };
  for (const [index, block] of blocksOf(text).entries()) {
    const first = block.lines[0]!.trim();
    if (index === 0 && /^WEBVTT(?:\s|$)/.test(first)) continue;
    if (/^NOTE(?:\s|$)/.test(first)) {
      comments.push(block.line);
      continue;
    }
    if (/^(?:STYLE|REGION)(?:\s|$)/.test(first)) continue;
    const timings = block.lines.flatMap((l, i) => (TIMING_LIKE.test(l) ? [i] : []));
    if (timings.length === 0) {
      continueCue(block.lines, block.line);
      continue;
    }
    // The line before a block's first timing is the cue's id (SRT's number, WebVTT's name); lines before it continue the cue before.
    const firstTiming = timings[0]!;
    continueCue(block.lines.slice(0, Math.max(0, firstTiming - 1)), block.line);
    timings.forEach((at, k) => {
      let end = timings[k + 1] ?? block.lines.length;
      // A cue run on without a blank line: its SRT number belongs to it, not to the text before.
      if (k + 1 < timings.length && /^\s*\d+\s*$/.test(block.lines[end - 1]!)) end--;
      const timing = block.lines[at]!;
      const start = startOf(timing);
      if (start === null) unreadable.push({ line: block.line + at, timing: timing.trim() });
      cues.push({ start, lines: block.lines.slice(at + 1, end) });
    });
  }
  const notes: string[] = [];
  if (unreadable.length === 1) {
    notes.push(`the cue at line ${unreadable[0]!.line} has a timing Gloss cannot read (“${excerpt(unreadable[0]!.timing)}”); its text was kept without a timestamp`);
  } else if (unreadable.length > 1) {
    notes.push(
      `${unreadable.length} cues have a timing Gloss cannot read (lines ${lineList(unreadable.map((u) => u.line))}, the first “${excerpt(unreadable[0]!.timing)}”); their text was kept without a timestamp`,
    );
  }
  if (before.length > 0) {
    notes.push(`the text before its first cue (line ${before[0]!.line}: “${excerpt(before.map((b) => b.text).join(' '))}”) has no timing and was left out`);
  }
  if (comments.length === 1) notes.push(`its NOTE comment (line ${comments[0]}) was left out, as players leave it out`);
  if (comments.length > 1) notes.push(`its ${comments.length} NOTE comments (lines ${lineList(comments)}) were left out, as players leave them out`);
  return { cues, notes };
}

/** A cue line without markup: tags, ASS overrides ({\an8}) and character references. */
function plainLine(line: string): string {
  return line
    .replace(/<[^>]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Labels ("Anna:") that name a speaker: in capitals, or used at least twice. */
function speakerLabels(cues: readonly Cue[]): Set<string> {
  const counts = new Map<string, number>();
  for (const cue of cues) {
    for (const line of cue.lines) {
      const label = LABEL.exec(plainLine(line).replace(/^>>\s*/, ''))?.[1];
      if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
  }
  const out = new Set<string>();
  for (const [label, count] of counts) {
    const letters = label.replace(/[^\p{L}]/gu, '');
    if (count >= 2 || (letters.length >= 2 && letters === letters.toUpperCase())) out.add(label);
  }
  return out;
}

/** A cue's lines as segments, each starting where a speaker (or a dialogue dash) starts. */
function segmentsOf(cue: Cue, labels: ReadonlySet<string>): Segment[] {
  const segments: Segment[] = [];
  for (const raw of cue.lines) {
    const voice = VOICE.exec(raw)?.[1]?.trim();
    let line = plainLine(raw);
    if (!line) continue;
    let speaker: string | null | undefined;
    if (voice) speaker = voice;
    if (line.startsWith('>>')) {
      line = line.replace(/^>>\s*/, '');
      speaker ??= null;
    }
    const label = LABEL.exec(line);
    if (label && labels.has(label[1]!)) {
      speaker = label[1]!;
      line = label[2]!;
    } else if (/^[-–]\s/.test(line)) {
      // A dialogue dash: someone else speaks; the dash itself is layout.
      line = line.replace(/^[-–]\s+/, '');
      speaker ??= null;
    }
    const current = segments.at(-1);
    if (speaker === undefined && current) current.text += ` ${line}`;
    else segments.push({ speaker: speaker ?? null, text: line });
  }
  return segments;
}

/** Cues as speaker turns: a cue continuing the previous cue's named speaker joins that turn. */
export function turnsOf(cues: readonly Cue[]): Turn[] {
  const labels = speakerLabels(cues);
  const turns: Turn[] = [];
  for (const cue of cues) {
    segmentsOf(cue, labels).forEach((segment, i) => {
      const last = turns.at(-1);
      if (i === 0 && last && segment.speaker !== null && segment.speaker === last.speaker) last.texts.push(segment.text);
      else turns.push({ start: cue.start, speaker: segment.speaker, texts: [segment.text] });
    });
  }
  return turns;
}

function writeTurns(turns: readonly Turn[], out: TextBuilder): void {
  for (const turn of turns) {
    out.openBlock('paragraph');
    if (turn.start !== null) {
      out.openSpan('timestamp', { label: turn.start });
      out.text(`[${turn.start.slice(0, 8)}]`);
      out.closeSpan();
      out.space(' ');
    }
    if (turn.speaker) out.openSpan('speaker', { label: turn.speaker });
    out.text(turn.speaker ? `${turn.speaker}: ${turn.texts.join(' ')}` : turn.texts.join(' '));
    if (turn.speaker) out.closeSpan();
    out.closeBlock();
  }
}

export const subtitlesImporter: Importer = {
  extensions: ['.srt', '.vtt'],
  label: 'Subtitles and transcripts (SRT, VTT)',
  maxBytes: MAX_TEXT_FILE_BYTES,
  sniff: binaryStart,
  async read(bytes, fileName) {
    if (bytes.length === 0) return err('the file is empty');
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    const vtt = extensionOf(fileName) === '.vtt';
    const { cues, notes } = parseCues(decoded.value.text);
    if (cues.length === 0) return err(`it holds no subtitle cues (no “00:00:01${vtt ? '.' : ','}000 --> …” timing lines)`);
    const out = new TextBuilder();
    writeTurns(turnsOf(cues), out);
    return ok({
      ...out.result(),
      type: vtt ? 'text/vtt' : 'application/x-subrip',
      notes: [...(decoded.value.encoding === 'utf-8' ? [] : [`read as ${decoded.value.encoding.toUpperCase()}`]), ...notes],
    });
  },
};
