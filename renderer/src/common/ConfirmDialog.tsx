/** "Are you sure?" with a message and a (usually destructive) confirm button. */
import { Dialog } from './Dialog';

export function ConfirmDialog(props: { title: string; message: string; confirmLabel: string; onConfirm: () => void; onClose: () => void }) {
  return (
    <Dialog
      title={props.title}
      submitLabel={props.confirmLabel}
      submitDanger
      onSubmit={() => {
        props.onClose();
        props.onConfirm();
      }}
      onClose={props.onClose}
    >
      <p>{props.message}</p>
    </Dialog>
  );
}
