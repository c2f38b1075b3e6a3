/** What a view says while it counts, when the host refused, or when there is nothing to show. */
export function AnalysisStatus({ busy, error, empty }: { busy: boolean; error: string | null; empty: string | null }) {
  if (error) return <p role="alert">The figures could not be computed: {error}</p>;
  if (busy) return <p className="muted" aria-live="polite">Counting…</p>;
  if (empty) return <p className="pane-empty">{empty}</p>;
  return null;
}
