/**
 * The changed stretches between two lists of lines, by Myers' O((N+M)·D) diff. Lines are
 * compared whole; the caller narrows each stretch down to the characters that changed.
 */

/** Old lines [oldStart, oldEnd) were replaced by new lines [newStart, newEnd). */
export interface LineHunk {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** Equal lines get equal numbers, so the diff compares integers rather than strings. */
function intern(a: readonly string[], b: readonly string[]): [Int32Array, Int32Array] {
  const ids = new Map<string, number>();
  const idOf = (line: string) => {
    let id = ids.get(line);
    if (id === undefined) ids.set(line, (id = ids.size));
    return id;
  };
  return [Int32Array.from(a, idOf), Int32Array.from(b, idOf)];
}

/**
 * The hunks turning `a` into `b`, in order, or null when more than `maxEdits` lines would
 * have to be inserted or deleted: a text rewritten that much is better treated as one
 * replacement, and the search this saves grows with the square of the edits.
 */
export function diffLines(a: readonly string[], b: readonly string[], maxEdits: number): LineHunk[] | null {
  const [x, y] = intern(a, b);
  const n = x.length;
  const m = y.length;
  const limit = Math.min(maxEdits, n + m);
  const offset = limit + 1;
  // v[k + offset]: the furthest old index reached on diagonal k (k = oldIndex - newIndex).
  const v = new Int32Array(2 * offset + 1);
  // trace[d]: v for diagonals -d..d after d edits, to walk the path back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[k - 1 + offset]! < v[k + 1 + offset]!) ? v[k + 1 + offset]! : v[k - 1 + offset]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      v[k + offset] = i;
      if (i >= n && j >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return hunksFrom(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

/** Walks the edit path back from the end, collecting the runs of equal lines, then the gaps between them. */
function hunksFrom(trace: Int32Array[], n: number, m: number): LineHunk[] {
  // Runs of equal lines as [oldStart, newStart, length], last first.
  const equal: [number, number, number][] = [];
  let i = n;
  let j = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1]!;
    const at = (k: number) => previous[k + d - 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevI = at(prevK);
    const prevJ = prevI - prevK;
    // After the one edit of step d, the path runs diagonally (equal lines) to (i, j).
    const snakeI = down ? prevI : prevI + 1;
    if (i > snakeI) equal.push([snakeI, snakeI - k, i - snakeI]);
    i = prevI;
    j = prevJ;
  }
  if (i > 0) equal.push([0, 0, i]);
  equal.reverse();

  const hunks: LineHunk[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const [oldStart, newStart, length] of [...equal, [n, m, 0] as [number, number, number]]) {
    if (oldStart > oldAt || newStart > newAt) hunks.push({ oldStart: oldAt, oldEnd: oldStart, newStart: newAt, newEnd: newStart });
    oldAt = oldStart + length;
    newAt = newStart + length;
  }
  return hunks;
}
