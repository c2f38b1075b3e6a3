/**
 * Cases and sets beside the values table. A case groups the documents of one person (or
 * site, or organisation) and has values of its own; a set is a named group of documents or
 * of codes to filter by. Each lists its members with a button to take one out, and a
 * chooser to add one.
 */
import { useId, useState, type ReactNode } from 'react';
import { MenuButton } from '../common/MenuButton';
import { RenameField } from '../common/RenameField';
import { run } from '../project/actions';
import { codePath } from '../../../shared/model/codes';
import { useGloss } from '../store';

interface Member {
  id: string;
  name: string;
}

/** One group (a case or a set): its name, its members, and adding or taking out one. */
function Group(props: {
  noun: string;
  name: string;
  members: Member[];
  candidates: Member[];
  readOnly: boolean;
  onRename: (name: string) => void;
  onDelete: () => void;
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
}) {
  const { noun, name, members, candidates, readOnly } = props;
  const [renaming, setRenaming] = useState(false);
  const [adding, setAdding] = useState('');
  const headingId = useId();
  const left = candidates.filter((c) => !members.some((m) => m.id === c.id));
  return (
    <li className="group" aria-labelledby={headingId}>
      <div className="group-head">
        {renaming ? (
          <RenameField label={`New name for ${noun} ${name}`} initial={name} onSave={(n) => (setRenaming(false), props.onRename(n))} onCancel={() => setRenaming(false)} />
        ) : (
          <h4 id={headingId}>{name}</h4>
        )}
        <MenuButton
          label={`${noun[0]!.toUpperCase()}${noun.slice(1)} ${name}`}
          disabled={readOnly}
          items={() => [
            { label: 'Rename…', onSelect: () => setRenaming(true) },
            { label: `Delete ${noun}`, danger: true, onSelect: props.onDelete },
          ]}
        />
      </div>
      {members.length === 0 ? (
        <p className="hint">No members yet.</p>
      ) : (
        <ul className="members" aria-label={`Members of ${name}`}>
          {members.map((m) => (
            <li key={m.id}>
              <span>{m.name}</span>
              {!readOnly && (
                <button type="button" className="icon-button" aria-label={`Remove ${m.name} from ${name}`} title={`Remove from ${name}`} onClick={() => props.onRemove(m.id)}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && left.length > 0 && (
        <form
          className="add-member"
          onSubmit={(e) => {
            e.preventDefault();
            if (adding) props.onAdd(adding);
            setAdding('');
          }}
        >
          <select aria-label={`Add to ${name}`} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">Choose…</option>
            {left.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={!adding}>
            Add
          </button>
        </form>
      )}
    </li>
  );
}

/** A name field and a button that makes a new group with it. */
function NewGroup({ label, button, onCreate, children }: { label: string; button: string; onCreate: (name: string) => Promise<unknown>; children?: ReactNode }) {
  const [name, setName] = useState('');
  return (
    <form
      className="new-group"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) void onCreate(name).then((done) => done && setName(''));
      }}
    >
      <input aria-label={label} placeholder={label} value={name} onChange={(e) => setName(e.target.value)} />
      {children}
      <button type="submit" disabled={!name.trim()}>
        {button}
      </button>
    </form>
  );
}

export function GroupsPanel() {
  const project = useGloss((s) => s.project);
  const readOnly = useGloss((s) => s.readOnly);
  useGloss((s) => [s.versions.cases, s.versions.sets, s.versions.documents, s.versions.codes].join());
  const [setKind, setSetKind] = useState<'documents' | 'codes'>('documents');
  if (!project) return null;
  const byName = (a: Member, b: Member) => a.name.localeCompare(b.name);
  const documents: Member[] = [...project.documents.values()].map((d) => ({ id: d.id, name: d.name })).sort(byName);
  const codes: Member[] = [...project.codes.values()].map((c) => ({ id: c.id, name: codePath(project, c.id) })).sort(byName);
  const docName = (id: string) => project.documents.get(id)?.name ?? '(missing document)';
  const cases = [...project.cases.values()].sort(byName);
  const sets = [...project.sets.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));

  return (
    <div className="groups-panel">
      <section aria-labelledby="cases-heading">
        <h3 id="cases-heading">Cases</h3>
        <p className="hint">A case groups the documents of one person or site; its values count for each of its documents.</p>
        {!readOnly && <NewGroup label="New case name" button="Create case" onCreate={(name) => run({ type: 'createCase', name, documentIds: [] })} />}
        <ul className="groups" aria-label="Cases">
          {cases.map((c) => (
            <Group
              key={c.id}
              noun="case"
              name={c.name}
              readOnly={readOnly}
              members={c.documentIds.map((id) => ({ id, name: docName(id) }))}
              candidates={documents}
              onRename={(name) => void run({ type: 'renameCase', caseId: c.id, name })}
              onDelete={() => void run({ type: 'deleteCase', caseId: c.id })}
              onAdd={(id) => void run({ type: 'addToCase', caseId: c.id, documentIds: [id] })}
              onRemove={(id) => void run({ type: 'removeFromCase', caseId: c.id, documentIds: [id] })}
            />
          ))}
        </ul>
      </section>
      <section aria-labelledby="sets-heading">
        <h3 id="sets-heading">Sets</h3>
        <p className="hint">A set is a named group of documents or of codes, to filter by.</p>
        {!readOnly && (
          <NewGroup label="New set name" button="Create set" onCreate={(name) => run({ type: 'createSet', name, kind: setKind, memberIds: [] })}>
            <select aria-label="Set of" value={setKind} onChange={(e) => setSetKind(e.target.value as 'documents' | 'codes')}>
              <option value="documents">of documents</option>
              <option value="codes">of codes</option>
            </select>
          </NewGroup>
        )}
        <ul className="groups" aria-label="Sets">
          {sets.map((s) => (
            <Group
              key={s.id}
              noun={s.kind === 'documents' ? 'set of documents' : 'set of codes'}
              name={s.name}
              readOnly={readOnly}
              members={s.memberIds.map((id) => ({ id, name: s.kind === 'documents' ? docName(id) : project.codes.has(id) ? codePath(project, id) : '(missing code)' }))}
              candidates={s.kind === 'documents' ? documents : codes}
              onRename={(name) => void run({ type: 'editSet', setId: s.id, name })}
              onDelete={() => void run({ type: 'deleteSet', setId: s.id })}
              onAdd={(id) => void run({ type: 'editSet', setId: s.id, add: [id] })}
              onRemove={(id) => void run({ type: 'editSet', setId: s.id, remove: [id] })}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}
