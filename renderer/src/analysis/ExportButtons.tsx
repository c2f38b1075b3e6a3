/** The export buttons of a view: CSV and XLSX always, Markdown and chart files where the view has them. */
import { useState, type RefObject } from 'react';
import type { ExportTable } from './tables';
import { saveCsv, saveMarkdown, savePng, saveSvg, saveXlsx } from './export-files';
import type { AnalysisFilter } from '../../../shared/analysis/scope';
import { filterSentence } from '../../../shared/analysis/filter-words';
import { useGloss } from '../store';
import { markdownWithCaption } from '../../../shared/export/analysis-csv';

export function ExportButtons({
  what,
  names,
  tables,
  markdown,
  chart,
  filter,
}: {
  /** The view's name in buttons and file names ("Frequencies"). */
  what: string;
  /** The names of the tables, one CSV button each. */
  names: readonly string[];
  /** The tables themselves, made when an export is asked for (a big co-occurrence table takes a while). */
  tables: () => ExportTable[];
  markdown?: () => string;
  chart?: RefObject<SVGSVGElement | null>;
  /** What the view counts: a file made under a filter says so on its first line. */
  filter: AnalysisFilter;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const caption = () => {
    const project = useGloss.getState().project;
    return project ? filterSentence(project, filter) : null;
  };
  const lower = what.toLowerCase();
  return (
    <div className="analysis-exports" role="group" aria-label={`Export ${lower}`}>
      {names.map((name, i) => (
        <button key={name} type="button" className="small" onClick={() => saveCsv(tables()[i]!, caption())}>
          {names.length > 1 ? `${name} as CSV` : 'CSV'}
        </button>
      ))}
      <button type="button" className="small" onClick={() => void saveXlsx(what, tables(), caption()).then(setProblem)}>
        XLSX
      </button>
      {markdown && (
        <button type="button" className="small" onClick={() => saveMarkdown(what, markdownWithCaption(markdown(), caption()))}>
          Markdown
        </button>
      )}
      {chart && (
        <>
          <button type="button" className="small" onClick={() => chart.current && saveSvg(`${what} chart`, chart.current)}>
            Chart as SVG
          </button>
          <button
            type="button"
            className="small"
            onClick={() => chart.current && void savePng(`${what} chart`, chart.current).catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))}
          >
            Chart as PNG
          </button>
        </>
      )}
      {problem && <p role="alert">The export failed: {problem}. Try again, or export as CSV.</p>}
    </div>
  );
}
