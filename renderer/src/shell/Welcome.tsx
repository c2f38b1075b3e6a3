/** Electron with no project open: New, Open, and the recent projects. */
import { useGloss } from '../store';
import { startQdpxImport } from '../exchange/actions';
import { openProject } from '../project/actions';

export function Welcome() {
  const recent = useGloss((s) => s.recent);
  const host = useGloss((s) => s.host);

  return (
    <main className="welcome">
      <h2>Welcome to Gloss</h2>
      <p>Create a project to start coding your interview transcripts, open one you already have, or bring one over from another QDA program.</p>
      {host === 'electron' ? (
        <>
          <div className="welcome-buttons">
            <button type="button" className="primary" onClick={() => void openProject({ kind: 'new' })}>
              New project…
            </button>
            <button type="button" onClick={() => void openProject({ kind: 'open' })}>
              Open project…
            </button>
            <button type="button" onClick={() => void startQdpxImport()} title="A project exported by NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette">
              Import REFI-QDA project…
            </button>
          </div>
          {recent.length > 0 && (
            <>
              <h3>Recent projects</h3>
              <ul className="recent">
                {recent.map((path) => (
                  <li key={path}>
                    <button type="button" className="link" onClick={() => void openProject({ kind: 'recent', path })}>
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
