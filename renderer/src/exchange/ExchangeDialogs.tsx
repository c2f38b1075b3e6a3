/**
 * The exchange imports' hidden file inputs and whichever dialog is open: the QDPX import
 * options, its report, or a codebook preview. Mounted by App whether or not a project is open.
 */
import { HiddenPicker } from '../files/HiddenPicker';
import { useExchange } from './exchange-store';
import { CODEBOOK_INPUT_ID, QDPX_INPUT_ID } from './file-pickers';
import { codebookChosen, qdpxChosen } from './actions';
import { QdpxImportDialog } from './QdpxImportDialog';
import { ImportReportDialog } from './ImportReportDialog';
import { CodebookPreviewDialog } from './CodebookPreviewDialog';

export function ExchangeDialogs() {
  const dialog = useExchange((s) => s.dialog);
  const show = useExchange((s) => s.show);
  const close = () => show(null);
  return (
    <>
      <HiddenPicker id={QDPX_INPUT_ID} accept=".qdpx" onFiles={([f]) => void qdpxChosen(f!)} />
      <HiddenPicker id={CODEBOOK_INPUT_ID} accept=".qdc,.csv" onFiles={([f]) => void codebookChosen(f!)} />
      {dialog?.kind === 'qdpx-options' && <QdpxImportDialog key={dialog.file.name} file={dialog.file} onClose={close} />}
      {dialog?.kind === 'qdpx-report' && <ImportReportDialog report={dialog.report} path={dialog.path} onClose={close} />}
      {dialog?.kind === 'codebook-preview' && <CodebookPreviewDialog file={dialog.file} preview={dialog.preview} onClose={close} />}
    </>
  );
}
