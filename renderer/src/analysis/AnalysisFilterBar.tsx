/**
 * What every analysis view counts: one document, a set of documents, a case, a value of a
 * variable, and the coders (the app's Coders control, shared with the reader and the
 * Excerpts view). Conditions of different kinds must all hold (shared/analysis/scope.ts).
 */
import { useMemo } from 'react';
import { useGloss } from '../store';
import { CoderFilter } from '../team/CoderFilter';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import { valueKey } from '../../../shared/analysis/scope';
import { valueText } from '../../../shared/model/variable-values';
import type { VariableValue } from '../../../shared/model/schema';
import { visibleName } from '../../../shared/text/safe-names';

/** The choices of the bar, each one item or none ("" = all). */
export interface FilterChoice {
  documentId: string;
  setId: string;
  caseId: string;
  variableId: string;
  /** valueKey of the chosen value. */
  value: string;
}

export const NO_CHOICE: FilterChoice = { documentId: '', setId: '', caseId: '', variableId: '', value: '' };

/** The analysis filter the choices (and the coders shown) make. */
export function filterOf(choice: FilterChoice, coderIds: readonly string[] | null, values: ReadonlyMap<string, VariableValue>): AnalysisFilter {
  return {
    ...(choice.documentId ? { documentIds: [choice.documentId] } : {}),
    ...(choice.setId ? { documentSetIds: [choice.setId] } : {}),
    ...(choice.caseId ? { caseIds: [choice.caseId] } : {}),
    ...(choice.variableId && values.has(choice.value) ? { values: [{ variableId: choice.variableId, values: [values.get(choice.value)!] }] } : {}),
    ...(coderIds ? { coderIds } : {}),
  };
}

/** Every value a variable takes on documents and cases, by key, in a readable order. */
export function valuesOf(project: NonNullable<ReturnType<typeof useGloss.getState>['project']>, variableId: string): Map<string, VariableValue> {
  const found = new Map<string, VariableValue>();
  if (!variableId) return found;
  for (const d of project.documents.values()) if (Object.hasOwn(d.attributes, variableId)) found.set(valueKey(d.attributes[variableId]!), d.attributes[variableId]!);
  for (const c of project.cases.values()) if (Object.hasOwn(c.values, variableId)) found.set(valueKey(c.values[variableId]!), c.values[variableId]!);
  found.set(valueKey(null), null);
  return new Map([...found].sort((a, b) => valueText(a[1]).localeCompare(valueText(b[1]))));
}

export function AnalysisFilterBar({ choice, onChange, values }: { choice: FilterChoice; onChange: (c: FilterChoice) => void; values: ReadonlyMap<string, VariableValue> }) {
  const project = useGloss((s) => s.project);
  const version = useGloss((s) => `${s.versions.documents}.${s.versions.sets}.${s.versions.cases}.${s.versions.variables}`);
  const lists = useMemo(() => {
    if (!project) return null;
    const byName = <T extends { name: string }>(items: Iterable<T>) => [...items].sort((a, b) => a.name.localeCompare(b.name));
    return {
      documents: byName(project.documents.values()),
      sets: byName([...project.sets.values()].filter((s) => s.kind === 'documents')),
      cases: byName(project.cases.values()),
      variables: byName(project.variables.values()),
    };
  }, [project, version]);
  if (!lists) return null;
  const set = (part: Partial<FilterChoice>) => onChange({ ...choice, ...part });
  return (
    <div className="analysis-filter" role="group" aria-label="Count only">
      <span className="analysis-filter-title">Count only:</span>
      <label>
        Document{' '}
        <select value={choice.documentId} onChange={(e) => set({ documentId: e.target.value })}>
          <option value="">All documents</option>
          {lists.documents.map((d) => (
            <option key={d.id} value={d.id}>
              {visibleName(d.name)}
            </option>
          ))}
        </select>
      </label>
      {lists.sets.length > 0 && (
        <label>
          Set{' '}
          <select value={choice.setId} onChange={(e) => set({ setId: e.target.value })}>
            <option value="">Any set</option>
            {lists.sets.map((s) => (
              <option key={s.id} value={s.id}>
                {visibleName(s.name)}
              </option>
            ))}
          </select>
        </label>
      )}
      {lists.cases.length > 0 && (
        <label>
          Case{' '}
          <select value={choice.caseId} onChange={(e) => set({ caseId: e.target.value })}>
            <option value="">Any case</option>
            {lists.cases.map((c) => (
              <option key={c.id} value={c.id}>
                {visibleName(c.name)}
              </option>
            ))}
          </select>
        </label>
      )}
      {lists.variables.length > 0 && (
        <>
          <label>
            Variable{' '}
            <select value={choice.variableId} onChange={(e) => set({ variableId: e.target.value, value: '' })}>
              <option value="">Any value</option>
              {lists.variables.map((v) => (
                <option key={v.id} value={v.id}>
                  {visibleName(v.name)}
                </option>
              ))}
            </select>
          </label>
          {choice.variableId && (
            <label>
              is{' '}
              <select value={choice.value} onChange={(e) => set({ value: e.target.value })}>
                <option value="">(choose a value)</option>
                {[...values].map(([key, v]) => (
                  <option key={key} value={key}>
                    {valueText(v)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      <CoderFilter />
    </div>
  );
}
