/**
 * Every dialog the store can open, in one list: the `dialog` state holds one request
 * `{ kind, ...props }`, typed from this list, and DialogHost shows it. Adding a dialog is its
 * component plus one line here; `openDialog({ kind, ... })` then type-checks its props.
 * Dialogs that need an open project are not shown without one; the others (importing a
 * REFI-QDA project from the welcome screen) are.
 */
import type { ComponentProps, ComponentType } from 'react';
import { CodebookPreviewDialog } from '../exchange/CodebookPreviewDialog';
import { ImportReportDialog } from '../exchange/ImportReportDialog';
import { QdpxImportDialog } from '../exchange/QdpxImportDialog';
import { ReportDialog } from '../exchange/ReportDialog';
import { AnonymiseDialog } from '../documents/AnonymiseDialog';
import { DuplicatesDialog } from '../documents/DuplicatesDialog';
import { EditTextDialog } from '../documents/EditTextDialog';
import { PasteDialog } from '../documents/PasteDialog';
import { CoderNameDialog } from '../team/CoderNameDialog';
import { DeleteCodeDialog } from '../codes/DeleteCodeDialog';
import { DescribeCodeDialog } from '../codes/DescribeCodeDialog';
import { MoveCodeDialog } from '../codes/MoveCodeDialog';
import { MergeCodeDialog } from '../codes/MergeCodeDialog';
import { DeleteDocumentDialog } from '../documents/DeleteDocumentDialog';
import { MemoDialog } from '../memos/MemoDialog';
import { MergeDialog } from '../team/MergeDialog';
import { ProjectProblemsDialog } from '../problems/ProjectProblemsDialog';
import { ShortcutSheet } from './ShortcutSheet';

export interface DialogEntry {
  /** Shown with the request's props and onClose (each entry's own props are checked through DialogRequest). */
  component: ComponentType<never>;
  /** Shown only while a project is open. */
  needsProject: boolean;
}

export const DIALOGS = {
  'edit-text': { component: EditTextDialog, needsProject: true },
  'delete-document': { component: DeleteDocumentDialog, needsProject: true },
  'describe-code': { component: DescribeCodeDialog, needsProject: true },
  'move-code': { component: MoveCodeDialog, needsProject: true },
  'delete-code': { component: DeleteCodeDialog, needsProject: true },
  'merge-code': { component: MergeCodeDialog, needsProject: true },
  /** A memo about a coding: a new one (memo null) or one to edit. */
  memo: { component: MemoDialog, needsProject: true },
  anonymise: { component: AnonymiseDialog, needsProject: true },
  paste: { component: PasteDialog, needsProject: true },
  /** Files the host held back because the project already has their content: import copies? */
  duplicates: { component: DuplicatesDialog, needsProject: true },
  'coder-name': { component: CoderNameDialog, needsProject: true },
  merge: { component: MergeDialog, needsProject: true },
  /** A .qdpx was chosen: ask how to read positions, then import. */
  'qdpx-options': { component: QdpxImportDialog, needsProject: false },
  /** What a finished QDPX import brought in and what it skipped. */
  'qdpx-report': { component: ImportReportDialog, needsProject: false },
  /** What importing a codebook would do, before anything changes. */
  'codebook-preview': { component: CodebookPreviewDialog, needsProject: true },
  /** What the project check found when the project was opened, with Repair. */
  'project-problems': { component: ProjectProblemsDialog, needsProject: true },
  /** Which analysis tables go in the HTML report. */
  'report-options': { component: ReportDialog, needsProject: true },
  /** Every key Gloss answers (`?`, Help ▸ Keyboard Shortcuts). */
  shortcuts: { component: ShortcutSheet, needsProject: false },
} satisfies Record<string, DialogEntry>;

export type DialogKind = keyof typeof DIALOGS;

/** A dialog to open: its kind and the props of its component (all but onClose). */
export type DialogRequest = {
  [K in DialogKind]: { kind: K } & Omit<ComponentProps<(typeof DIALOGS)[K]['component']>, 'onClose'>;
}[DialogKind];
