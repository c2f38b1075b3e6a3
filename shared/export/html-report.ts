/**
 * The codebook with every code's excerpts, grouped by document, as one self-contained HTML
 * file: inline CSS only, no scripts, no external resources, so it opens the same offline,
 * in a mail attachment or a repository, and prints with each code on its own page.
 */
import type { ProjectState } from '../model/state';
import { excerptsByCode, type CodeSection, type Excerpt } from './excerpts-by-code';
import { ok } from '../result';
import type { ExportBuilder } from './registry';
import { plural } from '../plural';
import { journalAndDocumentMemos } from './memo-export';
import { memoLine } from '../model/memos';

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
a { color: #0b5394; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  section.code { break-before: page; }
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

/** The report as one HTML document (UTF-8). */
export function htmlReport(state: ProjectState): string {
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
export const htmlReportExport: ExportBuilder = (state) => ok(htmlReport(state));
