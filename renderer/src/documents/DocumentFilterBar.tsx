/**
 * The documents pane's filter (document-filter.ts): a set of documents, and a variable with
 * one of its values. Shown only when the project has sets or variables to filter by.
 */
import { useEffect, useId, useMemo } from 'react';
import type { VariableValue } from '../../../shared/model/schema';
import { valueKey } from '../../../shared/analysis/scope';
import { valueText } from '../../../shared/model/variable-values';
import { useGloss } from '../store';
import { useDocumentFilter } from './document-filter';
import '../variables/variables.css';

export function DocumentFilterBar({ shown, total }: { shown: number; total: number }) {
  const project = useGloss((s) => s.project);
  const versions = useGloss((s) => s.versions);
  const filter = useDocumentFilter();
  const id = useId();
  const sets = useMemo(() => (project ? [...project.sets.values()].filter((s) => s.kind === 'documents').sort((a, b) => a.name.localeCompare(b.name)) : []), [project, versions.sets]);
  const variables = useMemo(() => (project ? [...project.variables.values()].sort((a, b) => a.name.localeCompare(b.name)) : []), [project, versions.variables]);
  const variableId = filter.value?.variableId ?? '';
  const values = useMemo(() => {
    if (!project || !variableId) return [];
    const seen = new Map<string, VariableValue>();
    for (const d of project.documents.values()) if (Object.hasOwn(d.attributes, variableId)) seen.set(valueKey(d.attributes[variableId]!), d.attributes[variableId]!);
    for (const c of project.cases.values()) if (Object.hasOwn(c.values, variableId)) seen.set(valueKey(c.values[variableId]!), c.values[variableId]!);
    const list = [...seen.values()].sort((a, b) => valueText(a).localeCompare(valueText(b), undefined, { numeric: true }));
    return [...list, null];
  }, [project, variableId, versions.documents, versions.cases]);
  // A set or variable deleted (or undone away) while chosen: the filter lets go of it rather than hide every document.
  const goneSet = filter.setId !== null && !sets.some((s) => s.id === filter.setId);
  const goneVariable = filter.value !== null && !variables.some((v) => v.id === filter.value!.variableId);
  useEffect(() => {
    if (goneSet) filter.setSet(null);
    if (goneVariable) filter.setValue(null);
  }, [goneSet, goneVariable, filter]);
  if (sets.length === 0 && variables.length === 0) return null;
  const active = filter.setId !== null || filter.value !== null;
  return (
    <div className="document-filter" role="group" aria-label="Filter documents">
      {sets.length > 0 && (
        <label className="filter-field">
          <span>Set</span>
          <select value={filter.setId ?? ''} onChange={(e) => filter.setSet(e.target.value || null)}>
            <option value="">All documents</option>
            {sets.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {variables.length > 0 && (
        <div className="filter-row">
          <label className="filter-field">
            <span>Variable</span>
            <select
              value={variableId}
              onChange={(e) => {
                const v = e.target.value;
                filter.setValue(v ? { variableId: v, value: null } : null);
              }}
            >
              <option value="">Any</option>
              {variables.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
          {filter.value && (
            <label className="filter-field">
              <span>Value</span>
              <select
                value={valueKey(filter.value.value)}
                onChange={(e) => {
                  const value = values.find((v) => valueKey(v) === e.target.value) ?? null;
                  filter.setValue({ variableId, value });
                }}
              >
                {values.map((v) => (
                  <option key={valueKey(v)} value={valueKey(v)}>
                    {valueText(v)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
      {active && (
        <p className="filter-summary" id={id} aria-live="polite">
          {shown} of {total} documents{' '}
          <button type="button" className="link-button" onClick={filter.clear}>
            Show all
          </button>
        </p>
      )}
    </div>
  );
}
