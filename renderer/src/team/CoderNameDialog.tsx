/**
 * "What is your name?": asked on first run (before any coding is recorded) and from
 * Team ▸ Change my coder name…. The name is kept in Gloss's settings on this computer.
 */
import { useState } from 'react';
import { Dialog } from '../common/Dialog';
import { useGloss } from '../store';
import { saveCoderName } from './actions';
import { isRealFullName } from '../../../shared/model/full-name';
import './team.css';

export function CoderNameDialog({ firstRun, onClose }: { firstRun: boolean; onClose: () => void }) {
  const current = useGloss((s) => s.coder?.name ?? '');
  // On first run the name so far is only a guess from the computer: offer it only when it is
  // a person's full name, never an account name like "root" that one Enter would record.
  const [name, setName] = useState(firstRun && !isRealFullName(current) ? '' : current);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    const error = await saveCoderName(name);
    setSaving(false);
    if (error) return setProblem(error);
    onClose();
  };

  return (
    <Dialog
      title={firstRun ? 'What is your name?' : 'Change my coder name'}
      submitLabel="Save"
      submitDisabled={saving}
      // On first run the question has to be answered.
      cancelLabel={firstRun ? null : 'Cancel'}
      onSubmit={() => void save()}
      onClose={firstRun ? () => {} : onClose}
    >
      <p className="coder-name-intro">
        Every coding and memo records who made it, so that a team's copies can be merged and compared. Your name is kept in Gloss's settings on this
        computer; change it later with Team ▸ Change my coder name….
      </p>
      <label className="field">
        <span>Your name</span>
        <input
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setProblem(null);
          }}
          autoFocus
          autoComplete="name"
          maxLength={200}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'coder-name-problem' : undefined}
        />
      </label>
      {!firstRun && <p className="hint">Codings you already made keep pointing at you under the new name.</p>}
      {problem && (
        <p id="coder-name-problem" className="error-text" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
