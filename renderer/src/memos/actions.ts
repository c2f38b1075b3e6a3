/** Memos: writing one about a coding, or editing one (shown by shell/DialogHost.tsx). */
import type { Memo } from '../../../shared/model/schema';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import { useGloss } from '../store';

/** Add memo… (memo null) or Edit memo… on a coding. */
export function startMemo(coding: CodingEntry, memo: Memo | null): void {
  useGloss.getState().openDialog({ kind: 'memo', coding, memo });
}
