/**
 * Gloss variables as REFI-QDA `Variable`s and `VariableValue`s. Gloss types map to
 * text → Text, number → Float, boolean → Boolean, date → Date. Gloss does not force a
 * value to fit its variable's type, and the schema's value elements are strict
 * (FloatValue is xsd:decimal, DateValue is xsd:date), so a variable with any value that
 * does not fit is written as Text: every value still arrives, as text, instead of some
 * being dropped or making the file invalid.
 */
import type { Variable, VariableValue } from '../../model/schema';
import type { ProjectState } from '../../model/state';

export type RefiVariableType = 'Text' | 'Float' | 'Boolean' | 'Date';

const VALUE_ELEMENT = { Text: 'TextValue', Float: 'FloatValue', Boolean: 'BooleanValue', Date: 'DateValue' } as const;
export type RefiValueElement = (typeof VALUE_ELEMENT)[RefiVariableType];

const PREFERRED: Record<Variable['type'], RefiVariableType> = { text: 'Text', number: 'Float', boolean: 'Boolean', date: 'Date' };

/** The REFI type of every variable, by variable id, checked against all its values in cases and documents. */
export function variableTypes(state: ProjectState): Map<string, RefiVariableType> {
  const types = new Map<string, RefiVariableType>();
  for (const variable of state.variables.values()) types.set(variable.id, PREFERRED[variable.type]);
  const check = (values: Record<string, VariableValue>) => {
    for (const [variableId, value] of Object.entries(values)) {
      const type = types.get(variableId);
      if (type && value !== null && valueText(type, value) === undefined) types.set(variableId, 'Text');
    }
  };
  for (const item of state.cases.values()) check(item.values);
  for (const doc of state.documents.values()) check(doc.attributes);
  return types;
}

/** The value element and its text for `value` of a variable of `type`; undefined for no value. */
export function refiValue(type: RefiVariableType, value: VariableValue): { element: RefiValueElement; text: string } | undefined {
  if (value === null) return undefined;
  const text = valueText(type, value);
  return text === undefined ? undefined : { element: VALUE_ELEMENT[type], text };
}

/** `value` written as `type` requires, or undefined when it does not fit. */
function valueText(type: RefiVariableType, value: string | number | boolean): string | undefined {
  switch (type) {
    case 'Text':
      return typeof value === 'number' ? decimal(value) ?? String(value) : String(value);
    case 'Float':
      return typeof value === 'number' ? decimal(value) : undefined;
    case 'Boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'Date':
      return typeof value === 'string' && isCalendarDate(value) ? value : undefined;
  }
}

/**
 * `n` as an xsd:decimal literal: no exponent, which String() uses from 1e21 and below
 * 1e-6. NaN and infinities have no decimal form.
 */
export function decimal(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  const plain = String(n);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(plain);
  if (!match) return plain;
  const [, sign, lead, rest = '', exponentText] = match;
  const digits = `${lead}${rest}`;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  return `${sign}${digits.padEnd(point, '0')}`;
}

/** YYYY-MM-DD naming a real day (xsd:date without a time zone). */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year > 0 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * REFI-QDA has no place for a variable's fixed list of choices, so Gloss writes the list as
 * the last line of the variable's `Description`: `Choices: ["Rural","Urban"]`, the list in
 * JSON so any choice (commas, quotes, line breaks) survives, after a blank line when there
 * is a description. Another tool shows the line as part of the description, where a reader
 * still learns the list; Gloss reads it back as the list.
 */
const CHOICES_LINE = 'Choices: ';

/** The `Description` text for a variable: its description, then its choices' line when it has a list. */
export function describeVariable(variable: Pick<Variable, 'description' | 'choices'>): string {
  if (!variable.choices || variable.choices.length === 0) return variable.description;
  const line = CHOICES_LINE + JSON.stringify(variable.choices);
  return variable.description ? `${variable.description}\n\n${line}` : line;
}

/** A `Description` split into the description and, when its last line is a choices' line, the list. */
export function readVariableDescription(text: string): { description: string; choices?: string[] } {
  const at = text.lastIndexOf('\n') + 1;
  const last = text.slice(at);
  if (!last.startsWith(CHOICES_LINE)) return { description: text };
  let listed: unknown;
  try {
    listed = JSON.parse(last.slice(CHOICES_LINE.length));
  } catch {
    return { description: text };
  }
  if (!Array.isArray(listed) || listed.length === 0 || !listed.every((c) => typeof c === 'string' && c.trim() !== '')) return { description: text };
  const choices = [...new Set((listed as string[]).map((c) => c.trim()))];
  return { description: text.slice(0, at).trimEnd(), choices };
}
