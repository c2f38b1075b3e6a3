/**
 * The renderer's side of the view registry (shared/app/views.ts declares the views: their
 * ids, labels and order, which the view switch, the desktop View menu and the Ctrl+1…9
 * shortcuts follow). Each view gets its component here and says whether the Documents and
 * Codes panes flank it. Adding a view: one line in shared/app/views.ts, one line here.
 */
import type { ComponentType } from 'react';
import type { ViewId } from '../../../shared/app/views';
import { ExcerptsView } from '../excerpts/ExcerptsView';
import { ReaderPane } from '../reader/ReaderPane';
import { AgreementView } from '../team/AgreementView';
import { SearchView } from '../search/SearchView';
import { AnalysisView } from '../analysis/AnalysisView';
import { VariablesView } from '../variables/VariablesView';
import { MemosView } from '../memos/MemosView';
import { HistoryView } from '../history/HistoryView';

export interface ViewEntry {
  component: ComponentType;
  /** The Documents pane on its left and the Codes pane on its right; false gives the view the whole width. */
  panes: boolean;
}

export const VIEW_REGISTRY: { readonly [V in ViewId]: ViewEntry } = {
  reader: { component: ReaderPane, panes: true },
  excerpts: { component: ExcerptsView, panes: true },
  agreement: { component: AgreementView, panes: true },
  search: { component: SearchView, panes: false },
  analysis: { component: AnalysisView, panes: false },
  memos: { component: MemosView, panes: false },
  variables: { component: VariablesView, panes: true },
  history: { component: HistoryView, panes: false },
};
