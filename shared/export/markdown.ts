/** STUB: one Markdown file per code, excerpts quoted with document and position. */
import type { ProjectState } from '../model/state';

export interface MarkdownFile {
  /** Relative path with forward slashes, e.g. "Training gaps.md". */
  path: string;
  content: string;
}

export function markdownFiles(state: ProjectState): MarkdownFile[] {
  void state;
  throw new Error('The Markdown export is not built yet.');
}
