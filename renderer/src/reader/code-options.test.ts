import { describe, expect, it } from 'vitest';
import type { Code } from '../../../shared/model/schema';
import { pickerOptions } from './code-options';

const code = (id: string, name: string, codable = true): Code => ({
  id,
  name,
  color: '#e69f00',
  description: '',
  parentId: null,
  codable,
  createdAt: '2024-01-01T00:00:00.000Z',
});

const codes = [code('a', 'Data sharing'), code('b', 'Delays'), code('f', 'Folder', false), code('t', 'Training gaps')];
const digits = (ids: string[]) => new Map(ids.map((id, i) => [id, i + 1]));
const labels = (options: ReturnType<typeof pickerOptions>) =>
  options.map((o) => (o.kind === 'code' ? `${o.shortcut ?? '-'} ${o.code.name}` : `create ${o.name}`));

describe('pickerOptions', () => {
  it('lists the numbered codes first, in digit order, then the rest by name, without folders', () => {
    expect(labels(pickerOptions(codes, digits(['t', 'b']), ''))).toEqual(['1 Training gaps', '2 Delays', '- Data sharing']);
  });

  it('filters by substring with the exact and prefix matches first, and offers to create the typed name', () => {
    expect(labels(pickerOptions(codes, digits([]), 'da'))).toEqual(['- Data sharing', 'create da']);
    expect(labels(pickerOptions(codes, digits([]), 'a'))).toEqual(['- Data sharing', '- Delays', '- Training gaps', 'create a']);
  });

  it('does not offer to create a code that exists with that name (any case)', () => {
    expect(labels(pickerOptions(codes, digits(['t']), ' training GAPS '))).toEqual(['1 Training gaps']);
  });

  it('offers only "create" when nothing matches', () => {
    expect(pickerOptions(codes, digits([]), 'victim support')).toEqual([{ kind: 'create', name: 'victim support' }]);
  });

  it('reads "Parent > child": the code at that path, or creating the child under an existing parent', () => {
    const parent = code('p', 'Barriers');
    const child = { ...code('c', 'Training'), parentId: 'p' };
    const all = [parent, child, ...codes];
    const pathOf = (c: Code) => (c.parentId === 'p' ? `Barriers > ${c.name}` : c.name);
    expect(labels(pickerOptions(all, digits([]), 'barriers > training', pathOf))).toEqual(['- Training']);
    expect(pickerOptions(all, digits([]), 'Barriers >  Cost ', pathOf)).toEqual([{ kind: 'create', name: 'Cost', parent }]);
    // Children matching the start of the typed child are offered too.
    expect(labels(pickerOptions(all, digits([]), 'Barriers > tr', pathOf))).toEqual(['- Training', 'create tr']);
    // No parent of that name: nothing to create (no code named with a ">" by accident).
    expect(pickerOptions(all, digits([]), 'Nowhere > Cost', pathOf)).toEqual([]);
  });
});
