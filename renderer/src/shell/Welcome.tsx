/** Electron with no project open: New, Open, and the recent projects. */
import { useGloss } from '../store';
import { getBridge } from '../bridge';
import type { Snapshot } from '../bridge/channels';
import { messageOf } from '../common/errors';
import { startQdpxImport } from '../exchange/actions';

export function Welcome() {
  const recent = useGloss((s) => s.recent);
  const host = useGloss((s) => s.host);
  const loadSnapshot = useGloss((s) => s.loadSnapshot);
  const notify = useGloss((s) => s.notify);

  const open = async (how: () => Promise<Snapshot | null>) => {
    try {
      const snapshot = await how();
      if (snapshot) loadSnapshot(snapshot);
    } catch (e) {
      notify(messageOf(e));
    }
  };

  return (
    <main className="welcome">
      <h2>Welcome to Gloss</h2>
      <p>Create a project to start coding your interview transcripts, open one you already have, or bring one over from another QDA program.</p>
      {host === 'electron' ? (
        <>
          <div className="welcome-buttons">
            <button type="button" className="primary" onClick={() => void open(() => getBridge()['project:newDialog']())}>
              New project…
            </button>
            <button type="button" onClick={() => void open(() => getBridge()['project:openDialog']())}>
              Open project…
            </button>
            <button type="button" onClick={startQdpxImport} title="A project exported by NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette">
              Import REFI-QDA project…
            </button>
          </div>
          {recent.length > 0 && (
            <>
              <h3>Recent projects</h3>
              <ul className="recent">
                {recent.map((path) => (
                  <li key={path}>
                    <button type="button" className="link" onClick={() => void open(() => getBridge()['project:openRecent'](path))}>
                      {path}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p>Start the browser host with a project: <code>npm run serve -- --project FILE.gloss</code></p>
      )}
    </main>
  );
}
