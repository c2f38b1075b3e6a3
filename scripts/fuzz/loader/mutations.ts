/**
 * Ways to damage a project file, as fast-check arbitraries: at the level of bytes (what a
 * bad disk, a wrong encoding or a truncated copy does), of lines (what a bad git merge or a
 * hand edit does: the file holds one entity per line), and of JSON (what another tool or a
 * script does: a missing key, a wrong type, a repeated id, a reference to nothing, an
 * offset off by one or past the end).
 */
import fc from 'fast-check';

export interface LoaderInput {
  /** How the input was made, for the figures. */
  via: 'random' | 'bytes' | 'lines' | 'json';
  bytes: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Byte strings that break parsers: JSON structure, invalid UTF-8, controls, BOMs, prototype keys. */
const TOKENS: readonly Uint8Array[] = [
  '"', '\\', '{', '}', '[', ']', ',', ':', 'null', '-1', '1e309', '0.5', '"__proto__":1,', '"constructor":{},', '\\ud800', '\\u0000',
].map((t) => encoder.encode(t)).concat(
  [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8], [0x80], [0xe2, 0x82], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0x00], [0x1b, 0x5b], [0xf0, 0x9f, 0x98, 0x80]].map((b) => Uint8Array.from(b)),
);

type ByteEdit = (bytes: Uint8Array, other: Uint8Array) => Uint8Array;

const at = (n: number, length: number) => (length === 0 ? 0 : n % (length + 1));
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
};

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([n, x]): ByteEdit => (b) => {
    const out = b.slice();
    if (out.length) out[n % out.length]! ^= x;
    return out;
  }),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([n, ins]): ByteEdit => (b) => join(b.subarray(0, at(n, b.length)), ins, b.subarray(at(n, b.length)))),
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS)).map(([n, token]): ByteEdit => (b) => join(b.subarray(0, at(n, b.length)), token, b.subarray(at(n, b.length)))),
  fc.tuple(fc.nat(), fc.nat(64)).map(([n, len]): ByteEdit => (b) => join(b.subarray(0, at(n, b.length)), b.subarray(at(n, b.length) + len))),
  fc.tuple(fc.nat(), fc.nat(200), fc.nat()).map(([n, len, to]): ByteEdit => (b) => {
    const from = at(n, b.length);
    const piece = b.subarray(from, from + len);
    const where = at(to, b.length);
    return join(b.subarray(0, where), piece, b.subarray(where));
  }),
  fc.nat().map((n): ByteEdit => (b) => b.subarray(0, at(n, b.length))),
  fc.tuple(fc.nat(), fc.nat()).map(([n, m]): ByteEdit => (b, other) => join(b.subarray(0, at(n, b.length)), other.subarray(at(m, other.length)))),
);

type LineEdit = (lines: string[], other: string[]) => void;
const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.nat().map((n): LineEdit => (lines) => void lines.splice(n % lines.length, 0, lines[n % lines.length]!)),
  fc.nat().map((n): LineEdit => (lines) => void lines.splice(n % lines.length, 1)),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): LineEdit => (lines) => {
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): LineEdit => (lines, other) => void lines.splice(a % lines.length, 0, other[b % other.length]!)),
  // A merge conflict left in the file.
  fc.nat().map((n): LineEdit => (lines) => void lines.splice(n % lines.length, 0, '<<<<<<< ours', lines[n % lines.length]!, '=======', '>>>>>>> theirs')),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonEdit = (file: Record<string, Json>) => void;

const TABLE_NAMES = ['coders', 'documents', 'codes', 'codings', 'memos', 'cases', 'variables', 'sets'] as const;

/** Every id in the file, to make references that point at the wrong kind of entity or at a twin. */
function allIds(file: Record<string, Json>): string[] {
  const ids: string[] = [];
  for (const table of TABLE_NAMES) {
    const rows = file[table];
    if (Array.isArray(rows)) for (const row of rows) if (row && typeof row === 'object' && !Array.isArray(row) && typeof row.id === 'string') ids.push(row.id);
  }
  return ids;
}

function pickEntity(file: Record<string, Json>, t: number, e: number): Record<string, Json> | null {
  const rows = file[TABLE_NAMES[t % TABLE_NAMES.length]!];
  if (!Array.isArray(rows) || rows.length === 0) return null;
  const row = rows[e % rows.length];
  return row && typeof row === 'object' && !Array.isArray(row) ? row : null;
}

const odd: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(-1, 0, 1, 0.5, 2 ** 31, 2 ** 53 + 2, 1e308, -0, '', 'x', '😀', '\ud800', '__proto__', null, true, false, [], {}, { __proto__: 1 } as Json),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const jsonEdit: fc.Arbitrary<JsonEdit> = fc.oneof(
  // A field set to something else, or removed.
  fc.tuple(fc.nat(), fc.nat(), fc.nat(), odd).map(([t, e, k, value]): JsonEdit => (file) => {
    const row = pickEntity(file, t, e);
    if (!row) return;
    const keys = Object.keys(row);
    row[keys[k % keys.length]!] = value;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([t, e, k]): JsonEdit => (file) => {
    const row = pickEntity(file, t, e);
    if (!row) return;
    const keys = Object.keys(row);
    delete row[keys[k % keys.length]!];
  }),
  // An entity repeated (same id), or removed (what referred to it now dangles).
  fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([t, e, sameId]): JsonEdit => (file) => {
    const rows = file[TABLE_NAMES[t % TABLE_NAMES.length]!];
    if (!Array.isArray(rows) || rows.length === 0) return;
    const copy = structuredClone(rows[e % rows.length]!) as Record<string, Json>;
    if (!sameId) copy.id = `${String(copy.id)}-copy`;
    rows.push(copy);
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([t, e]): JsonEdit => (file) => {
    const rows = file[TABLE_NAMES[t % TABLE_NAMES.length]!];
    if (Array.isArray(rows) && rows.length > 0) rows.splice(e % rows.length, 1);
  }),
  // A reference pointed at another id (any table's), or an offset moved near the edges.
  fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.constantFrom('documentId', 'codeId', 'coderId', 'parentId', 'target', 'memberIds', 'documentIds')).map(
    ([t, e, i, key]): JsonEdit => (file) => {
      const row = pickEntity(file, t, e);
      const ids = allIds(file);
      if (!row || !(key in row) || ids.length === 0) return;
      const id = ids[i % ids.length]!;
      const current = row[key];
      if (Array.isArray(current)) current.push(id);
      else if (current && typeof current === 'object') current.id = id;
      else row[key] = id;
    },
  ),
  fc.tuple(fc.nat(), fc.constantFrom('start', 'end'), fc.integer({ min: -3, max: 3 }), fc.boolean()).map(([e, key, delta, fromEnd]): JsonEdit => (file) => {
    const rows = file.codings;
    if (!Array.isArray(rows) || rows.length === 0) return;
    const coding = rows[e % rows.length] as Record<string, Json>;
    const docs = (Array.isArray(file.documents) ? file.documents : []) as Record<string, Json>[];
    const text = docs.find((d) => d.id === coding.documentId)?.text;
    const base = fromEnd && typeof text === 'string' ? text.length : Number(coding[key]);
    coding[key] = base + delta;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: -5, max: 5000 }), fc.integer({ min: -5, max: 5000 })).map(([e, start, end]): JsonEdit => (file) => {
    const docs = file.documents;
    if (!Array.isArray(docs) || docs.length === 0) return;
    const doc = docs[e % docs.length] as Record<string, Json>;
    if (Array.isArray(doc.structure)) doc.structure.push({ kind: 'paragraph', start, end });
  }),
  // Keys spelt like prototype traps in the dictionaries.
  fc.tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString'), odd).map(([e, key, value]): JsonEdit => (file) => {
    const docs = file.documents;
    if (!Array.isArray(docs) || docs.length === 0) return;
    const doc = docs[e % docs.length] as Record<string, Json>;
    if (doc.attributes && typeof doc.attributes === 'object' && !Array.isArray(doc.attributes)) {
      Object.defineProperty(doc.attributes, key, { value, enumerable: true, writable: true, configurable: true });
    }
  }),
  fc.constantFrom<JsonEdit>((f) => (f.version = 2), (f) => (f.version = '1'), (f) => delete f.format, (f) => (f.codings = {}), (f) => (f.project = null)),
);

/** Inputs for the loader: random bytes, and seeds damaged at the level of bytes, lines or JSON. */
export function loaderInputs(seeds: readonly Uint8Array[]): fc.Arbitrary<LoaderInput> {
  const seed = fc.nat(seeds.length - 1).map((i) => seeds[i]!);
  return fc.oneof(
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((bytes): LoaderInput => ({ via: 'random', bytes })) },
    {
      weight: 3,
      arbitrary: fc.tuple(seed, seed, fc.array(byteEdit, { minLength: 1, maxLength: 4 })).map(([bytes, other, edits]): LoaderInput => ({
        via: 'bytes',
        bytes: edits.reduce((b, edit) => edit(b, other), bytes),
      })),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(seed, seed, fc.array(lineEdit, { minLength: 1, maxLength: 3 })).map(([bytes, other, edits]): LoaderInput => {
        const lines = decoder.decode(bytes).split('\n');
        const otherLines = decoder.decode(other).split('\n');
        for (const edit of edits) edit(lines, otherLines);
        return { via: 'lines', bytes: encoder.encode(lines.join('\n')) };
      }),
    },
    {
      weight: 4,
      arbitrary: fc.tuple(seed, fc.array(jsonEdit, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([bytes, edits, pretty]): LoaderInput => {
        const file = JSON.parse(decoder.decode(bytes).replace(/^\uFEFF/, '')) as Record<string, Json>;
        for (const edit of edits) edit(file);
        return { via: 'json', bytes: encoder.encode(JSON.stringify(file, null, pretty ? 1 : undefined)) };
      }),
    },
  );
}
