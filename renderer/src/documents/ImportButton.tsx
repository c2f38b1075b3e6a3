/** "Import": opens the file chooser for every format Gloss reads. */
import { useGloss } from '../store';
import { openImportPicker } from './import-picker';
import { IMPORT_FORMATS_TEXT } from '../files/accept';

export function ImportButton({ className }: { className?: string }) {
  const disabled = useGloss((s) => s.readOnly || !s.project);
  return (
    <button type="button" className={className ?? 'primary'} onClick={openImportPicker} disabled={disabled} title={`Import documents (${IMPORT_FORMATS_TEXT})`}>
      Import
    </button>
  );
}
