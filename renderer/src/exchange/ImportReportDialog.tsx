/**
 * The report after a REFI-QDA project import: what came over (by kind), how text positions
 * were read, what was skipped and why (with the codings lost with it), and warnings. The
 * same lines as the CLI prints can be copied as plain text.
 */
import { useState } from 'react';
import { reportLines, type ExchangeReport } from '../../../shared/formats/report';
import { Dialog } from '../common/Dialog';
import { copyText } from './copy-text';
import './exchange.css';
import { visibleName } from '../../../shared/text/safe-names';

export function ImportReportDialog({ report, path, onClose }: { report: ExchangeReport; path: string; onClose: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const counts = Object.entries(report.imported).filter(([, n]) => n > 0);
  const none = Object.entries(report.imported).filter(([, n]) => n === 0).map(([kind]) => kind);
  const lostCodings = report.skipped.reduce((sum, s) => sum + (s.codings ?? 0), 0);

  const copy = async () => setCopied((await copyText(reportLines(report).join('\n') + '\n')) ? 'yes' : 'failed');

  return (
    <Dialog
      title="REFI-QDA project imported"
      className="wide"
      submitLabel="Close"
      cancelLabel={null}
      onSubmit={onClose}
      onClose={onClose}
      extraButtons={
        <button type="button" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy report'}
        </button>
      }
    >
      <p>
        Imported <strong>{visibleName(report.fileName)}</strong>
        {report.origin ? <> (written by {report.origin})</> : null} as a new project, now open: <span className="exchange-path">{path}</span>
      </p>
      {counts.length > 0 ? (
        <table className="exchange-counts" aria-label="Imported">
          <tbody>
            {counts.map(([kind, n]) => (
              <tr key={kind}>
                <th scope="row">{kind[0]!.toUpperCase() + kind.slice(1)}</th>
                <td>{n.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="error-text">Nothing could be imported from this file.</p>
      )}
      {none.length > 0 && counts.length > 0 && <p className="muted">Also imported: {none.map((kind) => `0 ${kind}`).join(', ')}.</p>}
      {report.positions && <p>Text positions read as {report.positions}.</p>}
      {report.skipped.length > 0 ? (
        <section className="exchange-section" aria-label="Skipped">
          <h3>
            Skipped ({report.skipped.length}
            {lostCodings > 0 ? `, with ${lostCodings.toLocaleString('en')} coding${lostCodings === 1 ? '' : 's'}` : ''})
          </h3>
          <ul className="exchange-list">
            {report.skipped.map((s, i) => (
              <li key={i}>
                <strong>{s.item}</strong>: {s.reason}
                {s.codings ? <span className="exchange-lost"> ({s.codings.toLocaleString('en')} coding{s.codings === 1 ? '' : 's'} not imported)</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>Nothing was skipped.</p>
      )}
      {report.warnings.length > 0 && (
        <section className="exchange-section" aria-label="Warnings">
          <h3>Warnings ({report.warnings.length})</h3>
          <ul className="exchange-list">
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      {copied === 'failed' && (
        <p className="error-text" role="alert">
          The report could not be copied: this window may not be allowed to use the clipboard.
        </p>
      )}
    </Dialog>
  );
}
