/**
 * The codebook with every code's excerpts, grouped by document, as one self-contained HTML
 * file: inline CSS only, no scripts, no external resources, so it opens the same offline,
 * in a mail attachment or a repository, and prints with each code on its own page. The
 * analysis tables chosen at export (report-sections.ts) follow the codebook, computed by
 * shared/analysis/ as the views compute them, each a table with a caption that says what
 * it counts.
 */
import type { ProjectState } from '../model/state';
import { excerptsByCode, type CodeSection, type Excerpt } from './excerpts-by-code';
import { ok } from '../result';
import type { ExportBuilder } from './registry';
import { plural } from '../plural';
import { journalAndDocumentMemos } from './memo-export';
import { memoLine } from '../model/memos';
import type { AnalysisFilter } from '../analysis/scope';
import { codeFrequencies } from '../analysis/frequencies';
import { cooccurrence } from '../analysis/cooccurrence';
import { filterSentence } from '../analysis/filter-words';
import { codesByDocuments, frameworkOf, frameworkRows } from './analysis-tables';
import { orderedSections, REPORT_SECTION_LABELS, type ReportSection } from './report-sections';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}


/** Anchors are numbered in tree order: code ids may hold any character, positions never collide. */
const anchor = (index: number) => `code-${index + 1}`;

// Colours come from the schema as #rrggbb; checked again because they go into a style attribute.
const swatchColor = (color: string) => (/^#[0-9a-fA-F]{6}$/.test(color) ? color : '#888888');

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 1px solid #ccc; padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
.meta, .count, figcaption { color: #555; font-size: .9rem; }
.outline, .outline ol { list-style: none; padding-left: 1.25rem; }
.outline { padding-left: 0; }
.outline li { margin: .35rem 0; }
.outline p { margin: .1rem 0 0 1.4rem; color: #444; font-size: .95rem; white-space: pre-wrap; }
.swatch { display: inline-block; width: .9em; height: .9em; border: 1px solid #0006; border-radius: 2px; vertical-align: -.1em; margin-right: .4em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.folder { font-style: italic; }
.description { white-space: pre-wrap; }
figure { margin: 0 0 1.25rem; }
blockquote { margin: 0; padding: .25rem 0 .25rem 1rem; border-left: 4px solid #bbb; white-space: pre-wrap; overflow-wrap: anywhere; }
.memo { margin: .35rem 0 0 1rem; padding: .35rem .6rem; background: #f6f3e6; border-radius: 3px; white-space: pre-wrap; font-size: .95rem; }
.empty { color: #777; font-style: italic; }
.table-wrap { overflow-x: auto; margin: 0 0 1rem; }
table { border-collapse: collapse; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4rem; }
caption .count { display: block; font-weight: normal; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; }
thead th { background: #f2f2f2; text-align: left; }
th[scope="row"] { text-align: left; font-weight: normal; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
td.summary { white-space: pre-wrap; min-width: 12rem; }
a { color: #0b5394; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  section.code { break-before: page; }
  section.analysis { break-before: page; }
  .table-wrap { overflow: visible; }
  h2, h3 { break-after: avoid; }
  figure { break-inside: avoid; }
}
`;

function outline(sections: CodeSection[]): string {
  const out: string[] = ['<ol class="outline">'];
  let depth = 0;
  sections.forEach((section, i) => {
    // Tree order: a deeper section is a child of the one before; a shallower one closes lists.
    if (i > 0) {
      if (section.depth > depth) out.push('<ol>');
      else {
        out.push('</li>');
        for (let d = depth; d > section.depth; d--) out.push('</ol></li>');
      }
    }
    depth = section.depth;
    const { code, count } = section;
    const name = `<a href="#${anchor(i)}">${escapeHtml(code.name)}</a>`;
    out.push(
      `<li><span class="swatch" style="background:${swatchColor(code.color)}" title="${escapeHtml(code.color)}"></span>` +
        (code.codable ? name : `<span class="folder">${name}</span>`) +
        ` <span class="count">(${plural(count, 'excerpt')})</span>` +
        (code.description ? `<p>${escapeHtml(code.description)}</p>` : ''),
    );
  });
  if (sections.length > 0) {
    out.push('</li>');
    for (let d = depth; d > 0; d--) out.push('</ol></li>');
  }
  out.push('</ol>');
  return out.join('\n');
}

function excerpt(e: Excerpt): string {
  const { start, end } = e.coding;
  return [
    '<figure>',
    `<blockquote>${escapeHtml(e.text)}</blockquote>`,
    // The unit on every caption: a reader who cites one excerpt may never see the header.
    `<figcaption>characters ${start}–${end} (UTF-16 units) · ${escapeHtml(e.coder)}</figcaption>`,
    ...e.memos.map((memo) => `<div class="memo"><strong>Memo:</strong> ${escapeHtml(memo)}</div>`),
    '</figure>',
  ].join('\n');
}

function codeSection(section: CodeSection, index: number): string {
  const { code, path, documents, count } = section;
  const out = [
    `<section class="code" id="${anchor(index)}">`,
    `<h2><span class="swatch" style="background:${swatchColor(code.color)}"></span>${escapeHtml(path.join(' > '))}</h2>`,
  ];
  if (code.description) out.push(`<p class="description">${escapeHtml(code.description)}</p>`);
  for (const memo of section.memos) out.push(`<div class="memo"><strong>Memo:</strong> ${escapeHtml(memo)}</div>`);
  out.push(`<p class="count">${plural(count, 'excerpt')} in ${plural(documents.length, 'document')}</p>`);
  if (documents.length === 0) out.push('<p class="empty">No excerpts.</p>');
  for (const { document, excerpts } of documents) {
    out.push(`<h3>${escapeHtml(document.name)}</h3>`, ...excerpts.map(excerpt));
  }
  out.push('</section>');
  return out.join('\n');
}

/** The project journal and the memos on documents, each a section after the codes; none when there are none. */
function memoSections(state: ProjectState): string[] {
  const { journal, documents } = journalAndDocumentMemos(state);
  const memo = (m: Parameters<typeof memoLine>[0]) => `<div class="memo">${escapeHtml(memoLine(m))}<br><span class="count">${escapeHtml(m.createdAt.slice(0, 10))}</span></div>`;
  const out: string[] = [];
  if (journal.length > 0) out.push('<section class="code" id="journal">', '<h2>Project journal</h2>', ...journal.map(memo), '</section>');
  if (documents.length > 0) {
    out.push('<section class="code" id="document-memos">', '<h2>Memos on documents</h2>');
    for (const d of documents) out.push(`<h3>${escapeHtml(d.name)}</h3>`, ...d.memos.map(memo));
    out.push('</section>');
  }
  return out;
}

/** A count as the report shows it: 1,234. */
const figure = (n: number) => n.toLocaleString('en');

/** A c-coefficient as the Co-occurrence view shows it: two decimals, a dash where it has no value. */
const coefficient = (c: number | null) => (c === null ? '–' : c.toFixed(2));

/** A table's caption: its title and, under a filter, what it counts. */
function caption(title: string, counted: string | null): string {
  return `<caption>${escapeHtml(title)}${counted ? `<span class="count">${escapeHtml(counted)}</span>` : ''}</caption>`;
}

/** A header row: each cell a column header, numbers' headers aligned with their numbers. */
function headerRow(cells: readonly string[], numericFrom: number): string {
  return `<tr>${cells.map((c, i) => `<th scope="col"${i >= numericFrom ? ' class="number"' : ''}>${escapeHtml(c)}</th>`).join('')}</tr>`;
}

const numberCells = (values: readonly number[]) => values.map((v) => `<td class="number">${figure(v)}</td>`).join('');

/** A section of the report: heading, then the table (scrolling sideways on screen when wide) or a sentence saying why there is none. */
function analysisSection(id: ReportSection, body: string): string {
  return [`<section class="analysis" id="analysis-${id}" aria-labelledby="analysis-${id}-title">`, `<h2 id="analysis-${id}-title">${escapeHtml(REPORT_SECTION_LABELS[id])}</h2>`, body, '</section>'].join('\n');
}

const wrapTable = (rows: string[]) => ['<div class="table-wrap">', '<table>', ...rows, '</table>', '</div>'].join('\n');

function frequenciesSection(state: ProjectState, filter: AnalysisFilter, counted: string | null): string {
  const rows = codeFrequencies(state, filter);
  if (rows.length === 0) return '<p class="empty">No codes to count.</p>';
  return wrapTable([
    caption('Code frequencies: codings, the documents they are in and the characters they cover (UTF-16 units), each code on its own and with its sub-codes', counted),
    `<thead>${headerRow(['Code', 'Codings', 'Documents', 'Characters', 'Codings with sub-codes', 'Documents with sub-codes', 'Characters with sub-codes'], 1)}</thead>`,
    '<tbody>',
    ...rows.map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r.codePath)}</th>${numberCells([r.codings, r.documents, r.characters, r.codingsWithSubcodes, r.documentsWithSubcodes, r.charactersWithSubcodes])}</tr>`,
    ),
    '</tbody>',
  ]);
}

function cooccurrenceSection(state: ProjectState, filter: AnalysisFilter, counted: string | null): string {
  const { pairs } = cooccurrence(state, {}, filter);
  if (pairs.length === 0) return `<p class="empty">No two codes co-occur${counted ? ` (${escapeHtml(counted)})` : ''}.</p>`;
  return wrapTable([
    caption('Code co-occurrence: pairs of codings of two codes that share at least one character, and the c-coefficient n12 / (n1 + n2 − n12)', counted),
    `<thead>${headerRow(['Code A', 'Code B', 'Co-occurring pairs', 'c-coefficient'], 2)}</thead>`,
    '<tbody>',
    ...pairs.map(
      (p) =>
        `<tr><th scope="row">${escapeHtml(p.codeA.codePath)}</th><td>${escapeHtml(p.codeB.codePath)}</td>${numberCells([p.count])}<td class="number">${coefficient(p.cCoefficient)}</td></tr>`,
    ),
    '</tbody>',
  ]);
}

function matrixSection(state: ProjectState, filter: AnalysisFilter, counted: string | null): string {
  const m = codesByDocuments(state, filter);
  if (m.rows.length === 0 || m.columns.length === 0) return `<p class="empty">${m.rows.length === 0 ? 'No codes to count.' : 'No documents to count.'}</p>`;
  const totals = m.columns.map((_, j) => m.codings.reduce((n, row) => n + row[j]!, 0));
  return wrapTable([
    caption('Codes × documents: codings of each code (its own) in each document', counted),
    `<thead>${headerRow(['Code', ...m.columns.map((c) => c.label), 'Total'], 1)}</thead>`,
    '<tbody>',
    ...m.rows.map((r, i) => `<tr><th scope="row">${escapeHtml(r.codePath)}</th>${numberCells([...m.codings[i]!, m.codings[i]!.reduce((a, b) => a + b, 0)])}</tr>`),
    '</tbody>',
    `<tfoot><tr><th scope="row">Total</th>${numberCells([...totals, totals.reduce((a, b) => a + b, 0)])}</tr></tfoot>`,
  ]);
}

function frameworkSection(state: ProjectState, filter: AnalysisFilter, counted: string | null): string {
  const rowsAre = frameworkRows(state);
  const m = frameworkOf(state, filter);
  if (m.rows.length === 0 || m.codes.length === 0) return `<p class="empty">No ${m.codes.length === 0 ? 'codes' : rowsAre} to summarise.</p>`;
  const rowWord = rowsAre === 'cases' ? 'Case' : 'Document';
  return wrapTable([
    caption(`Framework matrix: the summary written for each ${rowWord.toLowerCase()} and code, and the codings behind it`, counted),
    `<thead>${headerRow([rowWord, ...m.codes.map((c) => c.codePath)], Infinity)}</thead>`,
    '<tbody>',
    ...m.rows.map(
      (r, i) =>
        `<tr><th scope="row">${escapeHtml(r.name)}</th>${m.cells[i]!.map(
          (cell) =>
            `<td class="summary">${cell.summary && cell.summary.text.trim() ? escapeHtml(cell.summary.text.trim()) : '<span class="empty">No summary yet.</span>'}` +
            `<br><span class="count">${plural(cell.codings, 'coding')}</span></td>`,
        ).join('')}</tr>`,
    ),
    '</tbody>',
  ]);
}

const SECTION_BUILDERS: Record<ReportSection, (state: ProjectState, filter: AnalysisFilter, counted: string | null) => string> = {
  frequencies: frequenciesSection,
  cooccurrence: cooccurrenceSection,
  matrix: matrixSection,
  framework: frameworkSection,
};

/** The chosen analysis sections, in the report's order. */
export function analysisSections(state: ProjectState, sections: readonly ReportSection[], filter: AnalysisFilter = {}): string[] {
  const counted = filterSentence(state, filter);
  return orderedSections(sections).map((id) => analysisSection(id, SECTION_BUILDERS[id](state, filter, counted)));
}

/** What goes in the report besides the codebook and excerpts. */
export interface HtmlReportOptions {
  /** The analysis tables to add after the codebook; none when absent. */
  sections?: readonly ReportSection[];
  /** What those tables count; the codebook and excerpts are always the whole project. */
  filter?: AnalysisFilter;
}

/** The report as one HTML document (UTF-8). */
export function htmlReport(state: ProjectState, options: HtmlReportOptions = {}): string {
  const sections = excerptsByCode(state);
  const title = state.project.name || 'Gloss project';
  const codings = sections.reduce((n, s) => n + s.count, 0);
  // lang="en": the report's own words are English; the documents' language is not recorded.
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Gloss">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    state.project.description ? `<p class="description">${escapeHtml(state.project.description)}</p>` : '',
    `<p class="meta">${plural(state.documents.size, 'document')}, ${plural(sections.length, 'code')}, ${plural(codings, 'coding')}. ` +
      'Positions are offsets into each document’s text in UTF-16 code units, counted from 0 with the end ' +
      'exclusive, as in the CSV export; they equal characters except after emoji and other characters ' +
      'outside the Basic Multilingual Plane, which count two.</p>',
    '</header>',
    // The codebook outline doubles as the table of contents: each name links to its excerpts.
    '<nav aria-labelledby="codebook">',
    '<h2 id="codebook">Codebook</h2>',
    sections.length ? outline(sections) : '<p class="empty">The project has no codes.</p>',
    '</nav>',
    '<main>',
    ...analysisSections(state, options.sections ?? [], options.filter),
    ...sections.map(codeSection),
    ...memoSections(state),
    '</main>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}

/** The registry's builder. */
export const htmlReportExport: ExportBuilder = (state, options) =>
  ok(htmlReport(state, { ...(options.sections ? { sections: options.sections } : {}), ...(options.filter ? { filter: options.filter } : {}) }));
