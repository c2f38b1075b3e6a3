/**
 * The exchange imports' hidden file inputs and whichever dialog is open: the QDPX import
 * options, its report, or a codebook preview. Mounted by App whether or not a project is open.
 */
import { useExchange } from './exchange-store';
import { CODEBOOK_INPUT_ID, QDPX_INPUT_ID } from './file-pickers';
import { codebookChosen, qdpxChosen } from './actions';
import { QdpxImportDialog } from './QdpxImportDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { CodebookPreviewDialog } from './CodebookPreviewDialog';

function HiddenPicker({ id, accept, onFile }: { id: string; accept: string; onFile: (file: File) => void }) {
  return (
    <input
      id={id}
      type="file"
      accept={accept}
      hidden
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = ''; // so that choosing the same file again reads it again
        if (file) onFile(file);
      }}
    />
  );
}

export function ExchangeDialogs() {
  const dialog = useExchange((s) => s.dialog);
  const show = useExchange((s) => s.show);
  const close = () => show(null);
  return (
    <>
      <HiddenPicker id={QDPX_INPUT_ID} accept=".qdpx" onFile={(f) => void qdpxChosen(f)} />
      <HiddenPicker id={CODEBOOK_INPUT_ID} accept=".qdc,.csv" onFile={(f) => void codebookChosen(f)} />
      {dialog?.kind === 'qdpx-options' && <QdpxImportDialog key={dialog.file.name} file={dialog.file} onClose={close} />}
      {dialog?.kind === 'qdpx-report' && <ImportReportDialog report={dialog.report} path={dialog.path} onClose={close} />}
      {dialog?.kind === 'codebook-preview' && <CodebookPreviewDialog file={dialog.file} preview={dialog.preview} onClose={close} />}
    </>
  );
}
