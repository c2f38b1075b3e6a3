/**
 * Every coding as a W3C Web Annotation (JSON-LD), codes as tags.
 *
 * The annotations travel as one AnnotationCollection whose `first` AnnotationPage embeds
 * all of them (Web Annotation Data Model §5). The model defines no plain list of
 * annotations: a bare JSON array is not a JSON-LD document with one @context, has no
 * place for the collection's label, size or generator, and each annotation in it would
 * have to repeat the @context. A Collection with one embedded Page is also how a Web
 * Annotation Protocol server answers for a container's annotations, so a client that reads
 * annotation containers reads this file too.
 *
 * Positions: the model counts TextPositionSelector start/end in Unicode code points
 * (§4.2.5), Gloss in UTF-16 code units; they differ after every emoji or other character
 * outside the Basic Multilingual Plane.
 */
import { codePointCounter } from '../text/code-points';
import type { Coding, GlossDocument } from '../model/schema';
import type { ProjectState } from '../model/state';
import { codePath } from '../model/codes';
import { memoLine } from '../model/memos';
import { uniqueQuoteAt } from '../text/quote';
import { documentsByName } from './document-order';
import { refiGuid, uuidV5, GLOSS_GUID_NAMESPACE } from '../formats/refi/guid';
import { ok } from '../result';
import type { ExportBuilder } from './registry';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * A URN for a Gloss entity: the GUID project.qde writes for it (refiGuid, in lower case),
 * so one coding or document has one identity across a .qdpx and this file.
 */
export function entityUrn(table: string, id: string): string {
  return `urn:uuid:${refiGuid(table, id).toLowerCase()}`;
}

/**
 * The document an annotation targets, as an External Web Resource: its identity, its name
 * for a reader, and what the selectors count in (Gloss's plain text of the document,
 * whatever file it was imported from).
 */
function documentResource(document: GlossDocument) {
  return { id: entityUrn('documents', document.id), type: 'Text', format: 'text/plain', label: document.name };
}

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'classifying' | 'commenting';
  value: string;
  format: 'text/plain';
  creator?: Agent;
}

interface Agent {
  id: string;
  type: 'Person';
  name: string;
}

function annotation(
  state: ProjectState,
  document: GlossDocument,
  coding: Coding,
  codePoints: (offset: number) => number,
  agent: (coderId: string) => Agent,
  memos: ReadonlyMap<string, { text: string; coderId: string }[]>,
) {
  const code = state.codes.get(coding.codeId);
  // Quote and context from the text at the stored offsets, which are the truth (not the cached
  // quote), with context long enough that a client anchoring by quote finds only this passage.
  const { quote, prefix, suffix } = uniqueQuoteAt(document.text, coding.start, coding.end);
  const body: TextualBody[] = [
    { type: 'TextualBody', purpose: 'tagging', value: code?.name ?? coding.codeId, format: 'text/plain' },
    // The tag alone loses the hierarchy; "classifying" places the passage in the code tree.
    { type: 'TextualBody', purpose: 'classifying', value: codePath(state, coding.codeId), format: 'text/plain' },
  ];
  for (const memo of memos.get(coding.id) ?? []) {
    body.push({ type: 'TextualBody', purpose: 'commenting', value: memo.text, format: 'text/plain', creator: agent(memo.coderId) });
  }
  return {
    // Each annotation carries its context, so one taken out of the collection is still valid.
    '@context': CONTEXT,
    id: entityUrn('codings', coding.id),
    type: 'Annotation',
    motivation: 'tagging',
    created: coding.createdAt,
    creator: agent(coding.coderId),
    body,
    target: {
      source: documentResource(document),
      selector: [
        { type: 'TextQuoteSelector', exact: quote, prefix, suffix },
        { type: 'TextPositionSelector', start: codePoints(coding.start), end: codePoints(coding.end) },
      ],
    },
  };
}

/** The project's codings as a JSON-LD AnnotationCollection (pretty-printed, ends with a newline). */
export function webAnnotations(state: ProjectState): string {
  const agents = new Map<string, Agent>();
  const agent = (coderId: string): Agent => {
    let a = agents.get(coderId);
    if (!a) agents.set(coderId, (a = { id: entityUrn('coders', coderId), type: 'Person', name: state.coders.get(coderId)?.name ?? coderId }));
    return a;
  };
  const memos = new Map<string, { text: string; coderId: string }[]>();
  for (const memo of state.memos.values()) {
    if (memo.target.kind !== 'coding') continue;
    const list = memos.get(memo.target.id) ?? [];
    list.push({ text: memoLine(memo), coderId: memo.coderId });
    memos.set(memo.target.id, list);
  }

  // Same order as the excerpts CSV: documents by name, codings by position.
  const documents = documentsByName(state);
  const items = [];
  for (const document of documents) {
    const codePoints = codePointCounter(document.text);
    const codings = [...(state.codingsByDocument.get(document.id) ?? [])]
      .map((id) => state.codings.get(id)!)
      .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    for (const coding of codings) items.push(annotation(state, document, coding, codePoints, agent, memos));
  }

  // The project has no id of its own; its name and creation time identify it stably enough.
  const collectionId = `urn:uuid:${uuidV5(GLOSS_GUID_NAMESPACE, `annotation-collection/${state.project.name}/${state.project.createdAt}`)}`;
  const pageId = `urn:uuid:${uuidV5(GLOSS_GUID_NAMESPACE, `annotation-page/${collectionId}/0`)}`;
  const collection = {
    '@context': CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label: state.project.name,
    total: items.length,
    generator: { type: 'Software', name: 'Gloss' },
    // One page holds everything, so it is both the first and the last (§5.1 asks for both).
    last: pageId,
    first: {
      id: pageId,
      type: 'AnnotationPage',
      partOf: collectionId,
      startIndex: 0,
      items,
    },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

/** The registry's builder. */
export const webAnnotationsExport: ExportBuilder = (state) => ok(webAnnotations(state));
