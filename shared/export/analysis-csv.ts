/**
 * An analysis table as CSV, shared by the registry's analysis exports (analysis-tables.ts)
 * and the views' own CSV buttons: under a filter the first line is the filter in words
 * (one cell), then the header and the rows; text cells a spreadsheet would run get a '
 * unless `raw`, the filter line too.
 */
import { csvCell, csvText } from './csv';

export function analysisCsv(table: { header: readonly string[]; rows: readonly (readonly (string | number)[])[] }, caption: string | null, raw: boolean): string {
  const field = csvCell({ raw });
  const lines = table.rows.map((row) => row.map(field).join(','));
  lines.unshift(table.header.map(field).join(','));
  if (caption !== null) lines.unshift(field(caption));
  return csvText(lines);
}

/** Markdown (a framework matrix) with the filter in words, in italics, under its title; as it is without one. */
export function markdownWithCaption(markdown: string, caption: string | null): string {
  if (caption === null) return markdown;
  const [title, ...rest] = markdown.split('\n');
  const escaped = caption.replace(/\s+/g, ' ').replace(/([\\`*_[\]#<|])/g, '\\$1');
  return [title, '', `_${escaped}_`, ...rest].join('\n');
}
