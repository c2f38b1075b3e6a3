/**
 * One Markdown file per code, for people who write in Obsidian or with pandoc: YAML front
 * matter with the code's details, then its excerpts grouped by document, each quoted and
 * followed by a citation line. An index.md links them all in tree order.
 */
import type { ProjectState } from '../model/state';
import { excerptsByCode, type CodeSection, type Excerpt } from './excerpts-by-code';
import { safeStem, UniqueNames } from './file-names';
import { strToU8, zipSync } from 'fflate';
import { ok } from '../result';
import type { ExportBuilder } from './registry';
import { journalAndDocumentMemos } from './memo-export';
import { memoLine as memoText } from '../model/memos';

export interface MarkdownFile {
  /** Relative path with forward slashes, e.g. "Training gaps.md". */
  path: string;
  content: string;
}

export const INDEX_FILE = 'index.md';

/**
 * Text that renders as itself in CommonMark, Obsidian and pandoc. Backslash escapes work
 * for any ASCII punctuation in all three; only the characters that start markup are
 * escaped so the file stays readable: emphasis, code, links and wikilinks, HTML, tags (#),
 * math ($), tables (|), strikethrough (~), Obsidian highlights (==) and comments (%%).
 * Pandoc's default reader and commonmark_x also make "smart" typography, so straight quotes
 * and the sequences it turns into dashes (--) and an ellipsis (...) are escaped too: a
 * quoted excerpt keeps the interviewee's exact characters.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<#$|~'"]/g, '\\$&')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/=(?==)/g, '=\\')
    .replace(/%(?=%)/g, '%\\')
    .replace(/-(?=-)/g, '-\\')
    .replace(/\.(?=\.\.)/g, '.\\');
}

/**
 * One line of text escaped, and its start escaped only where it would make markup there:
 * a quote (>), pandoc's title block (%), a list item (-, + or 1. before a space), or a heading underline (a line of
 * = or - alone). "=SUM(1)", "-5 degrees" or "1.5 km" start nothing and stay as they are.
 */
export function escapeLine(line: string): string {
  return escapeMarkdown(line)
    .replace(/^(\s*)([>%])/, '$1\\$2')
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)=(?=\s*$)/, '$1\\=')
    // Ordered list markers, pandoc's "fancy" ones included: 1. 1) a. B) iv. (a) (@).
    .replace(/^(\s*)\((?=(?:\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|@\w*)\)(?:\s|$))/, '$1\\(')
    .replace(/^(\s*(?:\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+))([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * A front-matter value for pandoc, which reads every metadata string as Markdown: a
 * description such as "<interviewer>" would otherwise vanish as raw HTML, and a backslash
 * or "&amp;" would change. Only what would be lost is escaped, so Obsidian's properties
 * view stays readable.
 */
function metadataText(text: string): string {
  return yamlString(text.replace(/[\\<]/g, '\\$&').replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&'));
}

/**
 * A YAML double-quoted scalar. JSON strings are YAML double-quoted scalars, except that
 * YAML does not allow the C1 controls raw (JSON does), so those are escaped too.
 */
export function yamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** "> " before every line; an empty line keeps the quote going with a bare ">". */
function quoted(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${escapeLine(line)}`))
    .join('\n');
}

/** A memo as its own paragraph; its line breaks kept as hard breaks. */
function memoLine(memo: string): string {
  return `**Memo:** ${memo.split('\n').map(escapeLine).join('  \n')}`;
}

function excerptBlock(documentName: string, e: Excerpt): string {
  const { start, end } = e.coding;
  const lines = [quoted(e.text), '', `— ${escapeMarkdown(documentName)}, characters ${start}–${end} (${escapeMarkdown(e.coder)})`];
  for (const memo of e.memos) lines.push('', memoLine(memo));
  return lines.join('\n');
}

function codeFile(section: CodeSection): string {
  const { code, path, documents, count } = section;
  const out = [
    '---',
    // A title, so `pandoc -s` makes a standalone page without a warning.
    `title: ${metadataText(path.join(' > '))}`,
    `code: ${metadataText(code.name)}`,
    `path: ${metadataText(path.join(' > '))}`,
    `color: ${yamlString(code.color)}`,
    `description: ${metadataText(code.description)}`,
    `codings: ${count}`,
    '---',
    '',
    `# ${escapeMarkdown(path.join(' > '))}`,
  ];
  if (code.description) out.push('', code.description.split('\n').map(escapeLine).join('\n'));
  for (const memo of section.memos) out.push('', memoLine(memo));
  if (documents.length === 0) out.push('', '*No excerpts.*');
  for (const { document, excerpts } of documents) {
    out.push('', `## ${escapeMarkdown(document.name)}`);
    for (const e of excerpts) out.push('', excerptBlock(document.name, e));
  }
  return out.join('\n') + '\n';
}

/** A link target for a file in the same folder: percent-encoded, so spaces and parentheses are safe. */
function linkTo(file: string): string {
  return encodeURIComponent(file).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The project journal and the memos on documents as one file; null when there are none. */
function memosFile(state: ProjectState): string | null {
  const { journal, documents } = journalAndDocumentMemos(state);
  if (journal.length === 0 && documents.length === 0) return null;
  const out = ['# Memos'];
  const memo = (m: (typeof journal)[number]) => out.push('', memoText(m).split('\n').map(escapeLine).join('  \n'), '', `*${m.createdAt.slice(0, 10)}*`);
  if (journal.length > 0) {
    out.push('', '## Project journal');
    journal.forEach(memo);
  }
  for (const d of documents) {
    out.push('', `## ${escapeMarkdown(d.name)}`);
    d.memos.forEach(memo);
  }
  return out.join('\n') + '\n';
}

/** The Markdown notes: index.md first, then one file per code in tree order, then the journal and document memos when there are any. */
export function markdownFiles(state: ProjectState): MarkdownFile[] {
  const sections = excerptsByCode(state);
  const names = new UniqueNames();
  names.reserve(INDEX_FILE);
  const files = sections.map((section) => ({
    section,
    path: names.next(safeStem(section.path.join(' - ')), '.md'),
  }));
  const title = state.project.name || 'Gloss project';
  const index = ['---', `title: ${metadataText(title)}`, `codes: ${sections.length}`, '---', '', `# ${escapeMarkdown(title)}`, ''];
  if (state.project.description) index.push(state.project.description.split('\n').map(escapeLine).join('\n'), '');
  if (files.length === 0) index.push('*The project has no codes.*');
  for (const { section, path } of files) {
    const indent = '  '.repeat(section.depth);
    index.push(`${indent}- [${escapeMarkdown(section.code.name)}](${linkTo(path)}) (${section.count})`);
  }
  if (files.length > 0) {
    index.push('', '*Numbers in brackets count a code’s own excerpts. “Characters 12–20” in the notes are the offsets of the CSV export (UTF-16 code units, end exclusive).*');
  }
  const memos = memosFile(state);
  const memosPath = memos ? names.next('Memos', '.md') : null;
  if (memosPath) index.push('', `[Project journal and memos on documents](${linkTo(memosPath)})`);
  return [
    { path: INDEX_FILE, content: index.join('\n') + '\n' },
    ...files.map(({ section, path }) => ({ path, content: codeFile(section) })),
    ...(memos && memosPath ? [{ path: memosPath, content: memos }] : []),
  ];
}

/**
 * The registry's builder: the notes in one .zip, inside a folder named after the project
 * (the app downloads one file; the CLI writes markdownFiles into a folder instead).
 */
export const markdownZipExport: ExportBuilder = (state, { base }) =>
  ok(zipSync(Object.fromEntries(markdownFiles(state).map((f) => [`${base}/${f.path}`, strToU8(f.content)]))));
