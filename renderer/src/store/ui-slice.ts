/** What the user is looking at: view, open document, excerpt filter, pending selection. */
import type { ImportFile, Progress } from '../../../shared/ipc/contract';
import { recentFromCodings, touchRecent } from './recent-codes';
import type { Slice, Span } from './types';

export type View = 'reader' | 'excerpts' | 'agreement';

/** What the Excerpts view lists: the chosen codes' passages, or every coding that needs review. */
export type ExcerptFilter = 'codes' | 'review';

/** The dialogs that act on documents, opened from menus in several places. */
export type DialogRequest =
  | { kind: 'edit-text'; documentId: string; selection?: { start: number; end: number } }
  | { kind: 'anonymise'; documentId: string | null }
  | { kind: 'paste' }
  /** Files the host held back because the project already has their content: import copies? */
  | { kind: 'duplicates'; files: ImportFile[]; list: { name: string; existing: string }[] };

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
  /** A request from the host menu to open the find bar. */
  findRequest: number;
  excerptFilter: ExcerptFilter;
  dialog: DialogRequest | null;
  /** The coding needing review that the user is fixing in the reader. */
  reviewing: string | null;
  /** Long work the host reports (an import of many files), or null. */
  progress: Progress | null;
  setView(view: View): void;
  openDocument(documentId: string | null): void;
  setExcerptCodes(codeIds: string[]): void;
  usedCode(codeId: string): void;
  setPending(span: Span | null): void;
  jumpTo(span: Span): void;
  requestNewCode(): void;
  requestFind(): void;
  setExcerptFilter(filter: ExcerptFilter): void;
  openDialog(dialog: DialogRequest | null): void;
  /** Shows every coding that needs review in the Excerpts view. */
  showNeedsReview(): void;
  /** Opens a coding that needs review in the reader, to confirm it or move it to the right words. */
  startReview(codingId: string): void;
  stopReview(): void;
  setProgress(progress: Progress | null): void;
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
  findRequest: 0,
  excerptFilter: 'codes',
  dialog: null,
  reviewing: null,
  progress: null,

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
    set({ view: 'reader', findRequest: get().findRequest + 1 });
  },
  requestNewCode() {
    set({ newCodeRequest: get().newCodeRequest + 1 });
  },
  setExcerptFilter(excerptFilter) {
    set({ excerptFilter });
  },
  openDialog(dialog) {
    set({ dialog });
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

  projectReplaced() {
    const project = get().project;
    if (!project) {
      set({ documentId: null, excerptCodeIds: [], recentCodeIds: [], pending: null, flash: null, dialog: null, reviewing: null });
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
    });
  },

  changeApplied() {
    const { project, documentId, excerptCodeIds, recentCodeIds, pending, dialog, reviewing } = get();
    if (!project) return;
    const patch: Partial<UiSlice> = {};
    if (documentId && !project.documents.has(documentId)) {
      const first = [...project.documents.values()].sort((a, b) => a.name.localeCompare(b.name))[0];
      patch.documentId = first?.id ?? null;
    }
    // A pending span whose document went away, or whose text changed under it, is dropped.
    const pendingDoc = pending && project.documents.get(pending.documentId);
    if (pending && (!pendingDoc || pending.end > pendingDoc.text.length)) patch.pending = null;
    if (reviewing && !project.codings.get(reviewing)?.needsReview) patch.reviewing = null;
    if (dialog && 'documentId' in dialog && dialog.documentId && !project.documents.has(dialog.documentId)) patch.dialog = null;
    if (excerptCodeIds.some((id) => !project.codes.has(id))) patch.excerptCodeIds = excerptCodeIds.filter((id) => project.codes.has(id));
    if (recentCodeIds.some((id) => !project.codes.has(id))) patch.recentCodeIds = recentCodeIds.filter((id) => project.codes.has(id));
    if (Object.keys(patch).length > 0) set(patch);
  },
});
