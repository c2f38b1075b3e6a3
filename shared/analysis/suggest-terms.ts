/// <reference path="./stopword.d.ts" />
/**
 * The terms "more like this" compares passages by: the words of a text, lower-cased, without
 * the language's stop words (the stopword package's lists), and for English reduced to
 * their Porter stems (the stemmer package), so "trained", "training" and "trains" are one
 * term. Other languages keep whole words: no stemmer for them ships offline with a package
 * the field trusts, and a wrong stem is worse than none.
 */
import * as stopwords from 'stopword';
import { stemmer } from 'stemmer';
import { primaryLanguage } from './text-language';

/** ISO 639-1 (what documents' language tags start with) to the stopword package's ISO 639-3 keys. */
const LIST_KEYS: Record<string, string> = {
  af: 'afr', ar: 'ara', bg: 'bul', bn: 'ben', ca: 'cat', cs: 'ces', da: 'dan', de: 'deu', el: 'ell', en: 'eng', eo: 'epo',
  es: 'spa', et: 'est', eu: 'eus', fa: 'fas', fi: 'fin', fr: 'fra', ga: 'gle', gl: 'glg', gu: 'guj', ha: 'hau', he: 'heb',
  hi: 'hin', hr: 'hrv', hu: 'hun', hy: 'hye', id: 'ind', it: 'ita', ja: 'jpn', ko: 'kor', ku: 'kur', la: 'lat', lt: 'lit',
  lv: 'lav', mr: 'mar', ms: 'msa', my: 'mya', nb: 'nob', nl: 'nld', no: 'nob', pl: 'pol', pt: 'por', ro: 'ron', ru: 'rus',
  sk: 'slk', sl: 'slv', so: 'som', st: 'sot', sv: 'swe', sw: 'swa', th: 'tha', tl: 'tgl', tr: 'tur', uk: 'ukr', ur: 'urd',
  vi: 'vie', yo: 'yor', zh: 'zho', zu: 'zul',
};

const stopSets = new Map<string, Set<string>>();

function stopSet(language: string): Set<string> {
  const primary = primaryLanguage(language);
  let set = stopSets.get(primary);
  if (!set) {
    const list = (stopwords as unknown as Record<string, string[] | undefined>)[LIST_KEYS[primary] ?? 'eng'] ?? [];
    set = new Set(list.map((w) => w.toLocaleLowerCase()));
    stopSets.set(primary, set);
  }
  return set;
}

/** A run of letters and digits, with inner apostrophes ("don't", "O’Brien"). */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;

/** One word of a text: where it stands and the term it counts as. */
export interface TermAt {
  start: number;
  end: number;
  term: string;
}

const termCaches = new Map<string, Map<string, string | null>>();

/** The term for one word in `language`, or null for a stop word, a number or a single letter. */
export function termOf(word: string, language: string): string | null {
  let cache = termCaches.get(language);
  if (!cache) termCaches.set(language, (cache = new Map()));
  let term = cache.get(word);
  if (term === undefined) {
    term = computeTerm(word, language);
    // Interviews reuse a few thousand words; past this many the cache only costs memory.
    if (cache.size < 200_000) cache.set(word, term);
  }
  return term;
}

function computeTerm(word: string, language: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 2 || /^\p{N}+$/u.test(lower)) return null;
  const stops = stopSet(language);
  if (stops.has(lower) || stops.has(lower.replace(/’/g, "'"))) return null;
  return primaryLanguage(language) === 'en' ? stemmer(lower.replace(/['’]s$/, '')) : lower;
}

/** The terms of `text` from `start` to `end`, with their places. */
export function termsIn(text: string, language: string, start = 0, end = text.length): TermAt[] {
  const out: TermAt[] = [];
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  for (const m of slice.matchAll(WORD)) {
    const term = termOf(m[0], language);
    if (term) out.push({ start: start + m.index, end: start + m.index + m[0].length, term });
  }
  return out;
}
