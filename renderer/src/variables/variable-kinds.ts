/** The kinds of variable a person chooses between: the four types, and text limited to a list of choices. */
import type { Variable } from '../../../shared/model/schema';

export type VariableKind = Variable['type'] | 'choice';

export const VARIABLE_KINDS: readonly { kind: VariableKind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'number', label: 'Number' },
  { kind: 'boolean', label: 'Yes/no' },
  { kind: 'date', label: 'Date' },
  { kind: 'choice', label: 'List of choices' },
];

/** The kind a variable is. */
export const kindOf = (v: Pick<Variable, 'type' | 'choices'>): VariableKind => (v.type === 'text' && v.choices ? 'choice' : v.type);

/** A short word for a column header: "number", "yes/no", "choice". */
export function kindWord(v: Pick<Variable, 'type' | 'choices'>): string {
  return { text: 'text', number: 'number', boolean: 'yes/no', date: 'date', choice: 'choice' }[kindOf(v)];
}

/** What to type into a cell of this variable. */
export function cellHint(v: Pick<Variable, 'type' | 'choices'>): string {
  switch (kindOf(v)) {
    case 'number':
      return 'A number such as 42 or 3.5';
    case 'boolean':
      return 'yes or no';
    case 'date':
      return 'YYYY-MM-DD';
    case 'choice':
      return `One of: ${v.choices!.join(', ')}`;
    default:
      return '';
  }
}

/** Choices as one a line in a text area, read back without blanks or repeats. */
export const choicesFromText = (text: string) => [...new Set(text.split(/\r?\n|,/).map((c) => c.trim()).filter((c) => c !== ''))];
