/**
 * The auto-code preview as the task worker computes it, on the tables cut down for it,
 * equals the preview on the whole project, for every scope and filter: the worker sees
 * every document, coding, code, set and variable the request reads.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stateFromFile } from '../../../shared/model/state';
import { syntheticProject } from '../../../scripts/bench/synthetic-project';
import { literalQuery } from '../../../shared/analysis/search-query';
import { previewAutocode, type AutocodeRequest } from '../../../shared/ops/autocode';
import { autocodeState, autocodeTables } from './autocode-tables';

const state = stateFromFile(syntheticProject({ documents: 12, characters: 60_000, codings: 600, codes: 8, memos: 0, seed: 3 }));
const coderIds = [...state.coders.keys()];
const codeIds = [...state.codes.values()].filter((c) => c.codable).map((c) => c.id);
const documentIds = [...state.documents.keys()];
const words = ['the', 'and', 'data', 'training', 'a', 'e'];

describe('autocodeTables', () => {
  it('give the worker the same preview as the whole project, whatever the scope and filters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.constantFrom('match', 'sentence', 'paragraph', 'speaker' as const),
        fc.constantFrom(...codeIds),
        fc.constantFrom(...coderIds),
        fc.option(fc.subarray(documentIds, { minLength: 1 }), { nil: undefined }),
        fc.option(fc.constantFrom(...codeIds), { nil: undefined }),
        fc.boolean(),
        (word, scope, codeId, coderId, docs, inside, uncoded) => {
          const request: AutocodeRequest = {
            type: 'autocode',
            query: literalQuery(word),
            scope,
            codeId,
            where: { ...(docs ? { documentIds: docs } : {}), ...(inside ? { insideCode: { codeId: inside, withSubcodes: true } } : {}), ...(uncoded ? { uncodedOnly: true } : {}) },
          };
          // Through a structured clone, as the worker receives them.
          const tables = structuredClone(autocodeTables(state, request));
          expect(previewAutocode(autocodeState(tables), request, coderId)).toEqual(previewAutocode(state, request, coderId));
          if (docs) expect([...tables.documents.keys()].sort()).toEqual([...docs].sort());
        },
      ),
      { numRuns: Number(process.env.GLOSS_LONG_PROPERTIES) || 40 },
    );
    // The comparison is of something: common words are found and coded in this project.
    const some = previewAutocode(state, { type: 'autocode', query: literalQuery('the'), scope: 'sentence', codeId: codeIds[0]! }, coderIds[0]!);
    expect(some.ok && some.value.created).toBeGreaterThan(10);
  });
});
