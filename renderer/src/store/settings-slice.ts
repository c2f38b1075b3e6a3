/** The app's settings the renderer mirrors; the host keeps them (settings.json) and replies with what it saved. */
import type { ExportSettings } from '../../../shared/ipc/contract';
import type { Slice } from './types';

export interface SettingsSlice {
  /**
   * CSV exports write cells raw: no ' before a cell starting with =, +, -, @, TAB or CR.
   * Off until the host says otherwise (the Export menu's setting).
   */
  csvRaw: boolean;
  /** Takes the export settings from a host's reply. */
  exportSettingsChanged(settings: ExportSettings): void;
}

export const createSettingsSlice: Slice<SettingsSlice> = (set) => ({
  csvRaw: false,
  exportSettingsChanged(settings) {
    set({ csvRaw: settings.csvRaw });
  },
});
