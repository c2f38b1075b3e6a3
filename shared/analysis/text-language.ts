/**
 * A document's language, for sentence segmentation, stop words and stemming. Gloss records
 * no language field of its own; a document variable named "Language" (or "Lang") holds
 * it, as a tag ("de", "pt-BR") or an English or native name ("German", "Deutsch"). English
 * when there is none or it cannot be read.
 */
import type { GlossDocument, Variable } from '../model/schema';
import type { ProjectState } from '../model/state';

export const DEFAULT_LANGUAGE = 'en';

const VARIABLE_NAMES = new Set(['language', 'lang', 'sprache', 'langue', 'idioma', 'lingua', 'taal']);

/** Names people write instead of a tag, lower-case. */
const NAMES: Record<string, string> = {
  english: 'en', german: 'de', deutsch: 'de', french: 'fr', français: 'fr', francais: 'fr', spanish: 'es', español: 'es',
  espanol: 'es', italian: 'it', italiano: 'it', portuguese: 'pt', português: 'pt', portugues: 'pt', dutch: 'nl',
  nederlands: 'nl', swedish: 'sv', svenska: 'sv', norwegian: 'nb', norsk: 'nb', danish: 'da', dansk: 'da', finnish: 'fi',
  suomi: 'fi', polish: 'pl', polski: 'pl', czech: 'cs', russian: 'ru', ukrainian: 'uk', greek: 'el', turkish: 'tr',
  arabic: 'ar', hebrew: 'he', chinese: 'zh', japanese: 'ja', korean: 'ko', hindi: 'hi', indonesian: 'id', vietnamese: 'vi',
  thai: 'th',
};

/** The variable holding documents' languages, if the project has one. */
export function languageVariable(variables: Iterable<Variable>): Variable | undefined {
  for (const variable of variables) if (VARIABLE_NAMES.has(variable.name.trim().toLowerCase())) return variable;
  return undefined;
}

/** A language tag for a value a person typed, or null when it names no language. */
export function languageTag(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  const named = NAMES[text.toLowerCase()];
  if (named) return named;
  try {
    const [canonical] = Intl.getCanonicalLocales(text.replace(/_/g, '-'));
    return canonical ?? null;
  } catch {
    return null;
  }
}

/** The language of `doc` in `state` (see the top of this file). */
export function documentLanguage(state: Pick<ProjectState, 'variables'>, doc: Pick<GlossDocument, 'attributes'>): string {
  const variable = languageVariable(state.variables.values());
  return (variable && languageTag(doc.attributes[variable.id])) || DEFAULT_LANGUAGE;
}

/** The primary language subtag, lower-case: "pt" for "pt-BR". */
export const primaryLanguage = (tag: string) => tag.split('-')[0]!.toLowerCase();
