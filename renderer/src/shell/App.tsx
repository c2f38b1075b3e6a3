/** The whole window: toolbar, messages, the frame of the current view (or the welcome screen), status line, dialogs. */
import { useEffect, type CSSProperties } from 'react';
import { useGloss } from '../store';
import { IMPORT_FORMATS_TEXT } from '../files/accept';
import { CodesPane } from '../codes/CodesPane';
import { DocumentsPane } from '../documents/DocumentsPane';
import { loadExportSettings } from '../exchange/actions';
import { loadProject } from '../project/actions';
import { DialogHost } from './DialogHost';
import { MessageArea } from './MessageArea';
import { StatusLine } from './StatusLine';
import { Toolbar } from './Toolbar';
import { ViewSwitch } from './ViewSwitch';
import { VIEW_REGISTRY } from './views';
import { Welcome } from './Welcome';
import { useFileDrop } from './use-file-drop';
import { useHostEvents } from './use-host-events';
import { useShortcuts } from './use-shortcuts';
import { PaneSplitter } from './PaneSplitter';
import { usePaneWidths } from './pane-widths';

/** The current view, flanked by the Documents and Codes panes (resizable, widths remembered) when it wants them. */
function Workspace() {
  const view = useGloss((s) => s.view);
  const { component: View, panes } = VIEW_REGISTRY[view];
  const widths = usePaneWidths((s) => s.widths);
  const style = { '--documents-width': `${widths.documents}px`, '--codes-width': `${widths.codes}px` } as CSSProperties;
  return (
    <main className={panes ? 'workspace' : 'workspace alone'} style={panes ? style : undefined}>
      {panes && <DocumentsPane />}
      {panes && <PaneSplitter pane="documents" label="Width of the Documents pane" />}
      <View />
      {panes && <PaneSplitter pane="codes" label="Width of the Codes pane" />}
      {panes && <CodesPane />}
    </main>
  );
}

/** Until the first snapshot: a loading line; then the welcome screen without a project, the workspace with one. */
function Frame() {
  const loaded = useGloss((s) => s.loaded);
  const hasProject = useGloss((s) => !!s.project);
  if (!loaded) {
    return (
      <main className="loading" aria-busy="true">
        Opening the project…
      </main>
    );
  }
  return hasProject ? <Workspace /> : <Welcome />;
}

export function App() {
  const hasProject = useGloss((s) => !!s.project);
  const dropping = useFileDrop();
  useHostEvents();
  useShortcuts();

  useEffect(() => {
    void loadProject();
    void loadExportSettings();
  }, []);

  return (
    <div className="app">
      {/* One row of the app's grid: the toolbar, and the views as tabs beneath it. */}
      <div className="app-top">
        <Toolbar />
        {hasProject && <ViewSwitch />}
      </div>
      <MessageArea />
      <Frame />
      <StatusLine />
      <DialogHost />
      {dropping && hasProject && (
        <div className="drop-overlay" aria-hidden="true">
          Drop files to import them ({IMPORT_FORMATS_TEXT})
        </div>
      )}
    </div>
  );
}
