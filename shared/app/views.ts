/**
 * The app's views, declared once. The view switch, the desktop View menu, the Ctrl+1…9
 * shortcuts (by position in this list) and the renderer's view registry
 * (renderer/src/shell/views.tsx, which adds each view's component) all derive from it.
 */

export interface ViewInfo {
  /** Stable id, also the end of the view's command (`show-reader`). */
  id: string;
  /** The view switch's button and the View menu's item. */
  label: string;
}

export const VIEWS = [
  { id: 'reader', label: 'Reader' },
  { id: 'excerpts', label: 'Excerpts' },
  { id: 'agreement', label: 'Agreement' },
  { id: 'search', label: 'Search' },
  { id: 'analysis', label: 'Analysis' },
  { id: 'memos', label: 'Memos' },
  { id: 'variables', label: 'Cases & Variables' },
  { id: 'history', label: 'History' },
] as const satisfies readonly ViewInfo[];

export type ViewId = (typeof VIEWS)[number]['id'];

/** The command that shows a view, as menus and shortcuts send it. */
export type ViewCommand = `show-${ViewId}`;

/** `show-<id>` for a view. */
export function viewCommand(id: ViewId): ViewCommand {
  return `show-${id}`;
}

/** Views are reached with Mod+1 to Mod+9, in the order of VIEWS; the tenth has no key. */
export const VIEW_KEY_LIMIT = 9;
