/**
 * A modal dialog on the native <dialog> element: focus is trapped and Escape cancels
 * natively. The form's submit is handled in script (the CSP forbids form actions).
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  children: ReactNode;
  /** The primary button's label; omit for a dialog without one. */
  submitLabel?: string;
  submitDanger?: boolean;
  /** Extra buttons, left of Cancel. */
  extraButtons?: ReactNode;
  /** The cancel button's label ("Cancel" by default); null for none. */
  cancelLabel?: string | null;
  submitDisabled?: boolean;
  /** Extra class for the dialog (e.g. "wide"). */
  className?: string;
  onSubmit?: () => void;
  onClose: () => void;
}

export function Dialog({ title, children, submitLabel, submitDanger, extraButtons, cancelLabel = 'Cancel', submitDisabled, className, onSubmit, onClose }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      // Give focus back to whatever opened the dialog, if it is still there.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitDisabled) onSubmit?.();
  };

  return (
    <dialog ref={ref} className={className ? `dialog ${className}` : 'dialog'} aria-labelledby={titleId}>
      <form onSubmit={submit}>
        <h2 id={titleId}>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-buttons">
          {extraButtons}
          {cancelLabel !== null && (
            <button type="button" onClick={onClose}>
              {cancelLabel}
            </button>
          )}
          {submitLabel && (
            <button type="submit" className={submitDanger ? 'danger primary' : 'primary'} disabled={submitDisabled}>
              {submitLabel}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
