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

/**
 * A word: a run of letters and digits, with inner apostrophes ("don't", "O’Brien"), as the
 * regular expression below says. termsIn finds the same words with a scan over the text's
 * code points (classified once each, below), which is several times faster than matchAll
 * on 10 million characters and makes no match objects; WORD stays as the definition, and
 * the tests check the scan against it.
 */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*/gu;

/** Classes of a code point, as bits: may start a word (L, N), may go on (L, M, N), may follow an apostrophe (L, M). */
const START = 1;
const GO_ON = 2;
const AFTER_APOSTROPHE = 4;
const KNOWN = 8;

const IS_LN = /^[\p{L}\p{N}]$/u;
const IS_LMN = /^[\p{L}\p{M}\p{N}]$/u;
const IS_LM = /^[\p{L}\p{M}]$/u;

function classify(char: string): number {
  return KNOWN | (IS_LN.test(char) ? START : 0) | (IS_LMN.test(char) ? GO_ON : 0) | (IS_LM.test(char) ? AFTER_APOSTROPHE : 0);
}

/** ASCII's classes, looked up first. */
const ascii = Uint8Array.from({ length: 0x80 }, (_, code) => classify(String.fromCharCode(code)));

/** Classes of the Basic Multilingual Plane, worked out when first met (lone surrogates are no letter). */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

function classAt(code: number): number {
  let bits = bmp[code]!;
  if (bits === 0) bmp[code] = bits = code >= 0xd800 && code <= 0xdfff ? KNOWN : classify(String.fromCharCode(code));
  return bits;
}

function astralClass(point: number): number {
  let bits = astral.get(point);
  if (bits === undefined) astral.set(point, (bits = classify(String.fromCodePoint(point))));
  return bits;
}

/**
 * The classes of the code point at `at` (not reading at or past `end`) in the low bits,
 * and its length in code units (1 or 2) from bit 4 on.
 */
function pointAt(text: string, at: number, end: number): number {
  const code = text.charCodeAt(at);
  if (code < 0x80) return ascii[code]! | 16;
  if (code < 0xd800 || code > 0xdbff || at + 1 >= end) return classAt(code) | 16;
  const low = text.charCodeAt(at + 1);
  if (low < 0xdc00 || low > 0xdfff) return KNOWN | 16;
  return astralClass(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000) | 32;
}

/**
 * Calls `found` with each word of `text` from `start` to `end` (not looking past either
 * end, as matching WORD against that slice would not), left to right.
 */
export function scanWords(text: string, start: number, end: number, found: (from: number, to: number) => void): void {
  let i = start;
  while (i < end) {
    let point = pointAt(text, i, end);
    if (!(point & START)) {
      i += point >> 4;
      continue;
    }
    const from = i;
    i += point >> 4;
    while (i < end && (point = pointAt(text, i, end)) & GO_ON) i += point >> 4;
    // Apostrophe groups: an apostrophe and at least one letter or mark, as often as they come.
    for (;;) {
      const c = text.charCodeAt(i);
      if (i + 1 >= end || (c !== 0x27 && c !== 0x2019) || !((point = pointAt(text, i + 1, end)) & AFTER_APOSTROPHE)) break;
      i += 1 + (point >> 4);
      while (i < end && (point = pointAt(text, i, end)) & AFTER_APOSTROPHE) i += point >> 4;
    }
    found(from, i);
  }
}

/** One word of a text: where it stands and the term it counts as. */
export interface TermAt {
  start: number;
  end: number;
  term: string;
}

/**
 * Terms are numbered as they are first met (one numbering for every language), so an index
 * can count them in typed arrays; NO_TERM stands for a word that is no term.
 */
export const NO_TERM = -1;
const termNumbers = new Map<string, number>();
const termNames: string[] = [];

/** The term numbered `id`. */
export const termName = (id: number): string => termNames[id]!;

/** The number of `term`, if any word has been read as it. */
export const termNumber = (term: string): number | undefined => termNumbers.get(term);

function numberOf(term: string | null): number {
  if (term === null) return NO_TERM;
  let id = termNumbers.get(term);
  if (id === undefined) {
    termNumbers.set(term, (id = termNames.length));
    termNames.push(term);
  }
  return id;
}

const termCaches = new Map<string, Map<string, number>>();

/** The number of the term for one word in `language`, or NO_TERM for a stop word, a number or a single letter. */
export function termIdOf(word: string, language: string): number {
  let cache = termCaches.get(language);
  if (!cache) termCaches.set(language, (cache = new Map()));
  let id = cache.get(word);
  if (id === undefined) {
    id = numberOf(computeTerm(word, language));
    // Interviews reuse a few thousand words; past this many the cache only costs memory.
    if (cache.size < 200_000) cache.set(word, id);
  }
  return id;
}

/** The term for one word in `language`, or null for a stop word, a number or a single letter. */
export function termOf(word: string, language: string): string | null {
  const id = termIdOf(word, language);
  return id === NO_TERM ? null : termNames[id]!;
}

function computeTerm(word: string, language: string): string | null {
  const lower = word.toLowerCase();
  if (lower.length < 2 || /^\p{N}+$/u.test(lower)) return null;
  const stops = stopSet(language);
  if (stops.has(lower) || stops.has(lower.replace(/’/g, "'"))) return null;
  return primaryLanguage(language) === 'en' ? stemmer(lower.replace(/['’]s$/, '')) : lower;
}

/** Calls `found` with each term of `text` from `start` to `end`: its place and its number. */
export function scanTerms(text: string, language: string, start: number, end: number, found: (from: number, to: number, id: number) => void): void {
  scanWords(text, start, end, (from, to) => {
    const id = termIdOf(text.slice(from, to), language);
    if (id !== NO_TERM) found(from, to, id);
  });
}

/** The terms of `text` from `start` to `end`, with their places. */
export function termsIn(text: string, language: string, start = 0, end = text.length): TermAt[] {
  const out: TermAt[] = [];
  scanTerms(text, language, start, end, (from, to, id) => out.push({ start: from, end: to, term: termNames[id]! }));
  return out;
}
