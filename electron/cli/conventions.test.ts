/**
 * The conventions every gloss command follows (DEVELOPERS.md, "Conventions every command
 * follows"): the project first, the old order of import-qdpx still read with a deprecation
 * line, one way to choose the coder, errors turned into one line in one place.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ZodError, z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qde, zipQdpx } from '../../shared/formats/refi/fixtures/qdpx-fixtures';
import { ProjectOpenError } from '../service/durable-file';
import { HandlerError } from '../service/handler-error';
import { CliError, toCliError } from './errors';
import { runGloss } from './run-gloss';
import { COMMANDS } from './run';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-conventions-'));
  await fs.writeFile(path.join(dir, 'small.qdpx'), zipQdpx({ 'project.qde': qde('', { name: 'Small study' }) }));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const DEPRECATION = 'gloss: import-qdpx: the order IN.qdpx FILE is deprecated; write gloss import-qdpx FILE IN.qdpx (the project first, as every command takes it)\n';

describe('the project comes first', () => {
  it('import-qdpx takes FILE IN.qdpx and says nothing on stderr', async () => {
    const run = await runGloss(dir, ['import-qdpx', 'new-order.gloss', 'small.qdpx']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Imported from small\.qdpx: /);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'new-order.gloss'), 'utf8')).project.name).toBe('Small study');
  });

  it('still reads the old order IN.qdpx FILE, and tells a person at a terminal how to write it now', async () => {
    const run = await runGloss(dir, ['import-qdpx', 'small.qdpx', 'old-order.gloss'], { interactive: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(DEPRECATION);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'old-order.gloss'), 'utf8')).project.name).toBe('Small study');
  });

  it('says it to a script too when GLOSS_DEPRECATIONS=1, and only then', async () => {
    const quiet = await runGloss(dir, ['import-qdpx', 'small.qdpx', 'quiet.gloss']);
    expect(quiet).toMatchObject({ code: 0, stderr: '' });
    process.env.GLOSS_DEPRECATIONS = '1';
    try {
      const told = await runGloss(dir, ['import-qdpx', 'small.qdpx', 'told.gloss']);
      expect(told).toMatchObject({ code: 0, stderr: DEPRECATION });
    } finally {
      delete process.env.GLOSS_DEPRECATIONS;
    }
  });

  it('tells the orders apart by what exists when the names do not say', async () => {
    await fs.copyFile(path.join(dir, 'small.qdpx'), path.join(dir, 'export-copy'));
    const run = await runGloss(dir, ['import-qdpx', 'export-copy', 'plain-name'], { interactive: true });
    expect(run).toMatchObject({ code: 0, stderr: DEPRECATION.replace(/\n$/, '') + '\n' });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'plain-name'), 'utf8')).project.name).toBe('Small study');
  });
});

describe('one way to choose the coder', () => {
  it('every command that changes a project takes --coder with the same help line', () => {
    const changing = ['anonymise', 'code', 'edit', 'import', 'import-codebook'];
    for (const name of changing) {
      const command = COMMANDS.find((c) => c.name === name)!;
      expect(command.options.coder, name).toEqual({ type: 'string' });
      expect(command.help, name).toContain("--coder NAME");
      expect(command.help, name).toContain("who makes the change (default: GLOSS_CODER, else the coder in Gloss's settings)");
    }
  });

  it('--coder, else GLOSS_CODER, else the coder saved in the settings', async () => {
    await fs.writeFile(path.join(dir, 'talk.txt'), 'one two three four');
    expect((await runGloss(dir, ['new', 'coders.gloss'])).code).toBe(0);
    expect((await runGloss(dir, ['import', 'coders.gloss', 'talk.txt'])).code).toBe(0);
    const codeWord = async (word: string, ...extra: string[]) => {
      const run = await runGloss(dir, ['code', 'coders.gloss', '--doc', 'talk', '--code', 'Words', '--quote', word, ...extra]);
      expect(run.code, run.stderr).toBe(0);
      const saved = JSON.parse(await fs.readFile(path.join(dir, 'coders.gloss'), 'utf8'));
      const coding = saved.codings.find((c: { id: string }) => c.id === run.stdout.trim());
      return saved.coders.find((c: { id: string }) => c.id === coding.coderId) as { id: string; name: string };
    };
    const saved = await codeWord('one');
    process.env.GLOSS_CODER = 'Gale';
    try {
      expect((await codeWord('two')).name).toBe('Gale');
      expect((await codeWord('three', '--coder', 'Alice')).name).toBe('Alice');
    } finally {
      delete process.env.GLOSS_CODER;
    }
    expect(saved.name).not.toBe('Gale');
    expect(await codeWord('four')).toEqual(saved);
  });
});

describe('errors become one line in one place', () => {
  it('words the service, the schema and the file system the way the CLI says things', () => {
    expect(toCliError(new HandlerError('The codebook has no codes.'), { label: 'study.gloss' })?.message).toBe('study.gloss: The codebook has no codes.');
    const missing = new ProjectOpenError('study.gloss does not exist.', '/x/study.gloss', 'missing');
    expect(toCliError(missing, { project: 'study.gloss' })?.message).toBe('study.gloss does not exist. Create it with: gloss new study.gloss');
    const zod = z.object({ name: z.string() }).safeParse({ name: 3 });
    expect(zod.success).toBe(false);
    expect(toCliError((zod as { error: ZodError }).error)?.message).toMatch(/^name: /);
    const full = Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC', path: '/x/out.csv' });
    expect(toCliError(full)?.message).toMatch(/^out\.csv: .*(space|full)/i);
    const usage = new CliError('as it is', 2);
    expect(toCliError(usage)).toBe(usage);
    // Not the user's to act on: the caller reports it as an internal error.
    expect(toCliError(new TypeError('x is undefined'))).toBeNull();
  });
});
