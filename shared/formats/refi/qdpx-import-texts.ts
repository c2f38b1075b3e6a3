/**
 * Finding and decoding the texts of a QDPX archive, and deciding how its selection
 * positions count characters (NOTES.md §1, §4, §5.2, §5.8).
 */
import { decodeWindows1252 } from '../../import/windows-1252';
import {
  ALL_SCHEMES,
  describeScheme,
  nameQuotes,
  positionMapper,
  sameScheme,
  schemeForOrigin,
  type MappedPosition,
  type PositionScheme,
  type StoredText,
} from './positions-in';
import type { PositionUnit } from './qde-positions';
import type { QdeSelection } from './qde-read';

/**
 * A lookup from a `plainTextPath` to the archive entry it names: `internal://x.txt` (with
 * any number of slashes, with or without a leading `sources/`) is looked up in `sources/`
 * or `Sources/` case-insensitively. The lookup returns 'external' for `relative:`/`absolute:`
 * paths, null when nothing matches or the path tries to leave the archive. The entry names
 * are indexed once, so an archive with thousands of texts is not searched once per text.
 */
export function entryFinder(names: readonly string[]): (path: string) => string | 'external' | null {
  const firstIndex = new Map<string, number>();
  const firstFolded = new Map<string, string>();
  names.forEach((name, i) => {
    if (!firstIndex.has(name)) firstIndex.set(name, i);
    const folded = name.toLowerCase();
    if (!firstFolded.has(folded)) firstFolded.set(folded, name);
  });
  return (path) => {
    const scheme = /^([a-z]+):/i.exec(path.trim());
    if (scheme && scheme[1]!.toLowerCase() !== 'internal') return 'external';
    let rest = path.trim().slice(scheme ? scheme[0].length : 0).replace(/\\/g, '/').replace(/^\/+/, '');
    try {
      rest = decodeURIComponent(rest);
    } catch {
      // A literal "%" in a file name: use the name as written.
    }
    if (rest === '' || rest.split('/').includes('..')) return null;
    // An exact name wins over a case-insensitive one; of two exact names, the one listed first.
    const exact = Math.min(firstIndex.get(rest) ?? Infinity, firstIndex.get(`sources/${rest}`) ?? Infinity);
    if (exact !== Infinity) return names[exact]!;
    return firstFolded.get(rest.toLowerCase()) ?? firstFolded.get(`sources/${rest}`.toLowerCase()) ?? null;
  };
}

/** A source text as stored: BOM removed, line endings kept, with a note when it was not UTF-8. */
export function decodeSourceText(bytes: Uint8Array): { raw: string; note: string | null } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { raw: new TextDecoder(encoding).decode(bytes.subarray(2)), note: `it is ${encoding.toUpperCase()}, not UTF-8 as the standard asks` };
  }
  try {
    return { raw: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    return { raw: decodeWindows1252(bytes), note: 'it is not valid UTF-8; it was read as Windows-1252' };
  }
}

export interface SchemeChoice {
  scheme: PositionScheme;
  /** Words for report.positions. */
  description: string;
  warnings: string[];
}

/** A text with the selections made on it, for checking positions against their quotes. */
export interface CheckedText {
  stored: StoredText;
  selections: readonly QdeSelection[];
}

/** Whether selection `s` (which has a name) quotes its passage when its positions are read with `map`. */
function quotesUnder(map: (position: number) => MappedPosition, stored: StoredText, s: QdeSelection): boolean {
  const a = map(s.start);
  const b = map(s.end);
  return a.ok && b.ok && b.offset > a.offset && nameQuotes(s.name!, stored.text.slice(a.offset, b.offset));
}

/**
 * Picks the position scheme: the one the writing program is known for (or the one the user
 * asked for), unless the quotes ATLAS.ti and QualCoder keep in PlainTextSelection@name
 * clearly agree better with another. Every departure is explained in the warnings.
 */
export function chooseScheme(origin: string | null, asked: 'auto' | PositionUnit, texts: readonly CheckedText[]): SchemeChoice {
  const byOrigin = schemeForOrigin(origin);
  const base: PositionScheme = asked === 'auto' ? byOrigin.scheme : { unit: asked, crlf: byOrigin.scheme.crlf };
  const why = asked !== 'auto' ? 'as asked' : byOrigin.known ? `as ${byOrigin.known} writes them` : 'as the REFI-QDA standard says';
  // One pass: for every scheme, how many named selections quote their passage read that way.
  // Only names that quote their passage under some reading say anything about positions.
  const counts = ALL_SCHEMES.map(() => 0);
  let quoting = 0;
  for (const { stored, selections } of texts) {
    const maps = ALL_SCHEMES.map((s) => positionMapper(stored, s));
    for (const s of selections) {
      if (!s.name) continue;
      let quotes = false;
      maps.forEach((map, i) => {
        if (quotesUnder(map, stored, s)) {
          counts[i]!++;
          quotes = true;
        }
      });
      if (quotes) quoting++;
    }
  }
  const score = (scheme: PositionScheme) => counts[ALL_SCHEMES.findIndex((s) => sameScheme(s, scheme))]!;
  const warnings: string[] = [];
  if (quoting === 0) return { scheme: base, description: `${describeScheme(base)} (${why})`, warnings };
  const baseScore = score(base);
  // Under 'auto' every reading competes; a unit the user asked for is kept, only the line-break count is checked.
  const candidates = ALL_SCHEMES.filter((s) => asked === 'auto' || s.unit === asked);
  let best = base;
  let bestScore = baseScore;
  for (const candidate of candidates) {
    const candidateScore = score(candidate);
    if (candidateScore > bestScore) {
      best = candidate;
      bestScore = candidateScore;
    }
  }
  // "Clearly better": at least one more selection and a tenth of the checkable ones, so noise does not flip it.
  const clearly = bestScore - baseScore >= Math.max(1, Math.ceil(quoting / 10));
  let chosen = base;
  if (clearly && !sameScheme(best, base)) {
    chosen = best;
    warnings.push(
      `Text positions were read as ${describeScheme(best)} instead of ${describeScheme(base)} (${why}): ${bestScore} of ${quoting} quoted selections match that way, ${baseScore} the other way.`,
    );
  }
  if (asked !== 'auto') {
    const other = ALL_SCHEMES.filter((s) => s.unit !== asked).map((s) => ({ s, score: score(s) }));
    const top = other.reduce((a, b) => (b.score > a.score ? b : a));
    const chosenScore = sameScheme(chosen, base) ? baseScore : bestScore;
    if (top.score - chosenScore >= Math.max(1, Math.ceil(quoting / 10))) {
      warnings.push(
        `Text positions were read as ${describeScheme(chosen)} as asked, but ${top.score} of ${quoting} quoted selections match ${describeScheme(top.s)} (only ${chosenScore} as asked); try importing with positions "auto".`,
      );
    }
  }
  const finalScore = sameScheme(chosen, base) ? baseScore : bestScore;
  if (finalScore < quoting) {
    warnings.push(`${quoting - finalScore} of ${quoting} selections do not cover the text their name quotes; check their codings.`);
  }
  const checked = `checked against ${quoting} quoted selection${quoting === 1 ? '' : 's'}`;
  return { scheme: chosen, description: `${describeScheme(chosen)} (${sameScheme(chosen, base) ? why : 'matching the quoted text'}; ${checked})`, warnings };
}
