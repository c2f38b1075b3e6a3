/**
 * Names that hold terminal escape sequences or bidi overrides (issue 9): the CLI prints
 * them escaped, never raw, and exported file names lose them.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Code, Coding, ProjectFile } from '../../shared/model/schema';
import { emptyProjectFile } from '../../shared/model/state';
import { quoteAt } from '../../shared/text/quote';
import { runCli } from './run';

const T = '2025-01-01T00:00:00.000Z';
/** Clears the screen and sets the terminal's title. */
const ESCAPE_CODE = 'Barriers\u001b[2J\u001b]0;owned\u0007';
/** Reads "Interview_exe.pdf" where the override is obeyed. */
const OVERRIDE_DOC = 'Interview_\u202efdp.exe';
/** A C1 CSI (turns text red) and a carriage return that rewrites the line. */
const C1_CODER = 'Ana\u009b31m\rBen';
/** Any of these in output means a name reached the terminal raw. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let dir: string;

function hostileFile(): ProjectFile {
  const file = emptyProjectFile('Study\u202e', T);
  const text = 'a'.repeat(40);
  const code = (id: string, name: string): Code => ({ id, name, color: '#336699', description: '', parentId: null, codable: true, createdAt: T });
  const coding = (id: string, coderId: string, codeId: string, start: number, end: number): Coding => ({
    id,
    documentId: 'doc',
    codeId,
    coderId,
    start,
    end,
    ...quoteAt(text, start, end),
    createdAt: T,
    needsReview: false,
  });
  return {
    ...file,
    coders: [
      { id: 'k1', name: C1_CODER, color: '#884422' },
      { id: 'k2', name: 'Cy\u2066x', color: '#884422' },
    ],
    documents: [{ id: 'doc', name: OVERRIDE_DOC, text, createdAt: T, source: null, attributes: {}, structure: [] }],
    codes: [code('c1', ESCAPE_CODE), code('c2', 'two\nlines\u202e')],
    codings: [coding('x1', 'k1', 'c1', 0, 20), coding('x2', 'k2', 'c1', 5, 25), coding('x3', 'k2', 'c2', 0, 10)],
  };
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-safe-output-'));
  await fs.writeFile(path.join(dir, 'hostile.gloss'), JSON.stringify(hostileFile()));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const project = () => path.join(dir, 'hostile.gloss');

describe('names in CLI output', () => {
  it('info prints every name escaped', async () => {
    const { code, out, err } = await run('info', project());
    expect(err).toEqual([]);
    expect(code).toBe(0);
    for (const line of out) expect(line).not.toMatch(RAW);
    expect(out).toContain('  2  Barriers\\u001b[2J\\u001b]0;owned\\u0007');
    expect(out[0]).toBe('hostile.gloss: "Study\\u202e"');
  });

  it('info --json stays JSON that reads back to the names as they are', async () => {
    const { out } = await run('info', project(), '--json');
    expect(out).toHaveLength(1);
    expect(out[0]).not.toMatch(RAW);
    const info = JSON.parse(out[0]!) as { project: string; perCode: { code: string }[] };
    expect(info.project).toBe('Study\u202e');
    expect(info.perCode.map((c) => c.code)).toEqual([ESCAPE_CODE, 'two\nlines\u202e']);
  });

  it('agreement prints coder, code and document names escaped, one table row per line', async () => {
    const { code, out, err } = await run('agreement', project());
    expect(err).toEqual([]);
    expect(code).toBe(0);
    for (const line of out) expect(line).not.toMatch(RAW);
    expect(out[0]).toBe('hostile.gloss: agreement of Ana\\u009b31m\\rBen, Cy\\u2066x on characters');
    // The code named with a line break still takes one row per line of the table.
    const rows = out.filter((line) => line.startsWith('two\\nlines\\u202e'));
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Interview_\\u202efdp.exe');
  });

  it('an error naming what the user typed escapes it too', async () => {
    const { code, err } = await run('agreement', project(), '--code', 'nope\u001b[31m\u202e');
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).not.toMatch(RAW);
    expect(err[0]).toContain('no code named "nope\\u001b[31m\\u202e"');
  });
});

describe('names in exported file names', () => {
  it('the Markdown notes of a code named with controls and overrides have neither in their file names', async () => {
    const notes = path.join(dir, 'notes');
    const { code, err } = await run('export', project(), '--markdown', notes);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const names = (await fs.readdir(notes)).sort();
    for (const name of names) expect(name).not.toMatch(RAW);
    expect(names).toEqual(['Barriers_[2J_]0;owned_.md', 'index.md', 'two_lines.md']);
  });
});
