/**
 * Values of variables as people type them: the text of a command-line `--set REGION=North`
 * (and later a pasted spreadsheet cell) read as a value of the variable's type, and
 * whether a value fits a type. A value that does not fit is refused with the way to write
 * one that does, rather than stored as something else.
 */
import { err, ok, type Result } from '../result';
import type { Variable, VariableValue } from './schema';

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
/** A calendar date, optionally with a time, as ISO 8601 writes it (what REFI-QDA's DateValue holds too). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether `text` is a real ISO date (2026-02-30 is not). */
function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Whether `value` is a value of a variable of `type` (null, no value, fits every type). */
export function fitsType(type: Variable['type'], value: VariableValue): boolean {
  if (value === null) return true;
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
  }
}

/** What a value of `type` looks like, for messages. */
export function typeHint(type: Variable['type']): string {
  switch (type) {
    case 'text':
      return 'any text';
    case 'number':
      return 'a number such as 42 or 3.5';
    case 'boolean':
      return 'yes or no';
    case 'date':
      return 'a date such as 2026-03-01';
  }
}

/**
 * `text` read as a value of `type`. Empty text is no value (null). Numbers use a point for
 * decimals (a comma is refused, not guessed: "1,500" may be a thousand and a half or one and a half).
 */
export function parseValue(type: Variable['type'], text: string): Result<VariableValue> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(null);
  switch (type) {
    case 'text':
      return ok(text);
    case 'number': {
      const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
      return Number.isFinite(n) ? ok(n) : err(`${JSON.stringify(text)} is not ${typeHint(type)}`);
    }
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      if (YES.has(lower)) return ok(true);
      if (NO.has(lower)) return ok(false);
      return err(`${JSON.stringify(text)} is not ${typeHint(type)}`);
    }
    case 'date':
      return isIsoDate(trimmed) ? ok(trimmed) : err(`${JSON.stringify(text)} is not ${typeHint(type)}`);
  }
}

/** A value as a person reads it: yes/no for booleans, "(no value)" for null. */
export function valueText(value: VariableValue): string {
  if (value === null) return '(no value)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** Whether `value` may be stored in `variable`: fits its type, and is one of its choices when it has a list. */
export function fitsVariable(variable: Pick<Variable, 'type' | 'choices'>, value: VariableValue): boolean {
  if (!fitsType(variable.type, value)) return false;
  return value === null || !variable.choices || variable.choices.includes(String(value));
}

/** `text` read as a value of `variable`: its type, then (for a list of choices) one of them, matched without regard to case. */
export function parseVariableValue(variable: Pick<Variable, 'type' | 'choices'>, text: string): Result<VariableValue> {
  const parsed = parseValue(variable.type, text);
  if (!parsed.ok || parsed.value === null || !variable.choices) return parsed;
  const wanted = String(parsed.value).trim().toLocaleLowerCase();
  const choice = variable.choices.find((c) => c.toLocaleLowerCase() === wanted);
  return choice !== undefined ? ok(choice) : err(`${JSON.stringify(text)} is not one of the choices (${variable.choices.join(', ')})`);
}
