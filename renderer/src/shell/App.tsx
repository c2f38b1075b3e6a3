/** The whole window: toolbar, messages, the three panes (or the Excerpts view), status line. */
import { useEffect } from 'react';
import { useGloss } from '../store';
import { IMPORT_FORMATS_TEXT } from '../files/accept';
import { CodesPane } from '../codes/CodesPane';
import { DocumentsPane } from '../documents/DocumentsPane';
import { DocumentDialogs } from '../documents/DocumentDialogs';
import { ImportInput } from '../documents/ImportInput';
import { ExcerptsView } from '../excerpts/ExcerptsView';
import { ReaderPane } from '../reader/ReaderPane';
import { ExchangeDialogs } from '../exchange/ExchangeDialogs';
import { AgreementView } from '../team/AgreementView';
import { TeamDialogs } from '../team/TeamDialogs';
import { ProjectProblemsDialog } from '../problems/ProjectProblemsDialog';
import { MessageArea } from './MessageArea';
import { StatusLine } from './StatusLine';
import { Toolbar } from './Toolbar';
import { Welcome } from './Welcome';
import { useFileDrop } from './use-file-drop';
import { useHostEvents } from './use-host-events';
import { useUndoShortcuts } from './use-shortcuts';

export function App() {
  const loaded = useGloss((s) => s.loaded);
  const hasProject = useGloss((s) => !!s.project);
  const view = useGloss((s) => s.view);
  const refresh = useGloss((s) => s.refresh);
  const dropping = useFileDrop();
  useHostEvents();
  useUndoShortcuts();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="app">
      <Toolbar />
      <MessageArea />
      {!loaded ? (
        <main className="loading" aria-busy="true">
          Opening the project…
        </main>
      ) : !hasProject ? (
        <Welcome />
      ) : (
        <main className="workspace">
          <DocumentsPane />
          {view === 'reader' ? <ReaderPane /> : view === 'excerpts' ? <ExcerptsView /> : <AgreementView />}
          <CodesPane />
        </main>
      )}
      <StatusLine />
      <ImportInput />
      {hasProject && <DocumentDialogs />}
      <ExchangeDialogs />
      <TeamDialogs />
      {hasProject && <ProjectProblemsDialog />}
      {dropping && hasProject && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files to import them ({IMPORT_FORMATS_TEXT})
        </div>
      )}
    </div>
  );
}
