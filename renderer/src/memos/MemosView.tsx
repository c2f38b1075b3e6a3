/**
 * The memo manager: every memo of the project (journal entries, and memos on documents,
 * codes and codings) in one list, newest change first (shared/analysis/memo-list.ts),
 * narrowed by words, kind, coder and dates; the chosen memo is edited beside the list.
 */
import { useMemo, useState } from 'react';
import type { MemoTarget } from '../../../shared/model/schema';
import { memoList, type MemoFilter, type MemoRow } from '../../../shared/analysis/memo-list';
import { VirtualList } from '../common/VirtualList';
import { useGloss } from '../store';
import { MemoEditor } from './MemoEditor';
import { useCodingMemoTexts } from './coding-memo-texts';
import './memos.css';

const KINDS: { kind: MemoTarget['kind']; label: string }[] = [
  { kind: 'project', label: 'Project journal' },
  { kind: 'document', label: 'Documents' },
  { kind: 'code', label: 'Codes' },
  { kind: 'coding', label: 'Codings' },
];

const KIND_SHORT: Record<MemoTarget['kind'], string> = { project: 'Journal', document: 'Document', code: 'Code', coding: 'Coding' };

export function MemosView() {
  const project = useGloss((s) => s.project);
  const versions = useGloss((s) => s.versions);
  const [words, setWords] = useState('');
  const [kind, setKind] = useState<MemoTarget['kind'] | ''>('');
  const [coderId, setCoderId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [list, setList] = useState<HTMLElement | null>(null);

  const filter: MemoFilter = useMemo(
    () => ({ words, ...(kind ? { kinds: [kind] } : {}), ...(coderId ? { coderIds: [coderId] } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    [words, kind, coderId, from, to],
  );
  const texts = useCodingMemoTexts();
  const rows = useMemo(
    () => (project ? memoList(project, filter, (id) => texts.get(id)) : []),
    [project, filter, texts, versions.memos, versions.documents, versions.codes, versions.codings, versions.coders],
  );
  const total = project?.memos.size ?? 0;
  const coders = useMemo(() => (project ? [...project.coders.values()].sort((a, b) => a.name.localeCompare(b.name)) : []), [project, versions.coders]);
  if (!project) return null;
  const current = creating ? null : (rows.find((r) => r.memo.id === chosen) ?? null);
  const filtered = words !== '' || kind !== '' || coderId !== '' || from !== '' || to !== '';

  return (
    <section className="memos-view" aria-labelledby="memos-heading">
      <div className="memos-list-side">
        <header className="memos-header">
          <h2 id="memos-heading">Memos</h2>
          <button type="button" onClick={() => (setCreating(true), setChosen(null))} disabled={useGloss.getState().readOnly}>
            New memo…
          </button>
        </header>
        <div className="memo-filters" role="group" aria-label="Filter memos">
          <input type="search" aria-label="Search memos" placeholder="Search memos" value={words} onChange={(e) => setWords(e.target.value)} />
          <div className="memo-filter-row">
            <label>
              <span>Kind</span>
              <select value={kind} onChange={(e) => setKind(e.target.value as MemoTarget['kind'] | '')}>
                <option value="">All kinds</option>
                {KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span>Coder</span>
              <select value={coderId} onChange={(e) => setCoderId(e.target.value)}>
                <option value="">All coders</option>
                {coders.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="memo-filter-row">
            <label>
              <span>Changed from</span>
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              <span>to</span>
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </div>
          <p className="hint memo-count" aria-live="polite">
            {filtered ? `${rows.length} of ${total} memos` : total === 1 ? '1 memo' : `${total} memos`}
          </p>
        </div>
        <div className="memo-list-scroll" ref={setList}>
          {rows.length === 0 ? (
            <p className="pane-empty">{total === 0 ? 'No memos yet. Write a journal entry with New memo, or a memo on a coding from its menu in the reader.' : 'No memo matches the filter.'}</p>
          ) : (
            <VirtualList
              items={rows}
              itemKey={memoKey}
              estimateSize={memoHeight}
              scrollElement={list}
              label="Memos found"
              className="rows memo-rows"
              renderRow={(r, props) => (
                <li {...props} className={r.memo.id === current?.memo.id ? 'row current' : 'row'}>
                  <button type="button" className="row-main memo-row" aria-current={r.memo.id === current?.memo.id ? 'true' : undefined} onClick={() => (setCreating(false), setChosen(r.memo.id))}>
                    <span className="memo-row-title">{r.memo.title || '(untitled)'}</span>
                    <span className="memo-row-about">
                      {KIND_SHORT[r.kind]} · {r.about}
                    </span>
                    <span className="memo-row-meta">
                      {r.coderName} · {r.memo.modifiedAt.slice(0, 10)}
                    </span>
                  </button>
                </li>
              )}
            />
          )}
        </div>
      </div>
      <div className="memo-editor-side">
        {current || creating ? (
          <MemoEditor
            key={current ? `${current.memo.id}:${current.memo.modifiedAt}` : 'new'}
            row={current}
            onCreated={(id) => (setCreating(false), setChosen(id))}
            onDeleted={() => setChosen(null)}
          />
        ) : (
          <p className="pane-empty">Choose a memo to read and edit it here, or write a new one.</p>
        )}
      </div>
    </section>
  );
}

const memoKey = (r: MemoRow) => r.memo.id;
const memoHeight = () => 64;
