/** gloss git-setup where it cannot set anything up: the message says why. */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gitSetupCommand } from './git-setup';

const io = { out: () => {}, err: () => {} };

function haveGit(): boolean {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
}

let dir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-git-setup-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss git-setup', () => {
  it('says git is missing, not that the folder is no repository, when git cannot be run', async () => {
    const saved = process.env.PATH;
    // A PATH with nothing on it: execFile finds no git.
    process.env.PATH = path.join(dir, 'no-programs-here');
    try {
      await expect(gitSetupCommand.run([dir], {}, io)).rejects.toThrow('git-setup: git is not installed (or not on PATH)');
    } finally {
      process.env.PATH = saved;
    }
  });

  it.skipIf(!haveGit())('says a folder outside any repository is not in one', async () => {
    // GIT_CEILING_DIRECTORIES keeps git from finding a repository above the temp folder.
    const saved = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = path.dirname(dir);
    try {
      await expect(gitSetupCommand.run([dir], {}, io)).rejects.toThrow(`git-setup: ${dir} is not inside a git repository (run git init there first)`);
    } finally {
      if (saved === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = saved;
    }
  });
});
