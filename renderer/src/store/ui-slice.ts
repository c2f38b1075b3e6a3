/** What the user is looking at: view, open document, excerpt and coder filters, pending selection. */
import type { Progress } from '../../../shared/ipc/contract';
import type { ViewId } from '../../../shared/app/views';
import type { DialogRequest } from '../shell/dialogs';
import { recentFromCodings, touchRecent } from './recent-codes';
import type { Slice, Span } from './types';

export type View = ViewId;

/** What the Excerpts view lists: the chosen codes' passages, or every coding that needs review. */
export type ExcerptFilter = 'codes' | 'review';

export interface Flash extends Span {
  /** Changes on every jump, so jumping twice to the same passage flashes twice. */
  key: number;
}

export interface UiSlice {
  view: View;
  documentId: string | null;
  /** Codes chosen in the Excerpts view. */
  excerptCodeIds: string[];
  /** Most recently applied codes, newest first (digits 1–9). */
  recentCodeIds: string[];
  /** The selected passage waiting to be coded (kept while focus is in the code popover). */
  pending: Span | null;
  /** A passage to scroll to and flash in the reader. */
  flash: Flash | null;
  /** A request from the menu or the Codes pane to start typing a new code's name. */
  newCodeRequest: number;
  /** The menu or Ctrl+F asked for the find bar: the reader opens it and clears this. */
  findRequested: boolean;
  excerptFilter: ExcerptFilter;
  /** The one open dialog (see shell/dialogs.tsx), or null. */
  dialog: DialogRequest | null;
  /** Bumped with every dialog opened, so opening one again starts it afresh. */
  dialogKey: number;
  /** The coding needing review that the user is fixing in the reader. */
  reviewing: string | null;
  /** Long work the host reports (an import of many files), or null. */
  progress: Progress | null;
  /** The coders whose codings are shown (reader, code counts, excerpts); null shows every coder. */
  coderFilter: readonly string[] | null;
  setView(view: View): void;
  openDocument(documentId: string | null): void;
  setExcerptCodes(codeIds: string[]): void;
  usedCode(codeId: string): void;
  setPending(span: Span | null): void;
  jumpTo(span: Span): void;
  requestNewCode(): void;
  requestFind(): void;
  /** The reader opened the find bar it was asked for. */
  findOpened(): void;
  setExcerptFilter(filter: ExcerptFilter): void;
  openDialog(dialog: DialogRequest | null): void;
  /** Shows every coding that needs review in the Excerpts view. */
  showNeedsReview(): void;
  /** Opens a coding that needs review in the reader, to confirm it or move it to the right words. */
  startReview(codingId: string): void;
  stopReview(): void;
  setProgress(progress: Progress | null): void;
  /** Shows only these coders' codings; null (or every coder of the project) shows all. */
  setCoderFilter(coderIds: readonly string[] | null): void;
  /** Called after a new snapshot: keeps what still exists, picks sensible defaults. */
  projectReplaced(): void;
  /** Called after every change: drops references to deleted documents and codes. */
  changeApplied(): void;
}

let flashKey = 0;

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  view: 'reader',
  documentId: null,
  excerptCodeIds: [],
  recentCodeIds: [],
  pending: null,
  flash: null,
  newCodeRequest: 0,
  findRequested: false,
  excerptFilter: 'codes',
  dialog: null,
  dialogKey: 0,
  reviewing: null,
  progress: null,
  coderFilter: null,

  setView(view) {
    set({ view });
  },
  openDocument(documentId) {
    if (documentId === get().documentId) return;
    set({ documentId, pending: null, flash: null });
  },
  setExcerptCodes(excerptCodeIds) {
    set({ excerptCodeIds });
  },
  usedCode(codeId) {
    set({ recentCodeIds: touchRecent(get().recentCodeIds, codeId) });
  },
  setPending(pending) {
    const current = get().pending;
    if (current === pending) return;
    if (current && pending && current.documentId === pending.documentId && current.start === pending.start && current.end === pending.end) return;
    set({ pending });
  },
  jumpTo(span) {
    set({ view: 'reader', documentId: span.documentId, pending: null, flash: { ...span, key: ++flashKey } });
  },
  requestFind() {
    set({ view: 'reader', findRequested: true });
  },
  findOpened() {
    set({ findRequested: false });
  },
  requestNewCode() {
    set({ newCodeRequest: get().newCodeRequest + 1 });
  },
  setExcerptFilter(excerptFilter) {
    set({ excerptFilter });
  },
  openDialog(dialog) {
    set({ dialog, ...(dialog ? { dialogKey: get().dialogKey + 1 } : {}) });
  },
  showNeedsReview() {
    set({ view: 'excerpts', excerptFilter: 'review' });
  },
  startReview(codingId) {
    const coding = get().project?.codings.get(codingId);
    if (!coding) return;
    get().jumpTo({ documentId: coding.documentId, start: coding.start, end: coding.end });
    set({ reviewing: codingId });
  },
  stopReview() {
    set({ reviewing: null });
  },
  setProgress(progress) {
    set({ progress });
  },
  setCoderFilter(coderIds) {
    set({ coderFilter: normalCoderFilter(get().project?.coders.keys() ?? [], coderIds) });
  },

  projectReplaced() {
    const project = get().project;
    if (!project) {
      set({ documentId: null, excerptCodeIds: [], recentCodeIds: [], pending: null, flash: null, dialog: null, reviewing: null, coderFilter: null });
      return;
    }
    const keep = get().documentId;
    const first = [...project.documents.values()].sort((a, b) => a.name.localeCompare(b.name))[0];
    set({
      documentId: keep && project.documents.has(keep) ? keep : (first?.id ?? null),
      excerptCodeIds: get().excerptCodeIds.filter((id) => project.codes.has(id)),
      recentCodeIds: recentFromCodings(project),
      pending: null,
      flash: null,
      reviewing: null,
      coderFilter: normalCoderFilter(project.coders.keys(), get().coderFilter),
    });
  },

  changeApplied() {
    const { project, documentId, excerptCodeIds, recentCodeIds, pending, dialog, reviewing, coderFilter } = get();
    if (!project) return;
    const patch: Partial<UiSlice> = {};
    if (documentId && !project.documents.has(documentId)) {
      const first = [...project.documents.values()].sort((a, b) => a.name.localeCompare(b.name))[0];
      patch.documentId = first?.id ?? null;
    }
    // A pending span whose document went away, or whose text changed under it, is dropped.
    const pendingDoc = pending && project.documents.get(pending.documentId);
    if (pending && (!pendingDoc || pending.end > pendingDoc.textLength)) patch.pending = null;
    if (reviewing && !project.codings.get(reviewing)?.needsReview) patch.reviewing = null;
    if (dialog && 'documentId' in dialog && dialog.documentId && !project.documents.has(dialog.documentId)) patch.dialog = null;
    if (excerptCodeIds.some((id) => !project.codes.has(id))) patch.excerptCodeIds = excerptCodeIds.filter((id) => project.codes.has(id));
    if (recentCodeIds.some((id) => !project.codes.has(id))) patch.recentCodeIds = recentCodeIds.filter((id) => project.codes.has(id));
    // A coder who is no longer in the project (a merge undone) drops out of the filter.
    if (coderFilter && coderFilter.some((id) => !project.coders.has(id))) patch.coderFilter = normalCoderFilter(project.coders.keys(), coderFilter);
    if (Object.keys(patch).length > 0) set(patch);
  },
});

/**
 * The filter kept to coders of the project; null when it would show all of them or none
 * (a filter that hides everyone is never what the user meant, and could not be undone
 * from a pane that shows nothing).
 */
export function normalCoderFilter(projectCoders: Iterable<string>, filter: readonly string[] | null): readonly string[] | null {
  if (!filter) return null;
  const all = [...projectCoders];
  const kept = filter.filter((id, i) => all.includes(id) && filter.indexOf(id) === i);
  return kept.length === 0 || kept.length === all.length ? null : kept;
}
