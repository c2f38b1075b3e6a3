/**
 * Choosing files, whichever host the app runs in: the desktop app asks its main process,
 * which shows the native open dialog and later reads the chosen files by their paths; the
 * browser host shows the browser's chooser and the files are uploaded. What the files are
 * for (shared/app/file-choosers.ts) decides the title, the types and whether several may
 * be chosen.
 */
import { FILE_CHOOSERS, type FilePurpose } from '../../../shared/app/file-choosers';
import { call } from '../bridge/call';
import type { ChosenFile, FileRef } from '../bridge/channels';
import { messageOf } from '../common/errors';
import { useGloss } from '../store';
import { readImportFile } from './base64';

/** A file the person chose or dropped: a path chosen in the desktop app, or a browser File. */
export type PickedFile = ChosenFile | File;

/** The browser chooser's accept list for a purpose: its extensions and MIME types. */
export function acceptFor(purpose: FilePurpose): string {
  const chooser: (typeof FILE_CHOOSERS)[FilePurpose] = FILE_CHOOSERS[purpose];
  return [...chooser.extensions, ...('mimeTypes' in chooser ? chooser.mimeTypes : [])].join(',');
}

/** Opens the browser's file chooser; resolves to the files chosen (none when cancelled). */
function chooseInBrowser(purpose: FilePurpose): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = acceptFor(purpose);
    input.multiple = FILE_CHOOSERS[purpose].multiple;
    input.hidden = true;
    const done = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => done([]), { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Asks the person for files of `purpose`; resolves to those chosen (none when cancelled, or when the host refused, which is shown). */
export async function chooseFiles(purpose: FilePurpose): Promise<PickedFile[]> {
  if (useGloss.getState().host === 'browser') return chooseInBrowser(purpose);
  const chosen = await call('files:choose', purpose);
  if (chosen.ok) return chosen.value;
  useGloss.getState().notify(chosen.error);
  return [];
}

/** A picked file as the host is sent it: its path, or its bytes. Rejects with a message naming a file that cannot be read. */
export async function toFileRef(file: PickedFile | FileRef): Promise<FileRef> {
  if (!(file instanceof File)) return file;
  try {
    return await readImportFile(file);
  } catch (e) {
    throw new Error(`${file.name}: could not be read (${messageOf(e)}). Choose it again.`);
  }
}
