/** bin/prebuilt.mjs: when bin/gloss.mjs runs the prebuilt CLI and when it must run the sources. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, chooseCli, ENTRY_FILE, MANIFEST_FILE } from '../../bin/prebuilt.mjs';

let root: string;

const write = async (file: string, text: string) => {
  await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await fs.writeFile(path.join(root, file), text);
};

/** A manifest recording `files` as they are on disk now, as build-cli.mjs writes it. */
async function writeManifest(files: string[]): Promise<void> {
  const inputs: Record<string, [number, number]> = {};
  for (const file of files) {
    const stats = await fs.stat(path.join(root, file));
    inputs[file] = [stats.mtimeMs, stats.size];
  }
  await write(path.join(BUNDLE_DIR, MANIFEST_FILE), JSON.stringify({ builtAt: new Date().toISOString(), inputs }));
}

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-prebuilt-'));
  await write('electron/cli/main.ts', 'main');
  await write('shared/model/schema.ts', 'schema');
  await write(path.join(BUNDLE_DIR, ENTRY_FILE), '// bundle');
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

const SOURCES = ['electron/cli/main.ts', 'shared/model/schema.ts'];

describe('chooseCli', () => {
  it('runs the bundle when every source is as it was built', async () => {
    await writeManifest(SOURCES);
    expect(chooseCli(root)).toEqual({ bundle: path.join(root, BUNDLE_DIR, ENTRY_FILE) });
  });

  it('runs the sources when there is no finished build', async () => {
    expect(chooseCli(root)).toEqual({ reason: 'there is no prebuilt CLI in dist/cli (npm run build:cli makes it)' });
    await write(path.join(BUNDLE_DIR, MANIFEST_FILE), '{"builtAt": "x"}');
    expect(chooseCli(root).reason).toMatch(/^dist\/cli\/manifest\.json is not one build-cli\.mjs wrote/);
    await write(path.join(BUNDLE_DIR, MANIFEST_FILE), '{ half a file');
    expect(chooseCli(root).reason).toMatch(/^there is no prebuilt CLI/);
  });

  it('runs the sources when a source was edited after the build, naming it', async () => {
    await writeManifest(SOURCES);
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(path.join(root, 'shared/model/schema.ts'), later, later);
    expect(chooseCli(root)).toEqual({
      reason: 'shared/model/schema.ts changed after the prebuilt CLI was made (npm run build:cli brings it up to date)',
    });
  });

  it('runs the sources when a source was put back with an older time, or changed size with the same time', async () => {
    await writeManifest(SOURCES);
    const file = path.join(root, 'electron/cli/main.ts');
    const { mtime } = await fs.stat(file);
    await fs.utimes(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(chooseCli(root).reason).toMatch(/^electron\/cli\/main\.ts changed/);

    await fs.writeFile(file, 'main, edited');
    await fs.utimes(file, mtime, mtime);
    expect(chooseCli(root).reason).toMatch(/^electron\/cli\/main\.ts changed/);
  });

  it('runs the bundle when a source it was built from is gone (an install without sources)', async () => {
    await writeManifest(SOURCES);
    await fs.rm(path.join(root, 'electron'), { recursive: true });
    expect(chooseCli(root).bundle).toBe(path.join(root, BUNDLE_DIR, ENTRY_FILE));
  });
});
