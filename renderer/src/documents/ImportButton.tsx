/** "Import": opens the file chooser for every format Gloss reads. */
import { useGloss } from '../store';
import { IMPORT_FORMATS_TEXT } from '../files/accept';
import { startImport } from './actions';

export function ImportButton({ className }: { className?: string }) {
  const disabled = useGloss((s) => s.readOnly || !s.project);
  return (
    <button type="button" className={className ?? 'primary'} onClick={() => void startImport()} disabled={disabled} title={`Import documents (${IMPORT_FORMATS_TEXT})`}>
      Import
    </button>
  );
}
