/**
 * The analysis sections the HTML report can hold besides its codebook and excerpts, chosen
 * when it is exported (the app's report dialog, `gloss export --html OUT --with …`). None
 * are in it unless chosen, so a report made as before stays as it was.
 */
export const REPORT_SECTIONS = ['frequencies', 'cooccurrence', 'matrix', 'framework'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** As the dialog's check boxes and the report's headings name them. */
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  frequencies: 'Code frequencies',
  cooccurrence: 'Code co-occurrence',
  matrix: 'Codes × documents',
  framework: 'Framework matrix summaries',
};

/** What each holds, under its check box and in the CLI's help. */
export const REPORT_SECTION_HINTS: Record<ReportSection, string> = {
  frequencies: 'per code: codings, documents, characters, own and with sub-codes',
  cooccurrence: 'per pair of codes: co-occurring codings and the c-coefficient',
  matrix: 'codings of each code in each document',
  framework: 'the summaries written per case (or document) and code',
};

/** The sections named in `wanted`, in the report's order, each once. */
export function orderedSections(wanted: Iterable<ReportSection>): ReportSection[] {
  const chosen = new Set(wanted);
  return REPORT_SECTIONS.filter((s) => chosen.has(s));
}
