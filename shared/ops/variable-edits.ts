/**
 * Changing variables, cases and sets after they are made: renaming, retyping a variable
 * (only when every value it holds still fits), deleting (a variable takes its values with
 * it; a case or a set leaves its documents and codes as they are), and the members of
 * cases and sets. Each is one undoable step.
 */
import type { Case, GlossSet, Variable, VariableValue } from '../model/schema';
import type { Patch, ProjectState } from '../model/state';
import { fitsVariable, typeHint, valueText } from '../model/variable-values';
import { err, ok, type Result } from '../result';
import type { PlanContext, Planned } from './plan';
import type { OpRequest } from './requests';
import { variableNamed } from './variables';
import { caseNamed } from './cases';

type Req<T extends OpRequest['type']> = Extract<OpRequest, { type: T }>;
export type VariableEditRequest = Req<'editVariable' | 'deleteVariable' | 'renameCase' | 'removeFromCase' | 'deleteCase' | 'createSet' | 'editSet' | 'deleteSet'>;

const TYPE_WORDS: Record<Variable['type'], string> = { text: 'text', number: 'numbers', boolean: 'yes/no', date: 'dates' };

/** Every document and case holding a value of `variableId`, with that value. */
function holders(state: ProjectState, variableId: string): { name: string; value: VariableValue }[] {
  const out: { name: string; value: VariableValue }[] = [];
  for (const d of state.documents.values()) if (Object.hasOwn(d.attributes, variableId)) out.push({ name: d.name, value: d.attributes[variableId]! });
  for (const c of state.cases.values()) if (Object.hasOwn(c.values, variableId)) out.push({ name: `case ${c.name}`, value: c.values[variableId]! });
  return out;
}

function planEditVariable(state: ProjectState, request: Req<'editVariable'>): Result<Planned> {
  const variable = state.variables.get(request.variableId);
  if (!variable) return err(`there is no variable with id ${request.variableId}`);
  const next: Variable = { ...variable };
  if (request.name !== undefined && request.name.trim() !== variable.name) {
    const taken = variableNamed(state, request.name);
    if (taken && taken.id !== variable.id) return err(`a variable named “${request.name.trim()}” already exists`);
    next.name = request.name.trim();
  }
  if (request.variableType !== undefined) next.type = request.variableType;
  if (request.choices !== undefined) {
    const listed = [...new Set((request.choices ?? []).map((c) => c.trim()).filter((c) => c !== ''))];
    if (listed.length > 0) next.choices = listed;
    else delete next.choices;
  }
  if (next.type !== 'text') delete next.choices;
  const misfit = holders(state, variable.id).find((h) => !fitsVariable(next, h.value));
  if (misfit) {
    const wanted = next.choices ? `one of ${next.choices.join(', ')}` : typeHint(next.type);
    return err(`${misfit.name} has “${valueText(misfit.value)}” for “${variable.name}”, which is not ${wanted}; change or clear that value first`);
  }
  const label = next.name !== variable.name ? `Rename variable “${variable.name}” to “${next.name}”` : `Change variable “${variable.name}” (${TYPE_WORDS[next.type]}${next.choices ? `: ${next.choices.join(', ')}` : ''})`;
  return ok({ label, change: { patches: [{ table: 'variables', op: 'put', value: next }] }, created: { variableId: variable.id } });
}

function planDeleteVariable(state: ProjectState, request: Req<'deleteVariable'>): Result<Planned> {
  const variable = state.variables.get(request.variableId);
  if (!variable) return err(`there is no variable with id ${request.variableId}`);
  const patches: Patch[] = [];
  const without = (values: Record<string, VariableValue>) => {
    const next = { ...values };
    delete next[variable.id];
    return next;
  };
  for (const d of state.documents.values()) if (Object.hasOwn(d.attributes, variable.id)) patches.push({ table: 'documents', op: 'put', value: { ...d, attributes: without(d.attributes) } });
  for (const c of state.cases.values()) if (Object.hasOwn(c.values, variable.id)) patches.push({ table: 'cases', op: 'put', value: { ...c, values: without(c.values) } });
  patches.push({ table: 'variables', op: 'del', id: variable.id });
  return ok({ label: `Delete variable “${variable.name}”`, change: { patches }, created: {} });
}

function needCase(state: ProjectState, caseId: string): Result<Case> {
  const c = state.cases.get(caseId);
  return c ? ok(c) : err(`there is no case with id ${caseId}`);
}

function needSet(state: ProjectState, setId: string): Result<GlossSet> {
  const s = state.sets.get(setId);
  return s ? ok(s) : err(`there is no set with id ${setId}`);
}

/** The set named `name` (case-insensitive) of that kind, if any. */
function setNamed(state: ProjectState, kind: GlossSet['kind'], name: string): GlossSet | undefined {
  const lower = name.trim().toLocaleLowerCase();
  for (const s of state.sets.values()) if (s.kind === kind && s.name.toLocaleLowerCase() === lower) return s;
  return undefined;
}

/** The first member id that names no document (or code) of the project. */
function missingMember(state: ProjectState, kind: GlossSet['kind'], ids: readonly string[]): string | undefined {
  return ids.find((id) => !(kind === 'documents' ? state.documents.has(id) : state.codes.has(id)));
}

/** Plans the edits of variables, cases and sets. */
export function planVariableEdit(state: ProjectState, request: VariableEditRequest, ctx: PlanContext): Result<Planned> {
  switch (request.type) {
    case 'editVariable':
      return planEditVariable(state, request);
    case 'deleteVariable':
      return planDeleteVariable(state, request);
    case 'renameCase': {
      const c = needCase(state, request.caseId);
      if (!c.ok) return c;
      const taken = caseNamed(state, request.name);
      if (taken && taken.id !== c.value.id) return err(`a case named “${request.name.trim()}” already exists`);
      return ok({ label: `Rename case “${c.value.name}” to “${request.name.trim()}”`, change: { patches: [{ table: 'cases', op: 'put', value: { ...c.value, name: request.name.trim() } }] }, created: { caseId: c.value.id } });
    }
    case 'removeFromCase': {
      const c = needCase(state, request.caseId);
      if (!c.ok) return c;
      const gone = new Set(request.documentIds);
      const documentIds = c.value.documentIds.filter((id) => !gone.has(id));
      const n = c.value.documentIds.length - documentIds.length;
      const label = `Remove ${n === 1 ? '1 document' : `${n} documents`} from case “${c.value.name}”`;
      return ok({ label, change: { patches: n === 0 ? [] : [{ table: 'cases', op: 'put', value: { ...c.value, documentIds } }] }, created: { caseId: c.value.id } });
    }
    case 'deleteCase': {
      const c = needCase(state, request.caseId);
      if (!c.ok) return c;
      return ok({ label: `Delete case “${c.value.name}”`, change: { patches: [{ table: 'cases', op: 'del', id: c.value.id }] }, created: {} });
    }
    case 'createSet': {
      if (setNamed(state, request.kind, request.name)) return err(`a set of ${request.kind} named “${request.name.trim()}” already exists`);
      const missing = missingMember(state, request.kind, request.memberIds);
      if (missing !== undefined) return err(`there is no ${request.kind === 'documents' ? 'document' : 'code'} with id ${missing}`);
      const value: GlossSet = { id: ctx.newId(), name: request.name.trim(), description: '', kind: request.kind, memberIds: [...new Set(request.memberIds)] };
      return ok({ label: `Create set “${value.name}”`, change: { patches: [{ table: 'sets', op: 'put', value }] }, created: { setId: value.id } });
    }
    case 'editSet': {
      const s = needSet(state, request.setId);
      if (!s.ok) return s;
      const set = s.value;
      const missing = missingMember(state, set.kind, request.add ?? []);
      if (missing !== undefined) return err(`there is no ${set.kind === 'documents' ? 'document' : 'code'} with id ${missing}`);
      let name = set.name;
      if (request.name !== undefined && request.name.trim() !== set.name) {
        const taken = setNamed(state, set.kind, request.name);
        if (taken && taken.id !== set.id) return err(`a set of ${set.kind} named “${request.name.trim()}” already exists`);
        name = request.name.trim();
      }
      const gone = new Set(request.remove ?? []);
      const memberIds = [...new Set([...set.memberIds, ...(request.add ?? [])])].filter((id) => !gone.has(id));
      const label = name !== set.name ? `Rename set “${set.name}” to “${name}”` : `Change the members of set “${set.name}”`;
      return ok({ label, change: { patches: [{ table: 'sets', op: 'put', value: { ...set, name, memberIds } }] }, created: { setId: set.id } });
    }
    case 'deleteSet': {
      const s = needSet(state, request.setId);
      if (!s.ok) return s;
      return ok({ label: `Delete set “${s.value.name}”`, change: { patches: [{ table: 'sets', op: 'del', id: s.value.id }] }, created: {} });
    }
  }
}
