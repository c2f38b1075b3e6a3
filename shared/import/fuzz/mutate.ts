/**
 * Inputs for the import fuzzer, as fast-check arbitraries: random bytes, and real files
 * mutated byte by byte, with the format's own tokens, by nesting a token thousands deep,
 * or, inside a ZIP container, entry by entry (so the XML inside a DOCX is reached, not
 * just a broken archive). Every mutation is a plain record, so fast-check shows and
 * shrinks the steps that made a failing input.
 */
import fc from 'fast-check';
import { unzipSync, zipSync, type Zippable } from 'fflate';

type Step =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'token'; at: number; token: number; times: number }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; at: number; seed: number; from: number; length: number };

/** How far inputs may grow: large enough for deep nesting, small enough for thousands of runs. */
const MAX_INPUT = 1024 * 1024;

const encoder = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Applies one step to `bytes`; positions wrap around the input's length. */
function apply(bytes: Uint8Array, step: Step, tokens: readonly Uint8Array[], seeds: readonly Uint8Array[]): Uint8Array {
  const n = bytes.length;
  const at = n === 0 ? 0 : step.at % (n + 1);
  switch (step.op) {
    case 'flip': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[at % n] = out[at % n]! ^ (1 << step.bit);
      return out;
    }
    case 'set': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[at % n] = step.value;
      return out;
    }
    case 'insert':
      return concat(bytes.subarray(0, at), step.bytes, bytes.subarray(at));
    case 'token': {
      const token = tokens[step.token % tokens.length]!;
      const run = new Uint8Array(token.length * step.times);
      for (let i = 0; i < step.times; i++) run.set(token, i * token.length);
      return concat(bytes.subarray(0, at), run, bytes.subarray(at));
    }
    case 'delete':
      return concat(bytes.subarray(0, at), bytes.subarray(at + step.length));
    case 'repeat': {
      const chunk = bytes.subarray(at, at + step.length);
      const parts = [bytes.subarray(0, at + chunk.length)];
      for (let i = 0; i < step.times; i++) parts.push(chunk);
      parts.push(bytes.subarray(at + chunk.length));
      return concat(...parts);
    }
    case 'truncate':
      return bytes.subarray(0, at);
    case 'splice': {
      const other = seeds[step.seed % seeds.length]!;
      const from = other.length === 0 ? 0 : step.from % other.length;
      return concat(bytes.subarray(0, at), other.subarray(from, from + step.length), bytes.subarray(at));
    }
  }
}

function steps(): fc.Arbitrary<Step> {
  const at = fc.nat();
  return fc.oneof(
    fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ op: fc.constant('set' as const), at, value: fc.constantFrom(0, 0x0a, 0x0d, 0x22, 0x26, 0x3c, 0x3e, 0x5c, 0x7b, 0x7d, 0x7f, 0x80, 0xc3, 0xef, 0xff) }),
    fc.record({ op: fc.constant('insert' as const), at, bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    // Mostly one token; sometimes thousands, to nest groups, elements or lists deeply.
    fc.record({ op: fc.constant('token' as const), at, token: fc.nat(), times: fc.oneof({ weight: 6, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 20 }), fc.integer({ min: 200, max: 30_000 })) }),
    fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 256 }) }),
    fc.record({ op: fc.constant('repeat' as const), at, length: fc.integer({ min: 1, max: 256 }), times: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ op: fc.constant('truncate' as const), at }),
    fc.record({ op: fc.constant('splice' as const), at, seed: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 512 }) }),
  );
}

/** The entries of a ZIP seed, or null when the seed is not one. */
function entriesOf(bytes: Uint8Array): [string, Uint8Array][] | null {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  try {
    return Object.entries(unzipSync(bytes));
  } catch {
    return null;
  }
}

const capped = (bytes: Uint8Array) => (bytes.length > MAX_INPUT ? bytes.subarray(0, MAX_INPUT) : bytes);

/** Inputs for a target: random bytes, and its seeds mutated in place or, for ZIP seeds, inside an entry. */
export function fuzzInputs(seeds: readonly Uint8Array[], tokenTexts: readonly string[]): fc.Arbitrary<Uint8Array> {
  const tokens = tokenTexts.map((t) => encoder.encode(t));
  const zips = seeds.map(entriesOf).filter((e): e is [string, Uint8Array][] => e !== null && e.length > 0);
  const mutated = seeds.length
    ? fc
        .tuple(fc.nat({ max: seeds.length - 1 }), fc.array(steps(), { minLength: 1, maxLength: 6 }))
        .map(([seed, list]) => capped(list.reduce((bytes, step) => apply(bytes, step, tokens, seeds), seeds[seed]!)))
    : null;
  const inZip = zips.length
    ? fc
        .tuple(fc.nat({ max: zips.length - 1 }), fc.nat(), fc.array(steps(), { minLength: 1, maxLength: 6 }), fc.constantFrom<0 | 1 | 6 | 9>(0, 1, 6, 9))
        .map(([zip, entry, list, level]) => {
          const entries = zips[zip]!;
          const [name, data] = entries[entry % entries.length]!;
          const files: Zippable = {};
          for (const [n, d] of entries) files[n] = [d, { level: n === 'mimetype' ? 0 : level }];
          files[name] = [capped(list.reduce((bytes, step) => apply(bytes, step, tokens, seeds), data)), { level }];
          return zipSync(files);
        })
    : null;
  const random = fc.uint8Array({ maxLength: 4096 });
  return fc.oneof(
    { weight: 1, arbitrary: random },
    ...(mutated ? [{ weight: 4, arbitrary: mutated }] : []),
    ...(inZip ? [{ weight: 5, arbitrary: inZip }] : []),
  );
}
