/** The documents pane's filter by set and by value. */
import { describe, expect, it } from 'vitest';
import { stateFromFile } from '../../../shared/model/state';
import { analysisFile } from '../../../shared/analysis/fixtures/analysis-project';
import { analysisScope } from '../../../shared/analysis/scope';
import { documentFilterAsAnalysis, filteredDocumentIds, NO_FILTER, type DocumentFilter } from './document-filter';

const state = stateFromFile(
  analysisFile({
    documents: { A: 'a', B: 'b', C: 'c', D: 'd' },
    codes: {},
    codings: [],
    variables: { Region: 'text' },
    attributes: { A: { Region: 'North' }, B: { Region: 'South' } },
    cases: { Ana: { documents: ['C'], values: { Region: 'North' } } },
    sets: { Pilot: { kind: 'documents', members: ['A', 'B', 'C'] } },
  }),
);

const ids = (filter: DocumentFilter) => {
  const out = filteredDocumentIds(state, filter);
  return out && [...out].sort();
};

describe('filteredDocumentIds', () => {
  it('lets every document through when nothing is chosen', () => {
    expect(ids(NO_FILTER)).toBeNull();
  });

  it('keeps a set’s documents, and those with a value, own or of their case; both must hold', () => {
    expect(ids({ setId: 'Pilot', value: null })).toEqual(['A', 'B', 'C']);
    expect(ids({ setId: null, value: { variableId: 'Region', value: 'North' } })).toEqual(['A', 'C']);
    expect(ids({ setId: null, value: { variableId: 'Region', value: null } })).toEqual(['D']);
    expect(ids({ setId: 'Pilot', value: { variableId: 'Region', value: 'South' } })).toEqual(['B']);
    expect(ids({ setId: 'gone', value: null })).toEqual([]);
  });

  it('picks the same documents as the analyses do with it', () => {
    for (const filter of [{ setId: 'Pilot', value: { variableId: 'Region', value: 'North' } }, { setId: null, value: { variableId: 'Region', value: null } }] as DocumentFilter[]) {
      expect(analysisScope(state, documentFilterAsAnalysis(filter)).documents.map((d) => d.id).sort()).toEqual(ids(filter));
    }
  });
});
