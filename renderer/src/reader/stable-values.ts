/** Values kept identical while their content stays the same, so memoised work downstream is not redone. */
import { useMemo, useRef } from 'react';
import type { StructureRange } from '../../../shared/model/schema';

const sameRange = (a: StructureRange, b: StructureRange) => a.kind === b.kind && a.start === b.start && a.end === b.end && a.level === b.level && a.label === b.label;

/**
 * The structure array kept while its ranges stay equal: a change to the document that
 * arrives from the host (a rename) brings an equal but new array, and a new layout would
 * re-render every chunk.
 */
export function useStableStructure(structure: readonly StructureRange[]): readonly StructureRange[] {
  const kept = useRef(structure);
  if (kept.current !== structure && (kept.current.length !== structure.length || !structure.every((r, i) => sameRange(r, kept.current[i]!)))) {
    kept.current = structure;
  }
  return kept.current;
}

/** The same array while its numbers stay the same, so the virtualiser's range does not change for nothing. */
export function useStableNumbers(numbers: number[]): readonly number[] {
  const key = numbers.join(',');
  return useMemo(() => numbers, [key]); // the key is the content
}
