/** Cases: creating one with its documents, and adding documents to one. */
import type { Case } from '../model/schema';
import type { ProjectState } from '../model/state';
import { err, ok, type Result } from '../result';
import type { PlanContext, Planned } from './plan';
import type { OpRequest } from './requests';

type CreateCase = Extract<OpRequest, { type: 'createCase' }>;
type AddToCase = Extract<OpRequest, { type: 'addToCase' }>;

/** The case named `name` (case-insensitive), if the project has one. */
export function caseNamed(state: Pick<ProjectState, 'cases'>, name: string): Case | undefined {
  const lower = name.trim().toLocaleLowerCase();
  for (const c of state.cases.values()) if (c.name.toLocaleLowerCase() === lower) return c;
  return undefined;
}

/** The first id that is not a document of the project, if any. */
function missingDocument(state: ProjectState, ids: readonly string[]): string | undefined {
  return ids.find((id) => !state.documents.has(id));
}

const documentsText = (n: number) => (n === 1 ? '1 document' : `${n} documents`);

/** Plans createCase: a new case, its name not yet taken, grouping existing documents (each once). */
export function planCreateCase(state: ProjectState, request: CreateCase, ctx: PlanContext): Result<Planned> {
  if (caseNamed(state, request.name)) return err(`a case named “${request.name.trim()}” already exists`);
  const missing = missingDocument(state, request.documentIds);
  if (missing !== undefined) return err(`there is no document with id ${missing}`);
  const value: Case = { id: ctx.newId(), name: request.name.trim(), description: request.description ?? '', documentIds: [...new Set(request.documentIds)], values: {} };
  return ok({ label: `Create case “${value.name}”`, change: { patches: [{ table: 'cases', op: 'put', value }] }, created: { caseId: value.id } });
}

/** Plans addToCase: documents added to a case; those already in it are left as they are. */
export function planAddToCase(state: ProjectState, request: AddToCase): Result<Planned> {
  const c = state.cases.get(request.caseId);
  if (!c) return err(`there is no case with id ${request.caseId}`);
  const missing = missingDocument(state, request.documentIds);
  if (missing !== undefined) return err(`there is no document with id ${missing}`);
  const added = [...new Set(request.documentIds)].filter((id) => !c.documentIds.includes(id));
  const label = `Add ${documentsText(added.length)} to case “${c.name}”`;
  if (added.length === 0) return ok({ label, change: { patches: [] }, created: { caseId: c.id } });
  return ok({ label, change: { patches: [{ table: 'cases', op: 'put', value: { ...c, documentIds: [...c.documentIds, ...added] } }] }, created: { caseId: c.id } });
}
