/**
 * The project.qde of a `.qdpx` (Project-mrt2019.xsd): users, codebook, variables, cases,
 * sources with their codings, notes and sets, each section in the schema's sequence and
 * left out when empty (the schema wants at least one child in each section it holds).
 */
import type { Code } from '../../model/schema';
import type { ProjectState } from '../../model/state';
import { err, ok, type Result } from '../../result';
import { byNameThenId, compareIds, dateTime, memosByTarget, targetKey, userGuid, writeNoteRefs, type QdeContext } from './qde-context';
import { QdeGuids } from './qde-guids';
import type { PositionUnit } from './qde-positions';
import { memoDescription } from './memo-descriptions';
import { writeSources, writeVariableValues, type SourceText } from './qde-sources';
import { describeVariable, variableTypes } from './qde-variables';
import { XmlWriter } from './qde-writer';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
const SCHEMA_LOCATION = `${PROJECT_NAMESPACE} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`;

/** RGBType of the schema; a colour that does not fit is left out rather than make the file invalid. */
const RGB = /^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

export interface QdeOptions {
  positions: PositionUnit;
  origin: string;
}

export interface QdeContent {
  /** project.qde, UTF-8 XML text. */
  xml: string;
  /** The texts of the TextSources, in the order they appear in the XML. */
  sources: SourceText[];
}

/** The project.qde of `state` and the source texts it refers to. */
export function projectQde(state: ProjectState, options: QdeOptions): Result<QdeContent> {
  const context: QdeContext = {
    state,
    xml: new XmlWriter(),
    guids: new QdeGuids(),
    positions: options.positions,
    memos: memosByTarget(state),
    variableTypes: variableTypes(state),
  };
  let sources: Result<SourceText[]> = ok([]);
  const { project } = state;
  context.xml.element(
    'Project',
    {
      xmlns: PROJECT_NAMESPACE,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': SCHEMA_LOCATION,
      name: project.name,
      origin: options.origin,
      creationDateTime: dateTime(project.createdAt),
      modifiedDateTime: dateTime(project.modifiedAt),
    },
    () => {
      writeUsers(context);
      writeCodeBook(context);
      writeVariables(context);
      writeCases(context);
      sources = writeSources(context);
      writeNotes(context);
      writeSets(context);
      // The project memos too, for tools that read the Description and not the Notes (memo-descriptions.ts).
      const described = [project.description.trim(), memoDescription(context.memos.get(targetKey({ kind: 'project' })) ?? [])].filter((s) => s !== '').join('\n\n');
      if (described) context.xml.textElement('Description', described);
      writeNoteRefs(context, targetKey({ kind: 'project' }));
    },
  );
  if (!sources.ok) return sources;
  if (context.guids.conflicts.length > 0) {
    return err(`Two parts of the project have the same id, so a REFI-QDA file could not tell them apart: ${context.guids.conflicts.join('; ')}.`);
  }
  return ok({ xml: context.xml.toString(), sources: sources.value });
}

function writeUsers({ state, xml, guids }: QdeContext): void {
  const coders = [...state.coders.values()].sort((a, b) => compareIds(a.id, b.id));
  if (coders.length === 0) return;
  xml.element('Users', {}, () => {
    for (const coder of coders) xml.element('User', { guid: guids.define(guids.of('coders', coder.id), `coder “${coder.name}”`), name: coder.name });
  });
}

function writeCodeBook(context: QdeContext): void {
  const { state, xml, guids } = context;
  if (state.codes.size === 0) return;
  const children = new Map<string | null, Code[]>();
  for (const code of state.codes.values()) {
    // A code whose parent is gone is written at the top level rather than lost.
    const parent = code.parentId !== null && state.codes.has(code.parentId) ? code.parentId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(code);
    else children.set(parent, [code]);
  }
  for (const list of children.values()) list.sort(byNameThenId);
  const written = new Set<string>();
  const writeCode = (code: Code): void => {
    written.add(code.id);
    const attributes = {
      guid: guids.define(guids.of('codes', code.id), `code “${code.name}”`),
      name: code.name,
      isCodable: code.codable,
      color: RGB.test(code.color) ? code.color : undefined,
    };
    xml.element('Code', attributes, () => {
      if (code.description) xml.textElement('Description', code.description);
      writeNoteRefs(context, targetKey({ kind: 'code', id: code.id }));
      // Skipping written codes keeps a parent cycle from looping.
      for (const child of children.get(code.id) ?? []) if (!written.has(child.id)) writeCode(child);
    });
  };
  xml.element('CodeBook', {}, () => {
    xml.element('Codes', {}, () => {
      for (const code of children.get(null) ?? []) writeCode(code);
      // Codes caught in a parent cycle are reachable from no root; they go to the top level.
      for (const code of [...state.codes.values()].sort(byNameThenId)) if (!written.has(code.id)) writeCode(code);
    });
  });
}

function writeVariables({ state, xml, guids, variableTypes }: QdeContext): void {
  const variables = [...state.variables.values()].sort(byNameThenId);
  if (variables.length === 0) return;
  xml.element('Variables', {}, () => {
    for (const variable of variables) {
      const guid = guids.define(guids.of('variables', variable.id), `variable “${variable.name}”`);
      xml.element('Variable', { guid, name: variable.name, typeOfVariable: variableTypes.get(variable.id) }, () => {
        const description = describeVariable(variable);
        if (description) xml.textElement('Description', description);
      });
    }
  });
}

function writeCases(context: QdeContext): void {
  const { state, xml, guids } = context;
  const cases = [...state.cases.values()].sort(byNameThenId);
  if (cases.length === 0) return;
  xml.element('Cases', {}, () => {
    for (const item of cases) {
      xml.element('Case', { guid: guids.define(guids.of('cases', item.id), `case “${item.name}”`), name: item.name }, () => {
        if (item.description) xml.textElement('Description', item.description);
        writeVariableValues(context, item.values);
        for (const documentId of item.documentIds) {
          if (state.documents.has(documentId)) xml.element('SourceRef', { targetGUID: guids.of('documents', documentId) });
        }
      });
    }
  });
}

/** Every memo as a Note, attached or not: one whose target is gone still keeps its text. */
function writeNotes(context: QdeContext): void {
  const { state, xml, guids } = context;
  const memos = [...state.memos.values()].sort((a, b) => compareIds(a.id, b.id));
  if (memos.length === 0) return;
  xml.element('Notes', {}, () => {
    for (const memo of memos) {
      const attributes = {
        guid: guids.define(guids.of('memos', memo.id), `memo “${memo.title}”`),
        name: memo.title,
        creatingUser: userGuid(context, memo.coderId),
        creationDateTime: dateTime(memo.createdAt),
        modifiedDateTime: dateTime(memo.modifiedAt),
      };
      xml.element('Note', attributes, () => xml.textElement('PlainTextContent', memo.text));
    }
  });
}

/** Document sets with MemberSource, code sets with MemberCode; members that no longer exist are left out. */
function writeSets({ state, xml, guids }: QdeContext): void {
  const sets = [...state.sets.values()].sort(byNameThenId);
  if (sets.length === 0) return;
  xml.element('Sets', {}, () => {
    for (const set of sets) {
      xml.element('Set', { guid: guids.define(guids.of('sets', set.id), `set “${set.name}”`), name: set.name }, () => {
        if (set.description) xml.textElement('Description', set.description);
        for (const memberId of set.memberIds) {
          if (set.kind === 'codes' && state.codes.has(memberId)) xml.element('MemberCode', { targetGUID: guids.of('codes', memberId) });
          if (set.kind === 'documents' && state.documents.has(memberId)) xml.element('MemberSource', { targetGUID: guids.of('documents', memberId) });
        }
      });
    }
  });
}
