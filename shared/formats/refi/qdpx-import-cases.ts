/**
 * Variables, cases and sets of a QDPX project. A nameless case that holds exactly one
 * source is how MAXQDA and Quirkos write document variables (NOTES.md §5.6): its values go
 * onto that document instead of becoming a case.
 */
import type { Case, GlossDocument, GlossSet, Variable, VariableValue } from '../../model/schema';
import { short, type ImportContext } from './qdpx-import-context';
import type { ImportedCodes } from './qdpx-import-codes';
import { normalGuid, type QdeProject, type QdeVariableValue } from './qde-read';
import { readVariableDescription } from './qde-variables';

const TYPES: Record<string, Variable['type']> = {
  text: 'text',
  integer: 'number',
  float: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'date',
};

export interface ImportedCases {
  variables: Variable[];
  cases: Case[];
  sets: GlossSet[];
}

/** A value element's text as a value of a variable of `type`, or undefined when it does not fit. */
function valueOf(v: QdeVariableValue, type: Variable['type']): VariableValue | undefined {
  const raw = v.value?.trim() ?? '';
  if (v.kind === null || raw === '') return null;
  switch (type) {
    case 'text':
      return v.value ?? '';
    case 'number': {
      const n = Number(raw);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : undefined;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : undefined;
  }
}

export function importCases(
  ctx: ImportContext,
  project: QdeProject,
  codes: ImportedCodes,
  documents: readonly GlossDocument[],
  documentByGuid: ReadonlyMap<string, string>,
  skippedSources: ReadonlyMap<string, string>,
): ImportedCases {
  const variables: Variable[] = [];
  const variableByGuid = new Map<string, Variable>();
  let timesDropped = 0;
  for (const qv of project.variables) {
    const name = qv.name?.trim() || 'Unnamed variable';
    const type = TYPES[qv.type?.trim().toLowerCase() ?? ''];
    if (!type) ctx.warn(`Variable “${short(name)}” has the type “${qv.type ?? ''}”, which REFI-QDA does not define; it was imported as text.`);
    const described = qv.description?.trim() ?? '';
    // A list of choices only fits a text variable, as in Gloss itself; any other keeps the line as words.
    const { description, choices } = (type ?? 'text') === 'text' ? readVariableDescription(described) : { description: described, choices: undefined };
    const variable: Variable = { id: ctx.idFor('variables', qv.guid, `Variable “${short(name)}”`), name, type: type ?? 'text', description };
    if (choices) variable.choices = choices;
    if (qv.type?.trim().toLowerCase() === 'datetime') timesDropped++;
    variables.push(variable);
    const guid = normalGuid(qv.guid);
    if (guid && !variableByGuid.has(guid)) variableByGuid.set(guid, variable);
  }
  if (timesDropped > 0) ctx.warn(`${timesDropped} date-and-time variable${timesDropped === 1 ? '' : 's'} became date variables; the time of day was dropped.`);

  let badValues = 0;
  const values = (list: readonly QdeVariableValue[], owner: string): Record<string, VariableValue> => {
    const out: Record<string, VariableValue> = {};
    for (const v of list) {
      const variable = variableByGuid.get(normalGuid(v.variableRef) ?? '');
      if (!variable) {
        badValues++;
        continue;
      }
      const value = valueOf(v, variable.type);
      if (value === undefined) {
        ctx.warn(`${owner}: the value “${short(v.value ?? '', 30)}” of variable “${short(variable.name)}” is not a ${variable.type}; it was left empty.`);
        out[variable.id] = null;
      } else out[variable.id] = value;
    }
    return out;
  };

  const docById = new Map(documents.map((d) => [d.id, d]));
  for (const source of project.textSources) {
    const id = documentByGuid.get(normalGuid(source.guid) ?? '');
    const doc = id ? docById.get(id) : undefined;
    if (doc && source.variableValues.length > 0) Object.assign(doc.attributes, values(source.variableValues, `Document “${short(doc.name)}”`));
  }

  const cases: Case[] = [];
  let missingSources = 0;
  let codeRefs = 0;
  let selectionRefs = 0;
  let documentVariables = 0;
  for (const qc of project.cases) {
    const documentIds: string[] = [];
    for (const ref of qc.sourceRefs) {
      const id = documentByGuid.get(normalGuid(ref) ?? '');
      if (id) {
        if (!documentIds.includes(id)) documentIds.push(id);
      } else missingSources++;
    }
    codeRefs += qc.codeRefs.length;
    selectionRefs += qc.selectionRefs.length;
    const only = documentIds.length === 1 && qc.sourceRefs.length === 1 ? docById.get(documentIds[0]!) : undefined;
    if (!qc.name?.trim() && only) {
      Object.assign(only.attributes, values(qc.values, `Document “${short(only.name)}”`));
      documentVariables++;
      continue;
    }
    const name = qc.name?.trim() || `Case ${cases.length + 1}`;
    cases.push({
      id: ctx.idFor('cases', qc.guid, `Case “${short(name)}”`),
      name,
      description: qc.description?.trim() ?? '',
      documentIds,
      values: values(qc.values, `Case “${short(name)}”`),
    });
  }
  if (documentVariables > 0) {
    ctx.warn(`${documentVariables} nameless case${documentVariables === 1 ? '' : 's'} with a single source held that document's variables; the values were put on the document.`);
  }
  if (missingSources > 0) ctx.warn(`${missingSources} case member${missingSources === 1 ? '' : 's'} refer to sources that were not imported; they were left out.`);
  if (codeRefs > 0) ctx.skip(`${codeRefs} code${codeRefs === 1 ? '' : 's'} linked to cases`, 'Gloss cases hold documents, not codes');
  if (selectionRefs > 0) ctx.skip(`${selectionRefs} selection${selectionRefs === 1 ? '' : 's'} linked to cases`, 'Gloss cases hold whole documents, not passages');
  widenChoices(ctx, variables, [...documents.map((d) => d.attributes), ...cases.map((c) => c.values)]);
  if (badValues > 0) ctx.warn(`${badValues} variable value${badValues === 1 ? '' : 's'} refer to no variable of the project; they were left out.`);

  return { variables, cases, sets: importSets(ctx, project, codes, documentByGuid, skippedSources) };
}

/**
 * A value the file holds outside its variable's list of choices (another tool edited it)
 * joins the list, with a warning, rather than being dropped or leaving a value Gloss would
 * refuse to keep.
 */
function widenChoices(ctx: ImportContext, variables: readonly Variable[], valueSets: readonly Record<string, VariableValue>[]): void {
  for (const variable of variables) {
    if (!variable.choices) continue;
    const added: string[] = [];
    for (const values of valueSets) {
      const value = values[variable.id];
      if (value === undefined || value === null) continue;
      const text = String(value);
      if (!variable.choices.includes(text) && !added.includes(text)) added.push(text);
    }
    if (added.length === 0) continue;
    variable.choices = [...variable.choices, ...added];
    ctx.warn(`Variable “${short(variable.name)}”: ${added.length} value${added.length === 1 ? ' was' : 's were'} not among its choices and joined the list (${added.map((a) => `“${short(a, 30)}”`).join(', ')}).`);
  }
}

function importSets(
  ctx: ImportContext,
  project: QdeProject,
  codes: ImportedCodes,
  documentByGuid: ReadonlyMap<string, string>,
  skippedSources: ReadonlyMap<string, string>,
): GlossSet[] {
  const sets: GlossSet[] = [];
  for (const qs of project.sets) {
    const name = qs.name?.trim() || `Set ${sets.length + 1}`;
    const members = (refs: readonly string[], index: ReadonlyMap<string, string>) => {
      const ids: string[] = [];
      let missing = 0;
      for (const ref of refs) {
        const g = normalGuid(ref) ?? '';
        const id = index.get(g);
        if (id) {
          if (!ids.includes(id)) ids.push(id);
        } else if (!skippedSources.has(g)) missing++;
      }
      if (missing > 0) ctx.warn(`Set “${short(name)}”: ${missing} member${missing === 1 ? '' : 's'} refer to nothing in the project; they were left out.`);
      return ids;
    };
    const codeIds = members(qs.codes, codes.byGuid);
    const documentIds = members(qs.sources, documentByGuid);
    const unimported = qs.sources.filter((s) => skippedSources.has(normalGuid(s) ?? '')).length;
    if (unimported > 0) ctx.warn(`Set “${short(name)}”: ${unimported} member${unimported === 1 ? ' is a source' : 's are sources'} Gloss could not import; they were left out.`);
    if (qs.notes.length > 0) ctx.skip(`${qs.notes.length} note${qs.notes.length === 1 ? '' : 's'} in set “${short(name)}”`, 'Gloss sets hold documents or codes, not memos');
    const description = qs.description?.trim() ?? '';
    const hasCodes = qs.codes.length > 0;
    const hasSources = qs.sources.length > 0;
    if (hasCodes && hasSources) {
      ctx.warn(`Set “${short(name)}” holds both codes and sources; Gloss sets hold one kind, so it became “${short(name)} (documents)” and “${short(name)} (codes)”.`);
      sets.push({ id: ctx.idFor('sets', qs.guid, `Set “${short(name)}”`), name: `${name} (documents)`, description, kind: 'documents', memberIds: documentIds });
      sets.push({ id: ctx.idFor('sets', null, `Set “${short(name)}”`), name: `${name} (codes)`, description, kind: 'codes', memberIds: codeIds });
    } else {
      const kind = hasCodes ? 'codes' : 'documents';
      sets.push({ id: ctx.idFor('sets', qs.guid, `Set “${short(name)}”`), name, description, kind, memberIds: hasCodes ? codeIds : documentIds });
    }
  }
  return sets;
}
