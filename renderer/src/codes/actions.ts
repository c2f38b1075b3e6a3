/** The code tree's dialogs: describe, move and delete a code (shown by shell/DialogHost.tsx). */
import type { Code } from '../../../shared/model/schema';
import { useGloss } from '../store';

/** Describe…: the code's definition in the codebook. */
export function startDescribeCode(code: Code): void {
  useGloss.getState().openDialog({ kind: 'describe-code', code });
}

/** Move to…: another parent, or the top level. */
export function startMoveCode(code: Code): void {
  useGloss.getState().openDialog({ kind: 'move-code', code });
}

/** Delete…, after saying how many codings and sub-codes go with it. */
export function startDeleteCode(code: Code): void {
  useGloss.getState().openDialog({ kind: 'delete-code', code });
}
