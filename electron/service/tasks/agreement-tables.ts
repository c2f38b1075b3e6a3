/**
 * The tables agreement reads, packed for the trip to the task worker. A structured clone
 * of the live maps copies every coding object with its quote, context and ids: half a
 * second for 30,000 codings on a busy machine, on the main thread, longer than much of the
 * computation. Agreement reads five numbers per coding and the length of each text, so
 * codings go as one Int32Array (document, code and coder as indexes into short id lists,
 * then start and end) and documents without their text: a few milliseconds.
 */
import type { AgreementCoding, AgreementDocument, AgreementState } from '../../../shared/agreement/compute';
import type { Code, Coder } from '../../../shared/model/schema';

/** Numbers per coding in `codings`: document index, code index, coder index, start, end. */
const STRIDE = 5;

export interface PackedAgreementTables {
  coders: Coder[];
  codes: Code[];
  documentIds: string[];
  documentNames: string[];
  documentLengths: Int32Array;
  codings: Int32Array;
}

/** The tables as they are now, packed (a copy: later edits to the project do not reach it). */
export function packAgreementTables(state: AgreementState): PackedAgreementTables {
  const documentIds = [...state.documents.keys()];
  const documentIndex = new Map(documentIds.map((id, i) => [id, i]));
  const codes = [...state.codes.values()];
  const codeIndex = new Map(codes.map((code, i) => [code.id, i]));
  const coders = [...state.coders.values()];
  const coderIndex = new Map(coders.map((coder, i) => [coder.id, i]));
  const codings = new Int32Array(state.codings.size * STRIDE);
  let n = 0;
  for (const coding of state.codings.values()) {
    const document = documentIndex.get(coding.documentId);
    const code = codeIndex.get(coding.codeId);
    const coder = coderIndex.get(coding.coderId);
    // A coding pointing at nothing (a damaged project the user has not repaired) counts for
    // nothing in agreement either; it is left out here as the engine would skip it.
    if (document === undefined || code === undefined || coder === undefined) continue;
    codings[n++] = document;
    codings[n++] = code;
    codings[n++] = coder;
    codings[n++] = coding.start;
    codings[n++] = coding.end;
  }
  const documents = [...state.documents.values()];
  return {
    coders,
    codes,
    documentIds,
    documentNames: documents.map((d) => d.name),
    documentLengths: Int32Array.from(documents, (d) => d.text.length),
    codings: codings.subarray(0, n),
  };
}

/** The tables back in the shape the engine reads. */
export function unpackAgreementTables(packed: PackedAgreementTables): AgreementState {
  const { documentIds, documentNames, documentLengths, coders, codes } = packed;
  const documents = new Map<string, AgreementDocument>(
    documentIds.map((id, i) => [id, { id, name: documentNames[i]!, text: { length: documentLengths[i]! } }]),
  );
  const codings = new Map<string, AgreementCoding>();
  const c = packed.codings;
  for (let i = 0; i < c.length; i += STRIDE) {
    // Agreement never reads a coding's id; the position keeps the keys apart.
    codings.set(String(i / STRIDE), {
      documentId: documentIds[c[i]!]!,
      codeId: codes[c[i + 1]!]!.id,
      coderId: coders[c[i + 2]!]!.id,
      start: c[i + 3]!,
      end: c[i + 4]!,
    });
  }
  return {
    coders: new Map(coders.map((coder) => [coder.id, coder])),
    codes: new Map(codes.map((code) => [code.id, code])),
    documents,
    codings,
  };
}
