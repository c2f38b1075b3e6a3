/**
 * Where the search looks: some documents, document sets, documents with chosen values of a
 * variable, only inside codings of a code (with its sub-codes or not), or only text no
 * coding touches. Every filter narrows; none searches the whole project. Changing a filter
 * while results are shown searches again.
 */
import { useMemo } from 'react';
import { useGloss } from '../store';
import { selectCodeRows } from '../store/selectors';
import { visibleName } from '../../../shared/text/safe-names';
import type { VariableValue } from '../../../shared/model/schema';
import { NO_SCOPE, useSearch, type ScopeChoice } from './search-store';
import { runSearch } from './actions';

const valueLabel = (value: VariableValue) => (value === null ? '(no value)' : String(value));

/** How many filters narrow the search, for the summary line. */
export function activeFilters(scope: ScopeChoice): number {
  return (
    (scope.documentIds.length ? 1 : 0) +
    (scope.setIds.length ? 1 : 0) +
    (scope.variable?.values.length ? 1 : 0) +
    (scope.insideCode ? 1 : 0) +
    (scope.uncodedOnly ? 1 : 0)
  );
}

function MultiSelect({ label, options, chosen, onChange }: { label: string; options: { id: string; name: string }[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  return (
    <label className="search-filter">
      <span>{label}</span>
      <select multiple size={Math.min(5, Math.max(2, options.length))} value={chosen} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ScopeFilters() {
  const project = useGloss((s) => s.project);
  const documentsVersion = useGloss((s) => s.versions.documents);
  const codeRows = useGloss(selectCodeRows);
  const scope = useSearch((s) => s.scope);
  const set = useSearch((s) => s.set);
  // A filter changes what the results mean, as a toggle does: search again when results are shown.
  const searchAgain = () => {
    const { results, query } = useSearch.getState();
    if (results && query.text !== '') queueMicrotask(() => void runSearch());
  };
  const change = (patch: Partial<ScopeChoice>) => {
    set({ scope: { ...scope, ...patch } });
    searchAgain();
  };

  const documents = useMemo(
    () => (project ? [...project.documents.values()].sort((a, b) => a.name.localeCompare(b.name)).map((d) => ({ id: d.id, name: visibleName(d.name) })) : []),
    [project, documentsVersion],
  );
  const sets = project ? [...project.sets.values()].filter((s) => s.kind === 'documents').map((s) => ({ id: s.id, name: s.name })) : [];
  const variables = project ? [...project.variables.values()] : [];
  const variableId = scope.variable?.variableId ?? '';
  const values = useMemo(() => {
    if (!project || !variableId) return [];
    const seen = new Map<string, VariableValue>();
    for (const d of project.documents.values()) {
      const v = d.attributes[variableId] ?? null;
      seen.set(JSON.stringify(v), v);
    }
    return [...seen.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [project, variableId, documentsVersion]);
  const count = activeFilters(scope);

  return (
    <details className="search-scope">
      <summary>Where to search{count ? ` (${count} ${count === 1 ? 'filter' : 'filters'})` : ': the whole project'}</summary>
      <div className="search-filters">
        <MultiSelect label="Documents" options={documents} chosen={scope.documentIds} onChange={(documentIds) => change({ documentIds })} />
        {sets.length > 0 && <MultiSelect label="Document sets" options={sets} chosen={scope.setIds} onChange={(setIds) => change({ setIds })} />}
        {variables.length > 0 && (
          <div className="search-filter">
            <label>
              <span>Variable</span>
              <select value={variableId} onChange={(e) => change({ variable: e.target.value ? { variableId: e.target.value, values: [] } : null })}>
                <option value="">Any value</option>
                {variables.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            </label>
            {variableId && (
              <label>
                <span>Values</span>
                <select
                  multiple
                  size={Math.min(5, Math.max(2, values.length))}
                  value={scope.variable!.values.map((v) => JSON.stringify(v))}
                  onChange={(e) => change({ variable: { variableId, values: [...e.target.selectedOptions].map((o) => JSON.parse(o.value) as VariableValue) } })}
                >
                  {values.map(([key, v]) => (
                    <option key={key} value={key}>
                      {valueLabel(v)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </div>
        )}
        <div className="search-filter">
          <label>
            <span>Inside codings of</span>
            <select value={scope.insideCode?.codeId ?? ''} onChange={(e) => change({ insideCode: e.target.value ? { codeId: e.target.value, withSubcodes: scope.insideCode?.withSubcodes ?? true } : null, ...(e.target.value ? { uncodedOnly: false } : {}) })}>
              <option value="">Any text</option>
              {codeRows.map(({ code, depth }) => (
                <option key={code.id} value={code.id}>
                  {`${'\u2003'.repeat(depth)}${code.name}`}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              disabled={!scope.insideCode}
              checked={scope.insideCode?.withSubcodes ?? true}
              onChange={(e) => scope.insideCode && change({ insideCode: { ...scope.insideCode, withSubcodes: e.target.checked } })}
            />
            With sub-codes
          </label>
        </div>
        <label className="check search-filter">
          <input type="checkbox" checked={scope.uncodedOnly} onChange={(e) => change({ uncodedOnly: e.target.checked, ...(e.target.checked ? { insideCode: null } : {}) })} />
          Uncoded text only
        </label>
        {count > 0 && (
          <button
            type="button"
            className="small"
            onClick={() => {
              set({ scope: NO_SCOPE });
              searchAgain();
            }}
          >
            Clear filters
          </button>
        )}
      </div>
    </details>
  );
}
