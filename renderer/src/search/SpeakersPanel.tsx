/**
 * Speakers: who speaks in the project's transcripts (labels such as "Officer A:" at line
 * start, or the voices of imported subtitles), per document or for the project, with their
 * turns; and "Code all turns of X" (only the turns holding the search, if asked) as one
 * auto-code, previewed first.
 */
import { useEffect, useState } from 'react';
import { call } from '../bridge/call';
import { useGloss } from '../store';
import { countOf } from '../common/format-count';
import { visibleName } from '../../../shared/text/safe-names';
import type { SpeakersList } from '../../../shared/ipc/contract';
import { literalQuery } from '../../../shared/analysis/search-query';
import { AutocodeForm } from './AutocodeForm';
import { useSearch } from './search-store';

export function SpeakersPanel() {
  const documentsVersion = useGloss((s) => s.versions.documents);
  const documents = useGloss((s) => s.project?.documents);
  const query = useSearch((s) => s.query);
  const [list, setList] = useState<SpeakersList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [documentId, setDocumentId] = useState('');
  const [speaker, setSpeaker] = useState<string | null>(null);
  const [withSearch, setWithSearch] = useState(false);

  useEffect(() => {
    let live = true;
    void call('speakers:list').then((outcome) => {
      if (!live) return;
      if (outcome.ok) setList(outcome.value);
      else setError(outcome.error);
    });
    return () => {
      live = false;
    };
  }, [documentsVersion]);

  if (error) return <p className="error-text" role="alert">Speakers could not be listed: {error}</p>;
  if (!list) return <p className="hint" aria-busy="true">Looking for speakers…</p>;
  if (list.project.length === 0) {
    return <p className="hint">No speakers found. Transcripts name them at the start of a line (“Officer A: …”, “[Anna] …”, “NAME (00:12): …”).</p>;
  }
  const inDocument = documentId ? list.documents.find((d) => d.documentId === documentId) : null;
  const speakers = inDocument ? inDocument.speakers.map((s) => ({ ...s, documents: 1 })) : list.project;
  const searching = withSearch && query.text !== '';
  const base = speaker
    ? { query: searching ? query : literalQuery(''), speaker, ...(documentId ? { where: { documentIds: [documentId] } } : {}) }
    : null;

  return (
    <div className="speakers-panel">
      <label className="search-filter">
        <span>Speakers of</span>
        <select value={documentId} onChange={(e) => (setDocumentId(e.target.value), setSpeaker(null))}>
          <option value="">The whole project</option>
          {list.documents.map((d) => (
            <option key={d.documentId} value={d.documentId}>
              {visibleName(documents?.get(d.documentId)?.name ?? '')}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="speaker-list">
        <legend>Speaker</legend>
        {speakers.map((s) => (
          <label key={s.speaker} className="check speaker-row">
            <input type="radio" name="speaker" checked={speaker === s.speaker} onChange={() => setSpeaker(s.speaker)} />
            <span className="speaker-name">{s.speaker}</span>
            <span className="hint">
              {countOf(s.turns, 'turn', 'turns')}
              {!inDocument && `, ${countOf(s.documents, 'document', 'documents')}`}
            </span>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={withSearch} disabled={query.text === ''} onChange={(e) => setWithSearch(e.target.checked)} />
        {query.text === '' ? 'Only turns holding the search (type one first)' : `Only turns holding “${query.text}”`}
      </label>
      <AutocodeForm base={base} scope="speaker" what={speaker ? `the turns of ${speaker}` : 'turns'} label={speaker ? `Code all turns of ${speaker}` : 'Code all turns of a speaker'} hitNoun={searching ? undefined : ['turn', 'turns']} />
    </div>
  );
}
