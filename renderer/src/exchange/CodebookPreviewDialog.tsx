/**
 * What importing a codebook will do, before anything changes: codes added, matched (by GUID
 * or by their path of names), renamed, updated; sets; the parser's warnings. Import makes it
 * one undoable step.
 */
import { useState, type ReactNode } from 'react';
import type { FileRef } from '../../../shared/ipc/contract';
import type { CodebookPreview } from '../../../shared/formats/codebook/types';
import { Dialog } from '../common/Dialog';
import { importCodebook } from './actions';
import './exchange.css';
import { visibleName } from '../../../shared/text/safe-names';

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <section className="exchange-section" aria-label={title}>
      <h3>
        {title} ({count.toLocaleString('en')})
      </h3>
      <ul className="exchange-list">{children}</ul>
    </section>
  );
}

export function CodebookPreviewDialog({ file, preview, onClose }: { file: FileRef; preview: CodebookPreview; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const changes = preview.added.length + preview.renamed.length + preview.updated.length + preview.sets.added.length;

  const run = async () => {
    if (busy) return;
    setBusy(true);
    if (await importCodebook(file)) onClose();
    else setBusy(false);
  };

  return (
    <Dialog
      title="Import codebook"
      className="wide"
      submitLabel={busy ? 'Importing…' : 'Import'}
      submitDisabled={busy}
      onSubmit={() => void run()}
      onClose={() => !busy && onClose()}
    >
      <p>
        What importing <strong>{visibleName(preview.fileName)}</strong>
        {preview.origin ? <> (written by {preview.origin})</> : null} into this project will do. Nothing has changed yet; Undo reverts the import in one step.
      </p>
      {changes === 0 && <p className="muted">Nothing new: every code in the file is already in the project, unchanged.</p>}
      <div className="exchange-preview" aria-busy={busy}>
        <Section title="Codes added" count={preview.added.length}>
          {preview.added.map((path) => (
            <li key={path}>{path}</li>
          ))}
        </Section>
        <Section title="Codes matched" count={preview.matched.length}>
          {preview.matched.map((m) => (
            <li key={m.path}>
              {m.path} <span className="muted">— by {m.by === 'guid' ? 'GUID' : 'path of names'}</span>
            </li>
          ))}
        </Section>
        <Section title="Codes renamed" count={preview.renamed.length}>
          {preview.renamed.map((r) => (
            <li key={`${r.from}\u0000${r.to}`}>
              {r.from} → <strong>{r.to}</strong>
            </li>
          ))}
        </Section>
        <Section title="Colour or description updated" count={preview.updated.length}>
          {preview.updated.map((path) => (
            <li key={path}>{path}</li>
          ))}
        </Section>
        <Section title="Sets added" count={preview.sets.added.length}>
          {preview.sets.added.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </Section>
        <Section title="Sets matched" count={preview.sets.matched.length}>
          {preview.sets.matched.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </Section>
        <Section title="Warnings" count={preview.warnings.length}>
          {preview.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </Section>
      </div>
    </Dialog>
  );
}
