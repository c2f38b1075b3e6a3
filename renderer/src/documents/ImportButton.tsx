/** "Import": opens the file chooser for .txt and .md files. */
import { useGloss } from '../store';
import { openImportPicker } from './import-picker';

export function ImportButton({ className }: { className?: string }) {
  const disabled = useGloss((s) => s.readOnly || !s.project);
  return (
    <button type="button" className={className ?? 'primary'} onClick={openImportPicker} disabled={disabled} title="Import .txt or .md files">
      Import
    </button>
  );
}
