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
 */
import { err, ok } from '../result';
import { binaryStart, decodeText } from './decode-text';
import { extensionOf } from './file-names';
import { MAX_TEXT_FILE_BYTES } from './limits';
import type { Importer } from './registry';
import { TextBuilder } from './text-builder';

interface Cue {
  /** Start time, "hh:mm:ss.mmm". */
  start: string;
  lines: string[];
}

interface Segment {
  speaker: string | null;
  text: string;
}

interface Turn {
  start: string;
  speaker: string | null;
  texts: string[];
}

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}`);
const LABEL = /^([\p{Lu}][\p{L}\p{M}\p{N}'’.-]*(?:\s+[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*){0,3})\s*:\s+(\S.*)$/u;
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]*)>/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function normaliseTime(m: RegExpExecArray, offset: number): string {
  const [hours = '0', minutes = '0', seconds = '0', millis = '0'] = [m[offset], m[offset + 1], m[offset + 2], m[offset + 3]];
  const pad = (v: string, n: number) => v.padStart(n, '0');
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${millis.padEnd(3, '0')}`;
}

/** Splits a file into cues; header, NOTE, STYLE and REGION blocks are dropped. */
export function parseCues(text: string): Cue[] {
  const cues: Cue[] = [];
  const blocks = text.replace(/^\ufeff/, '').split(/\n[ \t]*\n+/);
  for (const [index, block] of blocks.entries()) {
    const lines = block.split('\n').filter((l, i) => i > 0 || l.trim() !== '');
    const first = lines[0]?.trim() ?? '';
    if (index === 0 && /^WEBVTT(?:\s|$)/.test(first)) continue;
    if (/^(?:NOTE|STYLE|REGION)(?:\s|$)/.test(first)) continue;
    const timingAt = lines.findIndex((l) => TIMING.test(l));
    if (timingAt < 0 || timingAt > 1) {
      // A blank line inside a cue's text (common in hand-made SRT files): it continues the cue.
      if (cues.length > 0 && lines.some((l) => l.trim())) cues.at(-1)!.lines.push(...lines);
      continue;
    }
    const timing = TIMING.exec(lines[timingAt]!)!;
    cues.push({ start: normaliseTime(timing, 1), lines: lines.slice(timingAt + 1) });
  }
  return cues;
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
    out.openSpan('timestamp', { label: turn.start });
    out.text(`[${turn.start.slice(0, 8)}]`);
    out.closeSpan();
    out.space(' ');
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
    const cues = parseCues(decoded.value.text);
    if (cues.length === 0) return err(`it holds no subtitle cues (no “00:00:01${vtt ? '.' : ','}000 --> …” timing lines)`);
    const out = new TextBuilder();
    writeTurns(turnsOf(cues), out);
    return ok({
      ...out.result(),
      type: vtt ? 'text/vtt' : 'application/x-subrip',
      notes: decoded.value.encoding === 'utf-8' ? [] : [`read as ${decoded.value.encoding.toUpperCase()}`],
    });
  },
};
