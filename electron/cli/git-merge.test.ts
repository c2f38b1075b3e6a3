/**
 * The git workflow end to end: a repository with a project, two coders on two branches,
 * gloss git-setup, and `git merge` running gloss merge as the merge driver.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../shared/model/schema';
import { parseProjectText } from '../../shared/model/parse';
import { serializeProject } from '../../shared/model/serialize';
import { runGloss } from './run-gloss';

function gitVersion(): string | null {
  try {
    return execFileSync('git', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const HAVE_GIT = gitVersion() !== null;
const TEXT = 'We never had training on the new system.\nData sharing took weeks.\nNobody trusted the forms.\n';

let dir: string;

/** git in the test repository, without the user's global config getting in the way. */
function git(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd: dir, env: { ...process.env, GIT_CONFIG_GLOBAL: path.join(dir, 'no-global-config'), GIT_CONFIG_NOSYSTEM: '1' } },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr }),
    );
  });
}

async function ok(run: Promise<{ code: number; stdout: string; stderr: string }>): Promise<string> {
  const result = await run;
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

async function gloss(...args: string[]): Promise<string> {
  const run = await runGloss(dir, args);
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
}

async function project(): Promise<ProjectFile> {
  const parsed = parseProjectText(await fs.readFile(path.join(dir, 'study.gloss'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** A change the app would make (the CLI has no rename): the code's name, written as Gloss writes files. */
async function renameCode(from: string, to: string): Promise<void> {
  const file = await project();
  file.codes = file.codes.map((c) => (c.name === from ? { ...c, name: to } : c));
  await fs.writeFile(path.join(dir, 'study.gloss'), serializeProject(file));
}

async function commitAll(message: string): Promise<void> {
  await ok(git('add', '-A'));
  await ok(git('commit', '-q', '-m', message));
}

beforeAll(async () => {
  if (!HAVE_GIT) return;
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-git-'));
  await ok(git('init', '-q', '-b', 'main'));
  await ok(git('config', 'user.name', 'Test Lead'));
  await ok(git('config', 'user.email', 'lead@example.org'));
  await ok(git('config', 'commit.gpgsign', 'false'));
  await fs.writeFile(path.join(dir, '.gitignore'), 'data/\n*.bak\ninterview.txt\n');
  await fs.writeFile(path.join(dir, 'interview.txt'), TEXT);
  await gloss('new', 'study.gloss', '--name', 'Git study');
  await gloss('import', 'study.gloss', 'interview.txt');
  // The lead sets up the codebook by coding one passage with each code.
  await gloss('code', 'study.gloss', '--doc', 'interview', '--code', 'Training', '--quote', 'training', '--coder', 'Lead');
  await gloss('code', 'study.gloss', '--doc', 'interview', '--code', 'Trust', '--quote', 'trusted', '--coder', 'Lead');
  await commitAll('Hand out the project');
  const setup = await gloss('git-setup');
  expect(setup).toContain('added "*.gloss merge=gloss"');
  // Idempotent: run again, the line is not added twice.
  expect(await gloss('git-setup')).toContain('already has "*.gloss merge=gloss"');
  expect((await fs.readFile(path.join(dir, '.gitattributes'), 'utf8')).match(/merge=gloss/g)).toHaveLength(1);
  await commitAll('Merge Gloss projects with gloss merge');
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe.skipIf(!HAVE_GIT)('git merge with gloss as the merge driver (skipped: git is not installed)', { timeout: 120_000 }, () => {
  it('git-setup points the driver at this Gloss by absolute path', async () => {
    expect((await ok(git('config', 'merge.gloss.name'))).trim()).toBe('Gloss project merge');
    const driver = (await ok(git('config', 'merge.gloss.driver'))).trim();
    expect(driver).toBe(`'${process.execPath}' '${fileURLToPath(new URL('../../bin/gloss.mjs', import.meta.url))}' merge --base %O %A %B -o %A --name %P`);
  });

  it('merges codings made on two branches by two coders', async () => {
    await ok(git('checkout', '-q', '-b', 'alice', 'main'));
    await gloss('code', 'study.gloss', '--doc', 'interview', '--code', 'Training', '--quote', 'never had training', '--coder', 'Alice');
    await commitAll('Alice codes');
    await ok(git('checkout', '-q', '-b', 'bob', 'main'));
    await gloss('code', 'study.gloss', '--doc', 'interview', '--code', 'Trust', '--quote', 'Nobody trusted the forms', '--coder', 'Bob');
    await commitAll('Bob codes');

    await ok(git('checkout', '-q', 'alice'));
    const merge = await git('merge', '--no-edit', 'bob');
    expect(merge.code, merge.stdout + merge.stderr).toBe(0);
    // The driver ran (not git's line merge): its report is in git's output.
    // It names the project, not git's temporary files.
    expect(merge.stdout + merge.stderr).toContain('Added from study.gloss (theirs): 1 coder, 1 coding');
    expect(merge.stdout + merge.stderr).not.toContain('.merge_file_');
    const merged = await project();
    const coderName = new Map(merged.coders.map((c) => [c.id, c.name]));
    const byCoder = merged.codings.map((c) => `${coderName.get(c.coderId)}: ${c.quote}`).sort();
    expect(byCoder).toEqual(['Alice: never had training', 'Bob: Nobody trusted the forms', 'Lead: training', 'Lead: trusted']);
    expect(merged.codes.map((c) => c.name).sort()).toEqual(['Training', 'Trust']);
    expect((await ok(git('status', '--porcelain'))).trim()).toBe('');
  });

  it('reports a code renamed two ways as a conflict, leaves ours in the file, and is settled with --pick', async () => {
    await ok(git('checkout', '-q', '-b', 'rename-a', 'main'));
    await renameCode('Trust', 'Trust in systems');
    await commitAll('Rename Trust one way');
    await ok(git('checkout', '-q', '-b', 'rename-b', 'main'));
    await renameCode('Trust', 'Distrust');
    await commitAll('Rename Trust another way');

    await ok(git('checkout', '-q', 'rename-a'));
    const merge = await git('merge', '--no-edit', 'rename-b');
    expect(merge.code).not.toBe(0);
    const output = merge.stdout + merge.stderr;
    expect(output).toContain('renamed two ways');
    expect(output).toMatch(/ours: {3}"Trust in systems"/);
    expect(output).toMatch(/theirs: "Distrust"/);
    expect(output).toContain('CONFLICT');
    // The file git leaves is a valid project holding ours' name, not conflict markers.
    expect((await project()).codes.map((c) => c.name).sort()).toEqual(['Training', 'Trust in systems']);

    // Settled as docs/teams.md says: the three stages from git's index, merged again with a choice.
    const trustId = (await project()).codes.find((c) => c.name === 'Trust in systems')!.id;
    for (const [stage, name] of [['1', 'base'], ['2', 'ours'], ['3', 'theirs']] as const) {
      await fs.writeFile(path.join(dir, `${name}.gloss`), await ok(git('show', `:${stage}:study.gloss`)));
    }
    await gloss('merge', 'ours.gloss', 'theirs.gloss', '--base', 'base.gloss', '-o', 'study.gloss', '--pick', `codes:${trustId}:name=theirs`);
    for (const name of ['base', 'ours', 'theirs']) await fs.rm(path.join(dir, `${name}.gloss`));
    await ok(git('add', 'study.gloss'));
    await ok(git('commit', '-q', '--no-edit'));
    expect((await project()).codes.map((c) => c.name).sort()).toEqual(['Distrust', 'Training']);
  });
});
