/**
 * "Anonymise…": replace every whole-word occurrence of a name with a placeholder, in this
 * document or in all of them. As the user types, the host previews how many occurrences in
 * which documents, and how many codings' text it would change; nothing changes until
 * Replace. The replacement is one undoable step, and the dialog then says what happened to
 * the codings.
 */
import { useEffect, useId, useState } from 'react';
import type { AnonymisePreview, EditReport } from '../../../shared/ops/edit-text';
import type { AnonymiseRequest } from '../../../shared/ops/requests';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { selectDocument } from '../store/selectors';
import { reportLines } from './edit-report';
import { ReviewThemButton } from './ReviewThemButton';
import { OlderCopies } from './OlderCopies';
import { run } from '../project/actions';
import { previewAnonymise } from './actions';
import { grouped, plural } from '../../../shared/plural';
import { visibleName } from '../../../shared/text/safe-names';

/** Typing pauses this long before the preview is asked for. */
const PREVIEW_DELAY_MS = 200;


export function AnonymiseDialog({ documentId, onClose }: { documentId: string | null; onClose: () => void }) {
  const doc = useGloss(selectDocument(documentId));
  const documents = useGloss((s) => s.project?.documents.size ?? 0);
  const [name, setName] = useState('');
  const [placeholder, setPlaceholder] = useState('[name]');
  const [scope, setScope] = useState<'one' | 'all'>(doc ? 'one' : 'all');
  const [caseSensitive, setCaseSensitive] = useState(true);
  const [preview, setPreview] = useState<{ for: string; value: AnonymisePreview } | { for: string; error: string } | null>(null);
  const [report, setReport] = useState<{ replaced: string; name: string; value: EditReport } | null>(null);
  const [busy, setBusy] = useState(false);
  const scopeName = useId();

  const request: AnonymiseRequest = {
    type: 'anonymise',
    name: name.trim(),
    placeholder,
    ...(scope === 'one' && doc ? { documentId: doc.id } : {}),
    caseSensitive,
    wholeWord: true,
  };
  const key = JSON.stringify(request);

  useEffect(() => {
    if (!request.name || !placeholder) return setPreview(null);
    let current = true;
    const timer = setTimeout(() => {
      void previewAnonymise(request).then((outcome) => {
        if (current) setPreview(outcome.ok ? { for: key, value: outcome.value } : { for: key, error: outcome.error });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // The request object is rebuilt every render; its JSON (key) is what matters.
  }, [key]);

  if (report) {
    return (
      <Dialog
        title="Names replaced"
        submitLabel="Close"
        cancelLabel={null}
        onSubmit={onClose}
        onClose={onClose}
        extraButtons={<ReviewThemButton unplaced={report.value.unplaced} onClose={onClose} />}
      >
        <p>{report.replaced}</p>
        <ul className="report" aria-label="What happened to the codings">
          {reportLines(report.value).map((line) => (
            <li key={line} className={line.includes('review') ? 'needs-review' : undefined}>
              {line}
            </li>
          ))}
        </ul>
        <p className="hint">You can undo this with Undo (Ctrl+Z).</p>
        <OlderCopies name={report.name} />
      </Dialog>
    );
  }

  const fresh = preview && preview.for === key ? preview : null;
  const occurrences = fresh && 'value' in fresh ? fresh.value.occurrences : 0;

  const apply = async () => {
    if (busy || occurrences === 0) return;
    setBusy(true);
    const response = await run(request);
    setBusy(false);
    if (!response) return;
    const replaced = response.report?.replacements ?? occurrences;
    setReport({
      replaced: `Replaced ${plural(replaced, 'occurrence', 'occurrences', grouped)} of “${request.name}” with “${placeholder}”.`,
      name: request.name,
      value: response.report ?? { kept: 0, moved: 0, edited: 0, unplaced: 0 },
    });
  };

  return (
    <Dialog
      title="Anonymise a name"
      submitLabel={occurrences > 0 ? `Replace ${plural(occurrences, 'occurrence', 'occurrences', grouped)}` : 'Replace'}
      submitDisabled={busy || occurrences === 0}
      onSubmit={() => void apply()}
      onClose={onClose}
    >
      <label className="field">
        <span>Name to replace</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" spellCheck={false} />
      </label>
      <label className="field">
        <span>Replace with</span>
        <input value={placeholder} onChange={(e) => setPlaceholder(e.target.value)} autoComplete="off" spellCheck={false} />
      </label>
      <fieldset className="field choices">
        <legend>Where</legend>
        {doc && (
          <label className="check">
            <input type="radio" name={scopeName} checked={scope === 'one'} onChange={() => setScope('one')} />
            In “{visibleName(doc.name)}”
          </label>
        )}
        {(!doc || documents > 1) && (
          <label className="check">
            <input type="radio" name={scopeName} checked={scope === 'all'} onChange={() => setScope('all')} />
            {documents === 1 ? 'In the project’s one document' : `In all ${documents.toLocaleString('en')} documents`}
          </label>
        )}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />
        Match case
      </label>
      <p className="hint">Whole words only: “{request.name || 'Sam'}” is replaced in “{request.name || 'Sam'}’s”, not inside a longer word.</p>
      <div className="preview" aria-live="polite" aria-label="Preview">
        {!request.name || !placeholder ? (
          <p className="muted">Type a name to see what would change.</p>
        ) : !fresh ? (
          <p className="muted">Counting…</p>
        ) : 'error' in fresh ? (
          <p className="error-text">{fresh.error}</p>
        ) : fresh.value.occurrences === 0 ? (
          <p>“{request.name}” does not occur as a whole word {scope === 'one' && doc ? `in “${visibleName(doc.name)}”` : 'in any document'}.</p>
        ) : (
          <>
            <p>
              <strong>{plural(fresh.value.occurrences, 'occurrence', 'occurrences', grouped)}</strong> in {plural(fresh.value.documents.length, 'document', 'documents', grouped)};{' '}
              <strong>{plural(fresh.value.codingsTouched, 'coding', 'codings', grouped)}</strong> will have {fresh.value.codingsTouched === 1 ? 'its' : 'their'} text changed.
            </p>
            {fresh.value.documents.length > 1 && (
              <ul className="preview-documents">
                {fresh.value.documents.map((d) => (
                  <li key={d.id}>
                    {visibleName(d.name)}: {d.occurrences}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
