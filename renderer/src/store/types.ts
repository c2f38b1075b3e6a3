/** The shape of the renderer's one store, assembled from slices. */
import type { StateCreator } from 'zustand';
import type { ProjectSlice } from './project-slice';
import type { UiSlice } from './ui-slice';
import type { MessagesSlice } from './messages-slice';
import type { TextsSlice } from './texts-slice';
import type { SettingsSlice } from './settings-slice';

export type AppState = ProjectSlice & UiSlice & MessagesSlice & TextsSlice & SettingsSlice;

/** A slice creator that sees the whole store. */
export type Slice<T> = StateCreator<AppState, [], [], T>;

/** A span of a document, in UTF-16 offsets (end exclusive). */
export interface Span {
  documentId: string;
  start: number;
  end: number;
}
