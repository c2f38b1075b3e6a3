/** An inline text field for renaming: Enter or leaving the field saves, Escape cancels. */
import { useEffect, useRef, useState } from 'react';

export function RenameField({ label, initial, onSave, onCancel }: { label: string; initial: string; onSave: (name: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    const name = value.trim();
    if (save && name && name !== initial) onSave(name);
    else onCancel();
  };
  return (
    <input
      ref={ref}
      className="rename-field"
      aria-label={label}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(true);
        else if (e.key === 'Escape') finish(false);
        else return;
        e.preventDefault();
        e.stopPropagation();
      }}
      onBlur={() => finish(true)}
    />
  );
}
