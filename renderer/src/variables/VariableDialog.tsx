/** Making a variable, or changing one: its name, kind (text, number, yes/no, date, a list of choices) and choices. */
import { useState } from 'react';
import type { Variable } from '../../../shared/model/schema';
import { Dialog } from '../common/Dialog';
import { run } from '../project/actions';
import { choicesFromText, kindOf, VARIABLE_KINDS, type VariableKind } from './variable-kinds';

export function VariableDialog({ variable, onClose }: { variable: Variable | null; onClose: () => void }) {
  const [name, setName] = useState(variable?.name ?? '');
  const [kind, setKind] = useState<VariableKind>(variable ? kindOf(variable) : 'text');
  const [choices, setChoices] = useState((variable?.choices ?? []).join('\n'));
  const listed = choicesFromText(choices);
  const invalid = name.trim() === '' || (kind === 'choice' && listed.length === 0);

  const save = async () => {
    const variableType = kind === 'choice' ? 'text' : kind;
    const response = variable
      ? await run({ type: 'editVariable', variableId: variable.id, name, variableType, choices: kind === 'choice' ? listed : null })
      : await run({ type: 'createVariable', name, variableType, ...(kind === 'choice' ? { choices: listed } : {}) });
    if (response) onClose();
  };

  return (
    <Dialog title={variable ? `Change variable “${variable.name}”` : 'New variable'} submitLabel={variable ? 'Save' : 'Create variable'} submitDisabled={invalid} onSubmit={() => void save()} onClose={onClose}>
      <label className="field">
        <span>Name</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <label className="field">
        <span>Kind of values</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as VariableKind)}>
          {VARIABLE_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {kind === 'choice' && (
        <label className="field">
          <span>Choices, one a line</span>
          <textarea rows={5} value={choices} onChange={(e) => setChoices(e.target.value)} />
        </label>
      )}
      {variable && <p className="hint">A change of kind is refused while a value does not fit the new kind; the message names it.</p>}
    </Dialog>
  );
}
