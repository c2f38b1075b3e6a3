/**
 * Everything that changes the project goes through here: call the bridge, then apply the
 * change the host returns (or show its error). Nothing is changed locally first.
 */
import type { OpRequest } from '../../../shared/ops/requests';
import type { ExportKind, ImportResponse, OpResponse } from '../bridge/channels';
import type { ImportFile } from '../../../shared/ipc/contract';
import { getBridge } from '../bridge';
import { messageOf } from '../common/errors';
import { readImportFile } from '../files/base64';
import { downloadExport } from '../files/download';
import type { Slice } from './types';

export interface CommandsSlice {
  /** Fetches a fresh snapshot from the host. */
  refresh(): Promise<void>;
  /** Runs one operation; resolves to the response, or null when it failed (and was shown). */
  run(request: OpRequest): Promise<Extract<OpResponse, { ok: true }> | null>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  importFiles(files: File[]): Promise<void>;
  /** Imports files the host held back as duplicates, as copies. */
  importCopies(files: ImportFile[]): Promise<void>;
  exportFile(kind: ExportKind): Promise<void>;
  /**
   * CSV exports write cells raw: no ' before a cell starting with =, +, -, @, TAB or CR.
   * Off by default; mirrors the app's settings (Export menu).
   */
  csvRaw: boolean;
  setCsvRaw(raw: boolean): Promise<void>;
  saveNow(): Promise<void>;
}

export const createCommandsSlice: Slice<CommandsSlice> = (set, get) => {
  const applied = (response: OpResponse): Extract<OpResponse, { ok: true }> | null => {
    if (!response.ok) {
      get().notify(response.error);
      return null;
    }
    get().applyHostChange(response.change, response.history);
    return response;
  };

  /** Shows what an import did: opens the first new document, names failures, notes, and asks about duplicates. */
  const imported = (response: ImportResponse, sent: ImportFile[]) => {
    if (response.result) applied(response.result);
    for (const failure of response.failed) get().notify(failure.error);
    for (const note of response.notes ?? []) get().notify(`${note.name}: ${note.note}`, 'info');
    const first = response.imported[0];
    if (first) {
      get().openDocument(first.id);
      get().setView('reader');
      const names = response.imported.map((d) => d.name);
      get().notify(names.length === 1 ? `Imported “${names[0]}”.` : `Imported ${names.length} documents.`, 'info');
    }
    const duplicates = response.duplicates ?? [];
    if (duplicates.length > 0) {
      const held = new Set(duplicates.map((d) => d.name));
      get().openDialog({ kind: 'duplicates', files: sent.filter((f) => held.has(f.name)), list: duplicates });
    }
  };

  return {
    async refresh() {
      try {
        get().loadSnapshot(await getBridge()['project:snapshot']());
      } catch (e) {
        get().notify(`Could not load the project: ${messageOf(e)}`);
      }
      try {
        set({ csvRaw: (await getBridge()['settings:export']()).csvRaw });
      } catch {
        // Settings are a convenience: without them exports keep the safe default.
      }
    },

    async run(request) {
      try {
        const response = applied(await getBridge()['ops:run'](request));
        if (response && request.type === 'applyCode') {
          const codeId = request.codeId ?? response.created.codeId ?? codeIdOfCoding(get, response.created.codingId);
          if (codeId) get().usedCode(codeId);
        }
        return response;
      } catch (e) {
        get().notify(messageOf(e));
        return null;
      }
    },

    async undo() {
      if (!get().history.undo) return;
      try {
        applied(await getBridge()['history:undo']());
      } catch (e) {
        get().notify(messageOf(e));
      }
    },

    async redo() {
      if (!get().history.redo) return;
      try {
        applied(await getBridge()['history:redo']());
      } catch (e) {
        get().notify(messageOf(e));
      }
    },

    async importFiles(files) {
      if (files.length === 0) return;
      try {
        const payload = await Promise.all(files.map(readImportFile));
        imported(await getBridge()['documents:import'](payload), payload);
      } catch (e) {
        get().notify(`Import failed: ${messageOf(e)}`);
      }
    },

    async importCopies(files) {
      try {
        imported(await getBridge()['documents:importCopies'](files), files);
      } catch (e) {
        get().notify(`Import failed: ${messageOf(e)}`);
      }
    },

    async exportFile(kind) {
      const request = { kind, csvRaw: get().csvRaw };
      try {
        if (get().host === 'electron') {
          const { path } = await getBridge()['export:save'](request);
          if (path) get().notify(`Exported to ${path}.`, 'info');
        } else {
          const file = await getBridge()['export:content'](request);
          downloadExport(file);
        }
      } catch (e) {
        get().notify(`Export failed: ${messageOf(e)}`);
      }
    },

    csvRaw: false,

    async setCsvRaw(raw) {
      try {
        set({ csvRaw: (await getBridge()['settings:setExport']({ csvRaw: raw })).csvRaw });
      } catch (e) {
        get().notify(`The export setting was not saved: ${messageOf(e)}`);
      }
    },

    async saveNow() {
      try {
        get().setSaveState(await getBridge()['project:saveNow']());
      } catch (e) {
        get().notify(messageOf(e));
      }
    },
  };
};

function codeIdOfCoding(get: () => { project: { codings: Map<string, { codeId: string }> } | null }, codingId?: string): string | undefined {
  return codingId ? get().project?.codings.get(codingId)?.codeId : undefined;
}
