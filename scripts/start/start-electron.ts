/**
 * `npm start` after the build: finds Electron's binary, downloads it the first time (as the
 * electron package would), and runs Gloss in it with the arguments given. A failed download
 * ends in a few plain lines (electron-binary.ts) instead of the package's stack trace.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { downloadEnvironment, downloadFailedMessage, downloadFailureReason, installedElectronBinary, looksLikeStackTrace } from './electron-binary';

export interface StartOptions {
  /** node_modules/electron. */
  packageDir: string;
  /** The app folder Electron runs as `electron .` (its package.json names the built main process). */
  appDir: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Where progress and the failure message go. */
  log(text: string): void;
  /** Where install.js's own progress output goes, as it comes. */
  progress(text: string): void;
}

/** Runs install.js; resolves with its exit code and everything it wrote to stderr. */
function runInstall(options: StartOptions): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(options.packageDir, 'install.js')], {
      env: downloadEnvironment(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let failing = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => options.progress(text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      // The progress bar passes through; a stack trace is kept back for the plain message.
      failing ||= looksLikeStackTrace(text);
      if (!failing) options.progress(text);
    });
    child.on('error', (e) => resolve({ code: 1, stderr: `${stderr}\n${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** Runs Gloss in Electron; resolves with the exit code to end `npm start` with. */
export async function startElectron(options: StartOptions): Promise<number> {
  const { version } = JSON.parse(readFileSync(path.join(options.packageDir, 'package.json'), 'utf8')) as { version: string };
  let binary = installedElectronBinary(options.packageDir, options.env);
  const override = options.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!binary && override) {
    options.log(downloadFailedMessage(version, '', override));
    return 1;
  }
  if (!binary) {
    options.log(`Downloading Electron ${version} (about 100 MB, once; it is kept in ${path.join(options.packageDir, 'dist')})…`);
    const { code, stderr } = await runInstall(options);
    binary = installedElectronBinary(options.packageDir, options.env);
    if (code !== 0 || !binary) {
      options.log(downloadFailedMessage(version, downloadFailureReason(stderr) || `the download ended with exit code ${code}`));
      return 1;
    }
  }
  return new Promise((resolve) => {
    const child = spawn(binary, ['.', ...options.args], { cwd: options.appDir, stdio: 'inherit', env: options.env, windowsHide: false });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    const handlers = (['SIGINT', 'SIGTERM'] as const).map((signal) => [signal, forward(signal)] as const);
    for (const [signal, handler] of handlers) process.on(signal, handler);
    const done = (code: number) => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
      resolve(code);
    };
    child.on('error', (e) => {
      options.log(`Gloss cannot start: ${binary} could not be run (${e.message}).`);
      done(1);
    });
    child.on('close', (code, signal) => {
      if (code === null) options.log(`Electron ended on ${signal ?? 'a signal'}.`);
      done(code ?? 1);
    });
  });
}
