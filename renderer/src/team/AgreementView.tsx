/** The agreement view: codes × statistics, and a side-by-side view of one document. STUB. */
export function AgreementView() {
  return (
    <section className="agreement-view" aria-label="Agreement">
      <p>Agreement is not built yet.</p>
    </section>
  );
}
