/**
 * Undo and redo of one open project: every Change applied to the live state goes through
 * here as one step with its inverse, so any operation (planned by planOp, or built
 * elsewhere, as a merge is) can be undone without code of its own.
 */
import { applyChange, invertChange, type Change, type ProjectState } from '../../../shared/model/state';
import type { HistoryInfo } from '../../../shared/ipc/contract';

/** One undoable step: what it did and what takes it back. */
export interface HistoryEntry {
  label: string;
  /** The words the audit trail records for the step, when they differ from the label (shared/ops/audit.ts auditTextOf). */
  auditText?: string;
  forward: Change;
  inverse: Change;
}

/** The undo and redo stacks over one live state; it changes the state it is given, nothing else. */
export class History {
  private readonly undoStack: HistoryEntry[] = [];
  private readonly redoStack: HistoryEntry[] = [];

  constructor(private readonly state: ProjectState) {}

  /** The labels of the steps Undo and Redo would take now. */
  info(): HistoryInfo {
    return {
      undo: this.undoStack.at(-1)?.label ?? null,
      redo: this.redoStack.at(-1)?.label ?? null,
    };
  }

  /**
   * Applies `change` as one step (its inverse computed against the state before it) and
   * forgets what could be redone. False for a change with no patches, which records nothing.
   */
  commit(label: string, change: Change, auditText?: string): boolean {
    if (change.patches.length === 0) return false;
    const inverse = invertChange(this.state, change);
    applyChange(this.state, change);
    this.undoStack.push({ label, forward: change, inverse, ...(auditText !== undefined && auditText !== label ? { auditText } : {}) });
    this.redoStack.length = 0;
    return true;
  }

  /** The step Undo would take back, without taking it. */
  peekUndo(): { label: string; auditText: string; change: Change } | null {
    const entry = this.undoStack.at(-1);
    return entry ? { label: entry.label, auditText: entry.auditText ?? entry.label, change: entry.inverse } : null;
  }

  /** The step Redo would do again, without doing it. */
  peekRedo(): { label: string; auditText: string; change: Change } | null {
    const entry = this.redoStack.at(-1);
    return entry ? { label: entry.label, auditText: entry.auditText ?? entry.label, change: entry.forward } : null;
  }

  /** Takes back the last step; the step and the change applied, or null when there is none. */
  undo(): { label: string; change: Change } | null {
    return this.step(this.undoStack, this.redoStack, 'inverse');
  }

  /** Does again the last undone step; null when there is none. */
  redo(): { label: string; change: Change } | null {
    return this.step(this.redoStack, this.undoStack, 'forward');
  }

  private step(from: HistoryEntry[], to: HistoryEntry[], direction: 'forward' | 'inverse'): { label: string; change: Change } | null {
    const entry = from.pop();
    if (!entry) return null;
    const change = entry[direction];
    applyChange(this.state, change);
    to.push(entry);
    return { label: entry.label, change };
  }
}
