/**
 * `gloss export --markdown DIR` onto a disk that fills up half-way (issue 9): nothing is left
 * behind. A real full disk, a 16 KB tmpfs, mounted in a user namespace (`unshare -rm`) so
 * no privilege is needed; where the system does not allow that, the test says so and is
 * skipped (electron/export/folder-write.test.ts injects the same failure without a mount).
 */
import { execFile, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProjectFile } from '../../../shared/export/fixtures/export-project';

const BIN = fileURLToPath(new URL('../../../bin/gloss.mjs', import.meta.url));
const canMount =
  process.platform === 'linux' && spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=16k tmpfs /tmp'], { stdio: 'ignore' }).status === 0;
if (!canMount) console.warn('export-disk-full.test.ts: skipped, `unshare -rm` cannot mount a tmpfs here (user namespaces disabled or not Linux)');

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-disk-full-'));
  await fs.writeFile(path.join(dir, 'study.gloss'), JSON.stringify(exportProjectFile()));
  await fs.mkdir(path.join(dir, 'small'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Runs `gloss export study.gloss --markdown small/<target>` with a 16 KB disk mounted on small/; returns its output and what small/ held afterwards. */
function exportOntoSmallDisk(prepare: string, target: string): Promise<{ code: string; stderr: string; listing: string }> {
  const script = [
    'mount -t tmpfs -o size=16k tmpfs small || exit 99',
    prepare,
    `"$0" "$1" export study.gloss --markdown small/${target} 2>stderr.txt; echo "exit=$?"`,
    'ls -A1R small | sed "s/^/  /"',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile('unshare', ['-rm', 'sh', '-c', script, process.execPath, BIN], { cwd: dir, env: { ...process.env, GLOSS_DATA_DIR: path.join(dir, 'data') } }, async (error, stdout) => {
      if (error) return reject(error);
      const [code, ...listing] = stdout.split('\n');
      resolve({ code: code!, stderr: await fs.readFile(path.join(dir, 'stderr.txt'), 'utf8'), listing: listing.join('\n').trim() });
    });
  });
}

describe.skipIf(!canMount)('gloss export --markdown onto a full disk', () => {
  it('leaves no half folder: the notes folder is not created at all', async () => {
    const run = await exportOntoSmallDisk('', 'notes');
    expect(run.code).toBe('exit=1');
    expect(run.stderr).toMatch(/^gloss: notes: the notes could not be written \(.+\.md: the disk is full\); nothing was written\. Free some space, or choose a folder on another disk\.\n$/);
    expect(run.listing).toBe('small:');
  });

  it('leaves an existing folder exactly as it was', async () => {
    const run = await exportOntoSmallDisk('mkdir small/vault && echo mine > small/vault/keep.md', 'vault');
    expect(run.code).toBe('exit=1');
    expect(run.stderr).toMatch(/the disk is full\); nothing was written, the folder is as it was\. Free some space, or choose a folder on another disk\.\n$/);
    expect(run.listing).toBe(['small:', '  vault', '  ', '  small/vault:', '  keep.md'].join('\n'));
  });
});
