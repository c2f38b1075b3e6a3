import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadEnvironment, downloadFailureReason, installedElectronBinary, looksLikeStackTrace } from './electron-binary';
import { startElectron } from './start-electron';

// What node_modules/electron/install.js printed on a machine without access to GitHub.
const FETCH_FAILED = [
  'TypeError: fetch failed',
  '    at node:internal/deps/undici/undici:14976:13',
  '    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
  '    at async downloadArtifact (file:///x/node_modules/@electron/get/dist/index.js:154:12)',
].join('\n');

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = '';
});

/** A stand-in node_modules/electron whose install.js runs `installScript` (CommonJS). */
async function fakeElectronPackage(installScript: string): Promise<{ packageDir: string; appDir: string }> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-start-'));
  const packageDir = path.join(dir, 'electron');
  const appDir = path.join(dir, 'app');
  await mkdir(packageDir, { recursive: true });
  await mkdir(appDir, { recursive: true });
  await writeFile(path.join(packageDir, 'package.json'), JSON.stringify({ name: 'electron', version: '42.1.0' }));
  await writeFile(path.join(packageDir, 'install.js'), installScript);
  return { packageDir, appDir };
}

/** install.js lines that "download" a binary recording its arguments and folder, ending with `code`. */
const INSTALLS_BINARY = (code: number) => `
const fs = require('fs'), path = require('path');
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\necho "$PWD $*" > "$GLOSS_TEST_RECORD"\\nexit ${code}\\n', { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
process.stderr.write('Downloading electron-v42.1.0-linux-x64.zip: [====] 100%\\r');
`;

function run(packageDir: string, appDir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const log: string[] = [];
  const progress: string[] = [];
  const result = startElectron({ packageDir, appDir, args, env: { PATH: process.env.PATH, ...env }, log: (t) => log.push(t), progress: (t) => progress.push(t) });
  return { result, log, progress };
}

describe('npm start where Electron cannot be downloaded', () => {
  it('says in plain words that the download failed, why, and the ways out; no stack trace', async () => {
    const { packageDir, appDir } = await fakeElectronPackage(`process.stderr.write(${JSON.stringify(FETCH_FAILED)}); process.exit(1);`);
    const { result, log, progress } = run(packageDir, appDir, []);
    expect(await result).toBe(1);
    const message = log.join('\n');
    expect(message).toContain('Gloss cannot start: Electron 42.1.0, which runs the desktop app, could not be downloaded.');
    expect(message).toContain('Reason: TypeError: fetch failed (the download server could not be reached)');
    expect(message).toContain('HTTPS_PROXY=');
    expect(message).toContain('ELECTRON_MIRROR=');
    expect(message).toContain('`npm run serve` opens the same Gloss in your web browser');
    expect(message).not.toMatch(/\n\s+at /);
    expect(message).not.toContain('delete');
    expect(progress.join('')).not.toContain('at node:internal');
  });

  it('passes npm’s proxy setting on to the download and tells @electron/get to use it', async () => {
    const { packageDir, appDir } = await fakeElectronPackage(
      "require('fs').writeFileSync(__dirname + '/env.json', JSON.stringify({ p: process.env.HTTPS_PROXY, u: process.env.ELECTRON_GET_USE_PROXY })); process.exit(1);",
    );
    const { result } = run(packageDir, appDir, [], { npm_config_https_proxy: 'http://proxy.uni.example:3128' });
    expect(await result).toBe(1);
    expect(JSON.parse(await readFile(path.join(packageDir, 'env.json'), 'utf8'))).toEqual({ p: 'http://proxy.uni.example:3128', u: '1' });
  });

  it('names ELECTRON_OVERRIDE_DIST_PATH when it points at no Electron, and downloads nothing', async () => {
    const { packageDir, appDir } = await fakeElectronPackage("require('fs').writeFileSync(__dirname + '/ran', ''); process.exit(1);");
    const { result, log } = run(packageDir, appDir, [], { ELECTRON_OVERRIDE_DIST_PATH: path.join(dir, 'nowhere') });
    expect(await result).toBe(1);
    expect(log.join('\n')).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set to ${path.join(dir, 'nowhere')}, but there is no Electron there.`);
    expect(existsSync(path.join(packageDir, 'ran'))).toBe(false);
  });
});

describe('npm start where Electron can be downloaded', () => {
  it('downloads it once, shows the progress, then runs `electron . ARGS` in the app folder and ends with its exit code', async () => {
    const { packageDir, appDir } = await fakeElectronPackage(INSTALLS_BINARY(3));
    const record = path.join(dir, 'record.txt');
    const first = run(packageDir, appDir, ['study.gloss'], { GLOSS_TEST_RECORD: record });
    expect(await first.result).toBe(3);
    expect(first.log[0]).toMatch(/^Downloading Electron 42\.1\.0 \(about 100 MB, once/);
    expect(first.progress.join('')).toContain('100%');
    expect(await readFile(record, 'utf8')).toBe(`${appDir} . study.gloss\n`);

    // Found the second time: install.js is not run again.
    await writeFile(path.join(packageDir, 'install.js'), 'process.exit(9);');
    const second = run(packageDir, appDir, [], { GLOSS_TEST_RECORD: record });
    expect(await second.result).toBe(3);
    expect(second.log).toEqual([]);
  });
});

describe('the pieces', () => {
  it('finds the binary only where path.txt points at an existing file', async () => {
    const { packageDir } = await fakeElectronPackage('');
    expect(installedElectronBinary(packageDir, {})).toBeNull();
    await writeFile(path.join(packageDir, 'path.txt'), 'electron');
    expect(installedElectronBinary(packageDir, {})).toBeNull();
    await mkdir(path.join(packageDir, 'dist'));
    await writeFile(path.join(packageDir, 'dist', 'electron'), '');
    expect(installedElectronBinary(packageDir, {})).toBe(path.join(packageDir, 'dist', 'electron'));
  });

  it('takes the error’s first line as the reason', () => {
    expect(downloadFailureReason(FETCH_FAILED)).toBe('TypeError: fetch failed (the download server could not be reached)');
    expect(downloadFailureReason('Downloading…\nHTTPError: Response code 404 (Not Found) for https://mirror/x.zip\n    at y')).toBe(
      'HTTPError: Response code 404 (Not Found) for https://mirror/x.zip',
    );
    expect(downloadFailureReason('')).toBe('');
  });

  it('keeps a proxy the user set and only switches @electron/get’s proxy support on', () => {
    expect(downloadEnvironment({ HTTPS_PROXY: 'http://a:1', npm_config_https_proxy: 'http://b:2' })).toMatchObject({ HTTPS_PROXY: 'http://a:1', ELECTRON_GET_USE_PROXY: '1' });
    expect(downloadEnvironment({}).ELECTRON_GET_USE_PROXY).toBeUndefined();
  });

  it('tells progress from a stack trace', () => {
    expect(looksLikeStackTrace('Downloading electron.zip: [===   ] 40%\r')).toBe(false);
    expect(looksLikeStackTrace(FETCH_FAILED)).toBe(true);
    expect(looksLikeStackTrace('    at async f (x.js:1:2)\n')).toBe(true);
  });
});

describe('the reason, for any output of install.js', () => {
  it('is one line, short, and never a stack frame', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('TypeError: fetch failed', 'RequestError: read ECONNRESET', 'Downloading electron.zip [==  ] 20%'),
      fc.string({ maxLength: 60 }).map((s) => `    at ${s}`),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const reason = downloadFailureReason(lines.join('\n'));
        expect(reason).not.toContain('\n');
        expect(reason.length).toBeLessThanOrEqual(360);
        expect(reason).not.toMatch(/^at /);
      }),
      { numRuns: 300 },
    );
  });
});
