/**
 * Documents as REFI-QDA `TextSource`s: the text goes to `sources/<GUID>.txt` (UTF-8, LF,
 * no BOM), each coding becomes a `PlainTextSelection` holding its `Coding`, and document
 * memos and document variable values follow, in the schema's order.
 */
import type { Coding, GlossDocument } from '../../model/schema';
import { codingsOfDocument } from '../../model/state';
import { err, ok, type Result } from '../../result';
import { memoDescription } from './memo-descriptions';
import { byNameThenId, compareIds, dateTime, targetKey, userGuid, writeNoteRefs, type QdeContext } from './qde-context';
import { exportedText, wholeCharacters } from './qde-positions';
import { refiValue } from './qde-variables';

/** One text file of the archive: `sources/<guid>.txt`. */
export interface SourceText {
  guid: string;
  text: string;
}

/** Writes `<Sources>` (nothing when there are no documents) and returns the texts to store. */
export function writeSources(context: QdeContext): Result<SourceText[]> {
  const documents = [...context.state.documents.values()].sort(byNameThenId);
  for (const doc of documents) {
    const broken = codingsOfDocument(context.state, doc.id).find((coding) => problem(context, doc, coding));
    if (broken) return err(`Coding ${broken.id} in “${doc.name}” ${problem(context, doc, broken)}; nothing was exported.`);
  }
  const texts: SourceText[] = [];
  if (documents.length === 0) return ok(texts);
  context.xml.element('Sources', {}, () => {
    for (const doc of documents) texts.push(writeTextSource(context, doc));
  });
  return ok(texts);
}

/** Why `coding` cannot be written, or undefined. The project file's checks normally make these impossible. */
function problem(context: QdeContext, doc: GlossDocument, coding: Coding): string | undefined {
  if (!context.state.codes.has(coding.codeId)) return `refers to a code that no longer exists (${coding.codeId})`;
  if (coding.start < 0 || coding.end <= coding.start || coding.end > doc.text.length) {
    return `spans ${coding.start}–${coding.end}, outside the document's ${doc.text.length} characters`;
  }
  return undefined;
}

function writeTextSource(context: QdeContext, doc: GlossDocument): SourceText {
  const { xml, guids } = context;
  const guid = guids.define(guids.of('documents', doc.id), `document “${doc.name}”`);
  const positions = exportedText(doc.text, context.positions);
  // The same text addressed in UTF-16 units, to cut out each selection's quote.
  const units = exportedText(doc.text, 'utf16');
  xml.element(
    'TextSource',
    { guid, name: doc.name, plainTextPath: `internal://${guid}.txt`, creationDateTime: dateTime(doc.createdAt) },
    () => {
      writeMemoDescription(context, targetKey({ kind: 'document', id: doc.id }));
      const codings = codingsOfDocument(context.state, doc.id).sort((a, b) => a.start - b.start || a.end - b.end || compareIds(a.id, b.id));
      for (const coding of codings) {
        const [start, end] = wholeCharacters(doc.text, coding.start, coding.end);
        const creatingUser = userGuid(context, coding.coderId);
        const creationDateTime = dateTime(coding.createdAt);
        xml.element(
          'PlainTextSelection',
          {
            guid: guids.define(guids.selectionOf(coding.id), `the selection of coding ${coding.id}`),
            // The quoted text, as ATLAS.ti and QualCoder write it, lets an importer check the positions.
            name: units.text.slice(units.position(start), units.position(end)),
            startPosition: positions.position(start),
            endPosition: positions.position(end),
            creatingUser,
            creationDateTime,
          },
          () => {
            writeMemoDescription(context, targetKey({ kind: 'coding', id: coding.id }));
            xml.element('Coding', { guid: guids.define(guids.of('codings', coding.id), `coding ${coding.id}`), creatingUser, creationDateTime }, () => {
              xml.element('CodeRef', { targetGUID: guids.of('codes', coding.codeId) });
              writeNoteRefs(context, targetKey({ kind: 'coding', id: coding.id }));
            });
          },
        );
      }
      writeNoteRefs(context, targetKey({ kind: 'document', id: doc.id }));
      writeVariableValues(context, doc.attributes);
    },
  );
  return { guid, text: positions.text };
}

/** The memos attached to `key` as a `Description`, for tools that read no Notes (memo-descriptions.ts). */
function writeMemoDescription(context: QdeContext, key: string): void {
  const text = memoDescription(context.memos.get(key) ?? []);
  if (text) context.xml.textElement('Description', text);
}

/** A `VariableValue` for each variable (in variable order) that has a value in `values`. */
export function writeVariableValues(context: QdeContext, values: Record<string, string | number | boolean | null>): void {
  for (const variable of [...context.state.variables.values()].sort(byNameThenId)) {
    const type = context.variableTypes.get(variable.id);
    const value = Object.hasOwn(values, variable.id) ? values[variable.id] : undefined;
    const refi = type && value !== undefined ? refiValue(type, value) : undefined;
    if (!refi) continue;
    context.xml.element('VariableValue', {}, () => {
      context.xml.element('VariableRef', { targetGUID: context.guids.of('variables', variable.id) });
      context.xml.textElement(refi.element, refi.text);
    });
  }
}
