/** The hidden <input type=file> that the Import buttons open (see import-picker.ts). */
import { useGloss } from '../store';
import { IMPORT_ACCEPT } from '../files/accept';
import { HiddenPicker } from '../files/HiddenPicker';
import { IMPORT_INPUT_ID } from './import-picker';

export function ImportInput() {
  const importFiles = useGloss((s) => s.importFiles);
  return <HiddenPicker id={IMPORT_INPUT_ID} accept={IMPORT_ACCEPT} multiple onFiles={(files) => void importFiles(files)} />;
}
