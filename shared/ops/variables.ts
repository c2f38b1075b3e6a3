/**
 * Variables and their values: creating a variable, and setting the value a document or a
 * case has for one (creating the variable in the same step when it is named but new, as
 * applyCode creates a code). A value must fit its variable's type; no value (null) takes
 * the variable off the document or case.
 */
import type { GlossDocument, Case, Variable, VariableValue } from '../model/schema';
import type { Patch, ProjectState } from '../model/state';
import { fitsType, fitsVariable, typeHint, valueText } from '../model/variable-values';
import { err, ok, type Result } from '../result';
import type { PlanContext, Planned } from './plan';
import type { OpRequest } from './requests';

type CreateVariable = Extract<OpRequest, { type: 'createVariable' }>;
type SetValue = Extract<OpRequest, { type: 'setValue' }>;

/** The variable named `name` (case-insensitive), if the project has one. */
export function variableNamed(state: Pick<ProjectState, 'variables'>, name: string): Variable | undefined {
  const lower = name.trim().toLocaleLowerCase();
  for (const v of state.variables.values()) if (v.name.toLocaleLowerCase() === lower) return v;
  return undefined;
}

function newVariable(ctx: PlanContext, name: string, type: Variable['type'], description = '', choices?: readonly string[]): Variable {
  const listed = choices && type === 'text' ? [...new Set(choices.map((c) => c.trim()).filter((c) => c !== ''))] : [];
  return { id: ctx.newId(), name: name.trim(), type, description, ...(listed.length > 0 ? { choices: listed } : {}) };
}

/** Plans createVariable: a new variable, its name not yet taken. */
export function planCreateVariable(state: ProjectState, request: CreateVariable, ctx: PlanContext): Result<Planned> {
  if (variableNamed(state, request.name)) return err(`a variable named “${request.name.trim()}” already exists`);
  const variable = newVariable(ctx, request.name, request.variableType, request.description, request.choices);
  return ok({ label: `Create variable “${variable.name}”`, change: { patches: [{ table: 'variables', op: 'put', value: variable }] }, created: { variableId: variable.id } });
}

/** Plans setValue: a document's or case's value of one variable. */
export function planSetValue(state: ProjectState, request: SetValue, ctx: PlanContext): Result<Planned> {
  const patches: Patch[] = [];
  let variable: Variable | undefined;
  let created: string | undefined;
  if (request.variableId !== undefined) {
    variable = state.variables.get(request.variableId);
    if (!variable) return err(`there is no variable with id ${request.variableId}`);
  } else if (request.newVariableName !== undefined) {
    variable = variableNamed(state, request.newVariableName);
    if (!variable) {
      variable = newVariable(ctx, request.newVariableName, 'text');
      created = variable.id;
      patches.push({ table: 'variables', op: 'put', value: variable });
    }
  } else {
    return err('name a variable to set');
  }
  if (!fitsType(variable.type, request.value)) {
    return err(`“${variable.name}” holds ${variable.type === 'text' ? 'text' : `${variable.type}s`}: give it ${typeHint(variable.type)}, not ${JSON.stringify(request.value)}`);
  }
  if (!fitsVariable(variable, request.value)) return err(`“${variable.name}” takes one of ${variable.choices!.join(', ')}, not ${JSON.stringify(request.value)}`);
  const set = (values: Record<string, VariableValue>): Record<string, VariableValue> => {
    const next = { ...values };
    if (request.value === null) delete next[variable.id];
    else next[variable.id] = request.value;
    return next;
  };
  const label = `Set “${variable.name}” to ${valueText(request.value)}`;
  if (request.target.kind === 'document') {
    const doc: GlossDocument | undefined = state.documents.get(request.target.id);
    if (!doc) return err(`there is no document with id ${request.target.id}`);
    if (Object.hasOwn(doc.attributes, variable.id) ? doc.attributes[variable.id] === request.value : request.value === null) {
      return ok({ label, change: { patches }, created: { variableId: variable.id } });
    }
    patches.push({ table: 'documents', op: 'put', value: { ...doc, attributes: set(doc.attributes) } });
    return ok({ label: `${label} for “${doc.name}”`, change: { patches }, created: { variableId: created ?? variable.id } });
  }
  const c: Case | undefined = state.cases.get(request.target.id);
  if (!c) return err(`there is no case with id ${request.target.id}`);
  if (Object.hasOwn(c.values, variable.id) ? c.values[variable.id] === request.value : request.value === null) {
    return ok({ label, change: { patches }, created: { variableId: variable.id } });
  }
  patches.push({ table: 'cases', op: 'put', value: { ...c, values: set(c.values) } });
  return ok({ label: `${label} for case “${c.name}”`, change: { patches }, created: { variableId: created ?? variable.id } });
}
