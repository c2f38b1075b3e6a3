/**
 * What importing a values CSV would change, cell by cell, for the preview: each value that
 * differs from the project's (set, changed or cleared), the first cell that does not fit
 * its variable (which refuses the import), and the rows it cannot place. The import itself
 * is the preview's request (shared/ops/values-import.ts), run as one undo step.
 */
import type { Variable, VariableValue } from '../../../shared/model/schema';
import type { ProjectState } from '../../../shared/model/state';
import { parseVariableValue } from '../../../shared/model/variable-values';
import { variableNamed } from '../../../shared/ops/variables';
import type { ValuesPreview } from '../../../shared/ops/values-import';

type Tables = Pick<ProjectState<{ id: string; name: string; attributes: Record<string, VariableValue> }>, 'documents' | 'cases' | 'variables'>;

export interface CellChange {
  /** The document's or case's name. */
  name: string;
  variable: string;
  before: VariableValue;
  after: VariableValue;
}

export interface ChangePreview {
  changes: CellChange[];
  /** Why the import would be refused (a cell that does not fit), or null. */
  refusal: string | null;
}

/** The cells `preview` would change in `project`, in the file's order. */
export function previewChanges(project: Tables, preview: ValuesPreview): ChangePreview {
  const { request } = preview;
  // A variable the project lacks is created as text.
  const variables: Pick<Variable, 'id' | 'name' | 'type' | 'choices'>[] = request.variables.map((name) => variableNamed(project, name) ?? { id: `new:${name}`, name: name.trim(), type: 'text' });
  const changes: CellChange[] = [];
  // Later rows for the same target build on the earlier ones, as the import does.
  const current = new Map<string, Record<string, VariableValue>>();
  for (const row of request.rows) {
    const target = request.kind === 'document' ? project.documents.get(row.id) : project.cases.get(row.id);
    if (!target) return { changes, refusal: `row ${row.line}: its ${request.kind} is gone` };
    const values = current.get(row.id) ?? { ...('attributes' in target ? target.attributes : target.values) };
    current.set(row.id, values);
    for (const [c, variable] of variables.entries()) {
      const parsed = parseVariableValue(variable, row.cells[c] ?? '');
      if (!parsed.ok) return { changes, refusal: `Row ${row.line}, column “${variable.name}”: ${parsed.error}. Correct it in the file and choose it again; nothing will be imported until then.` };
      const before = Object.hasOwn(values, variable.id) ? values[variable.id]! : null;
      if (before === parsed.value) continue;
      changes.push({ name: target.name, variable: variable.name, before, after: parsed.value });
      if (parsed.value === null) delete values[variable.id];
      else values[variable.id] = parsed.value;
    }
  }
  return { changes, refusal: null };
}
