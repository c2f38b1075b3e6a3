/** The renderer's one store, built from typed slices (zustand slices pattern). */
import { create } from 'zustand';
import { createProjectSlice } from './project-slice';
import { createUiSlice } from './ui-slice';
import { createMessagesSlice } from './messages-slice';
import { createTextsSlice } from './texts-slice';
import { createSettingsSlice } from './settings-slice';
import type { AppState } from './types';

export const useGloss = create<AppState>()((...a) => ({
  ...createProjectSlice(...a),
  ...createUiSlice(...a),
  ...createMessagesSlice(...a),
  ...createTextsSlice(...a),
  ...createSettingsSlice(...a),
}));

export type { AppState, Span } from './types';
