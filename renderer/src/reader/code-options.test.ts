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
const labels = (options: ReturnType<typeof pickerOptions>) =>
  options.map((o) => (o.kind === 'code' ? `${o.shortcut ?? '-'} ${o.code.name}` : `create ${o.name}`));

describe('pickerOptions', () => {
  it('lists recent codes first, numbered, then the rest by name, without folders', () => {
    expect(labels(pickerOptions(codes, ['t', 'b'], ''))).toEqual(['1 Training gaps', '2 Delays', '- Data sharing']);
  });

  it('filters by substring with the exact and prefix matches first, and offers to create the typed name', () => {
    expect(labels(pickerOptions(codes, [], 'da'))).toEqual(['- Data sharing', 'create da']);
    expect(labels(pickerOptions(codes, [], 'a'))).toEqual(['- Data sharing', '- Delays', '- Training gaps', 'create a']);
  });

  it('does not offer to create a code that exists with that name (any case)', () => {
    expect(labels(pickerOptions(codes, ['t'], ' training GAPS '))).toEqual(['1 Training gaps']);
  });

  it('offers only "create" when nothing matches', () => {
    expect(pickerOptions(codes, [], 'victim support')).toEqual([{ kind: 'create', name: 'victim support' }]);
  });
});
