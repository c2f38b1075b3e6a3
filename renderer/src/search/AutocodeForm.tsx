/**
 * Auto-code: the code to apply (an existing one, or a new one named here), the scope each
 * hit widens to (the match, its sentence, its paragraph, its speaker's turn) and, from the
 * results, all hits or only the selected ones. Preview first: how many codings it creates,
 * how many hits lie in passages already coded with the code, how many merge; then one
 * step, undone with Ctrl+Z. The preview runs in the host's task worker and can be stopped.
 */
import { useEffect, useId, useState } from 'react';
import { useGloss } from '../store';
import { selectCodeRows } from '../store/selectors';
import { countOf } from '../common/format-count';
import type { AutocodeScope } from '../../../shared/model/schema';
import type { AutocodePreview, AutocodeRequest } from '../../../shared/ops/autocode';
import { cancelTask } from '../tasks/actions';
import { autocode, previewAutocode } from './actions';

const SCOPES: { id: AutocodeScope; label: string }[] = [
  { id: 'match', label: 'The match' },
  { id: 'sentence', label: 'Its sentence' },
  { id: 'paragraph', label: 'Its paragraph' },
  { id: 'speaker', label: 'Its speaker turn' },
];

const NEW = '__new__';

export interface AutocodeFormProps {
  /** The request without its code and scope; null when there is nothing to code yet. */
  base: Omit<AutocodeRequest, 'codeId' | 'newCode' | 'scope' | 'type'> | null;
  /** Fixed scope (a speaker's turns); the scope choice is shown when absent. */
  scope?: AutocodeScope;
  /** What the confirmation's heading calls the passages ("hits", "turns of Officer A"). */
  what: string;
  label: string;
  /** What each of the preview's hits is, one and many (a speaker's turns, coded without a search, are turns). */
  hitNoun?: readonly [string, string];
}

/** What the preview says, in plain words. */
export function previewLines(preview: AutocodePreview, [one, many]: readonly [string, string] = ['hit', 'hits']): string[] {
  const lines = [`${countOf(preview.created, 'coding', 'codings')} with “${preview.codeName}” in ${countOf(preview.documents, 'document', 'documents')}, from ${countOf(preview.hits, one, many)}.`];
  if (preview.alreadyCoded) lines.push(`${countOf(preview.alreadyCoded, 'hit lies', 'hits lie')} in passages you have already coded with it: nothing new for ${preview.alreadyCoded === 1 ? 'it' : 'them'}.`);
  if (preview.merged) lines.push(`${countOf(preview.merged, 'hit shares', 'hits share')} a coding with a neighbouring hit (they overlap or touch).`);
  if (preview.skipped) lines.push(`${countOf(preview.skipped, 'hit has', 'hits have')} no passage at this scope (no sentence, paragraph or speaker turn there) and ${preview.skipped === 1 ? 'is' : 'are'} left out.`);
  return lines;
}

export function AutocodeForm({ base, scope: fixedScope, what, label, hitNoun }: AutocodeFormProps) {
  const id = useId();
  const codeRows = useGloss(selectCodeRows);
  const readOnly = useGloss((s) => s.readOnly);
  const codable = codeRows.filter((r) => r.code.codable);
  const [codeChoice, setCodeChoice] = useState<string>('');
  const [newName, setNewName] = useState('');
  const [scope, setScope] = useState<AutocodeScope>('match');
  const [preview, setPreview] = useState<AutocodePreview | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const codeId = codeChoice && codeChoice !== NEW ? codeChoice : null;
  const request: AutocodeRequest | null =
    base && (codeId || (codeChoice === NEW && newName.trim()))
      ? {
          type: 'autocode',
          ...base,
          scope: fixedScope ?? scope,
          ...(codeId ? { codeId } : { newCode: { names: [newName.trim()], parentId: null } }),
        }
      : null;
  const requestKey = JSON.stringify(request);
  // Anything changed: the preview no longer says what would happen.
  useEffect(() => setPreview(null), [requestKey]);

  const onPreview = async () => {
    if (!request) return;
    setMessage(null);
    const outcome = await previewAutocode(request, setPreviewing);
    setPreviewing(null);
    if (outcome.ok) setPreview(outcome.preview);
    else setMessage(outcome.error ? { text: outcome.error, error: true } : { text: 'The preview was stopped.', error: false });
  };

  const onConfirm = async () => {
    if (!request) return;
    const done = await autocode(request);
    setPreview(null);
    if (done) {
      setMessage({ text: `${done}. Undo (Ctrl+Z) takes it back in one step.`, error: false });
      if (codeChoice === NEW) setCodeChoice('');
    }
  };

  return (
    <form
      className="autocode-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void onPreview();
      }}
    >
      <label className="search-filter">
        <span>Code with</span>
        <select value={codeChoice} onChange={(e) => setCodeChoice(e.target.value)} disabled={readOnly}>
          <option value="">Choose a code…</option>
          {codable.map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {`${'\u2003'.repeat(depth)}${code.name}`}
            </option>
          ))}
          <option value={NEW}>New code…</option>
        </select>
      </label>
      {codeChoice === NEW && (
        <label className="search-filter">
          <span>New code’s name</span>
          <input type="text" value={newName} onChange={(e) => setNewName(e.target.value)} autoComplete="off" />
        </label>
      )}
      {!fixedScope && (
        <fieldset className="autocode-scope">
          <legend>Code each hit’s</legend>
          {SCOPES.map((s) => (
            <label key={s.id} className="check">
              <input type="radio" name={`${id}-scope`} value={s.id} checked={scope === s.id} onChange={() => setScope(s.id)} />
              {s.label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="autocode-actions">
        {previewing ? (
          <button type="button" className="small" onClick={() => void cancelTask(previewing)}>
            Stop preview
          </button>
        ) : (
          <button type="submit" className="small" disabled={!request || readOnly}>
            Preview auto-code
          </button>
        )}
      </div>
      {preview && (
        <div className="autocode-preview" role="region" aria-label={`What auto-coding ${what} will do`}>
          {previewLines(preview, hitNoun).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <div className="autocode-actions">
            <button type="button" className="primary small" disabled={preview.created === 0} onClick={() => void onConfirm()}>
              {preview.created === 0 ? 'Nothing to code' : `Code ${countOf(preview.created, 'passage', 'passages')}`}
            </button>
            <button type="button" className="small" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {/* Always there, so a screen reader hears what changed in it (the save status owns role=status). */}
      <p className={message?.error ? 'error-text autocode-message' : 'hint autocode-message'} aria-live="polite" role={message?.error ? 'alert' : undefined}>
        {message?.text}
      </p>
    </form>
  );
}
