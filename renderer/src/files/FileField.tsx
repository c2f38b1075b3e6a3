/**
 * A labelled field that holds one chosen file: the browser's file input in the browser
 * host; in the desktop app a button that opens the native dialog (so the main process
 * reads the file by its path) and the chosen file's name.
 */
import { useId } from 'react';
import type { FilePurpose } from '../../../shared/app/file-choosers';
import { useGloss } from '../store';
import { acceptFor, chooseFiles, type PickedFile } from './choose';
import { visibleName } from '../../../shared/text/safe-names';

export interface FileFieldProps {
  label: string;
  purpose: FilePurpose;
  value: PickedFile | null;
  onChange: (file: PickedFile | null) => void;
  autoFocus?: boolean;
}

export function FileField({ label, purpose, value, onChange, autoFocus }: FileFieldProps) {
  const host = useGloss((s) => s.host);
  const nameId = useId();
  if (host === 'browser') {
    return (
      <label className="field">
        <span>{label}</span>
        <input type="file" accept={acceptFor(purpose)} onChange={(e) => onChange(e.target.files?.[0] ?? null)} autoFocus={autoFocus} />
      </label>
    );
  }
  return (
    <div className="field" role="group" aria-label={label}>
      <span>{label}</span>
      <span className="file-field">
        <button type="button" aria-describedby={nameId} autoFocus={autoFocus} onClick={() => void chooseFiles(purpose).then(([file]) => file && onChange(file))}>
          Choose…
        </button>
        <span id={nameId} className={value ? 'file-name' : 'file-name muted'}>
          {value ? visibleName(value.name) : 'No file chosen'}
        </span>
      </span>
    </div>
  );
}
