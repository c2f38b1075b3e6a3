/**
 * The Markdown notes read by pandoc, the tool researchers use to turn notes into papers:
 * an excerpt must come out as the interviewee's exact characters under pandoc's default
 * reader and commonmark_x, front matter must not lose text, and `pandoc -s` must not warn.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeLine, markdownFiles } from './markdown';
import { stateFromFile } from '../model/state';
import { exportProjectFile, IDS } from './fixtures/export-project';

/** pandoc's output for `input`; fails loudly when pandoc is missing. */
function pandoc(input: string, ...args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync('pandoc', args, { input, encoding: 'utf8' });
  if (run.error) throw new Error(`pandoc could not run (${run.error.message}): install pandoc (.ci/run does)`);
  if (run.status !== 0) throw new Error(`pandoc ${args.join(' ')} failed: ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** The plain text pandoc reads out of one Markdown line (lines joined, no wrapping). */
const plainOf = (markdown: string, reader: string) => pandoc(markdown, '-f', reader, '-t', 'plain', '--wrap=none').stdout.replace(/\n$/, '');

const EXCERPT = `They said 'we are not trained' -- "never"... =SUM(1) & <b>`;

// pandoc starts take a second or more on a busy machine; the property runs about 25 of them.
describe('Markdown notes under pandoc', { timeout: 180_000 }, () => {
  const file = exportProjectFile();
  file.documents = file.documents.map((d) => (d.id === IDS.police ? { ...d, text: `${EXCERPT}\n\nmore` } : d));
  file.codings = file.codings.map((c) => (c.documentId === IDS.police ? { ...c, start: 0, end: EXCERPT.length } : c));
  file.codes = file.codes.map((c) => (c.name === 'Training gaps' ? { ...c, description: 'Code when <interviewer> asks about C:\\courses &amp; drills' } : c));
  const notes = Object.fromEntries(markdownFiles(stateFromFile(file)).map((f) => [f.path, f.content]));
  const training = notes['Training gaps.md']!;

  it.each(['markdown', 'commonmark_x'])('keeps an excerpt\'s straight quotes, "--" and "..." under the %s reader', (reader) => {
    expect(training).toContain('> They said');
    const html = pandoc(training, '-f', reader, '-t', 'html').stdout;
    const quote = html.slice(html.indexOf('<blockquote>'), html.indexOf('</blockquote>'));
    const text = plainOf(quote.replace(/<\/?(blockquote|p)>/g, ''), 'html');
    expect(text).toBe(EXCERPT);
  });

  it('keeps a description with <…>, a backslash and an entity in the front matter, and pandoc -s does not warn', () => {
    expect(pandoc(training, '-s', '-t', 'html').stderr).toBe('');
    const dir = mkdtempSync(join(tmpdir(), 'gloss-pandoc-'));
    try {
      const template = join(dir, 'meta.plain');
      writeFileSync(template, '$title$\n$description$\n');
      const [title, description] = pandoc(training, '-s', '-t', 'plain', '--wrap=none', '--template', template).stdout.split('\n');
      expect(title).toBe('Training gaps');
      expect(description).toBe('Code when <interviewer> asks about C:\\courses &amp; drills');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('property: any lines, escaped, read back as themselves under both readers', () => {
    const chars = fc.constantFrom(...`ab 1.-+=>*_#'"<&;\`[]()|~$%\\!`.split(''));
    // A render trims a paragraph's outer spaces and folds runs of them, as for any text; the
    // note keeps them in the file. Lines are generated already folded.
    const line = fc
      .string({ unit: chars, minLength: 1, maxLength: 24 })
      .map((l) => l.trim().replace(/ {2,}/g, ' '))
      .filter((l) => l.length > 0);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), (lines) => {
        // One pandoc run per reader for many lines, each its own paragraph.
        const markdown = lines.map(escapeLine).join('\n\n');
        for (const reader of ['markdown', 'commonmark_x']) expect(plainOf(markdown, reader).split('\n\n')).toEqual(lines);
      }),
      { numRuns: 12 },
    );
  });
});
