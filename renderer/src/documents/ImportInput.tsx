/** The hidden <input type=file> that the Import buttons open (see import-picker.ts). */
import { useGloss } from '../store';
import { IMPORT_ACCEPT } from '../files/accept';
import { IMPORT_INPUT_ID } from './import-picker';

export function ImportInput() {
  const importFiles = useGloss((s) => s.importFiles);
  return (
    <input
      id={IMPORT_INPUT_ID}
      type="file"
      multiple
      accept={IMPORT_ACCEPT}
      hidden
      onChange={(event) => {
        const files = [...(event.target.files ?? [])];
        event.target.value = ''; // so that choosing the same file again imports it again
        void importFiles(files);
      }}
    />
  );
}
