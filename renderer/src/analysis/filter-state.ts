/**
 * The Analysis view's filter, kept while the project is open (not only while the view is
 * shown), so that the analysis exports of the Export menus and the HTML report's analysis
 * sections count what the view counts, and say so (shared/analysis/filter-words.ts). A
 * choice made in another project is never applied: it is kept with the project's path.
 */
import { create } from 'zustand';
import { useGloss } from '../store';
import { filterOf, NO_CHOICE, valuesOf, type FilterChoice } from './AnalysisFilterBar';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import { filterSentence } from '../../../shared/analysis/filter-words';

interface Kept {
  /** The project the choice was made in. */
  path: string | null;
  choice: FilterChoice;
}

const useKept = create<Kept>(() => ({ path: null, choice: NO_CHOICE }));

/** The Analysis view's choice, for the project now open. */
export function useAnalysisChoice(): [FilterChoice, (choice: FilterChoice) => void] {
  const path = useGloss((s) => s.path);
  const kept = useKept();
  const choice = kept.path === path ? kept.choice : NO_CHOICE;
  return [choice, (next) => useKept.setState({ path: useGloss.getState().path, choice: next })];
}

/** What the analysis views count now (the choice and the coders shown); null when they count everything. */
export function currentAnalysisFilter(): AnalysisFilter | null {
  const { project, path, coderFilter } = useGloss.getState();
  const kept = useKept.getState();
  if (!project) return null;
  const choice = kept.path === path ? kept.choice : NO_CHOICE;
  const filter = filterOf(choice, coderFilter, valuesOf(project, choice.variableId));
  return Object.keys(filter).length === 0 ? null : filter;
}

/** The analysis filter in words ("Counted only: …"), or null. */
export function currentFilterSentence(): string | null {
  const project = useGloss.getState().project;
  const filter = currentAnalysisFilter();
  return project && filter ? filterSentence(project, filter) : null;
}
