/**
 * The processes the crash harness runs against one project: `gloss` commands and the
 * browser host, started as a user starts them, killed with SIGKILL at random.
 *
 * By default they run from an esbuild bundle of the CLI and of the host (node_modules left
 * external), built once per run: the same sources as bin/gloss.mjs and `npm run serve`,
 * but starting in about half the time tsx needs, which is what most of a round costs.
 * `tsx: true` runs bin/gloss.mjs and electron/host/serve.ts through tsx instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How to start the gloss command and the browser host: an executable and the arguments before ours. */
export interface Launchers {
  gloss: string[];
  serve: string[];
  /** Removes what building them left behind. */
  dispose(): Promise<void>;
}

/** Builds the launchers: bundles in a folder under the repository's .tmp (so node_modules resolves), or tsx. */
export async function launchers(tsx: boolean): Promise<Launchers> {
  if (tsx) {
    const tsxCli = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    return {
      gloss: [process.execPath, path.join(ROOT, 'bin', 'gloss.mjs')],
      serve: [process.execPath, tsxCli, path.join(ROOT, 'electron', 'host', 'serve.ts')],
      dispose: async () => {},
    };
  }
  await fs.mkdir(path.join(ROOT, '.tmp'), { recursive: true });
  const out = await fs.mkdtemp(path.join(ROOT, '.tmp', 'crash-harness-'));
  await build({
    absWorkingDir: ROOT,
    entryPoints: { gloss: 'electron/cli/main.ts', serve: 'electron/host/serve.ts' },
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return {
    gloss: [process.execPath, path.join(out, 'gloss.mjs')],
    serve: [process.execPath, path.join(out, 'serve.mjs')],
    dispose: () => fs.rm(out, { recursive: true, force: true }),
  };
}

/** A started process, its output so far, and how it ended. */
export interface Running {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Exit code (null when a signal ended it) and the signal. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once it has ended. */
  ended(): boolean;
  /** Sends SIGKILL if it still runs; true if it did. */
  kill(): boolean;
}

/** Starts `command` in `cwd`, with Gloss's settings in `dataDir`. */
export function start(command: string[], cwd: string, dataDir: string): Running {
  const [exe, ...args] = command as [string, ...string[]];
  const child = spawn(exe, args, { cwd, env: { ...process.env, GLOSS_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let ended = false;
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      ended = true;
      resolve({ code, signal });
    });
    child.on('error', () => {
      ended = true;
      resolve({ code: null, signal: null });
    });
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exit,
    ended: () => ended,
    kill: () => {
      if (ended || child.exitCode !== null) return false;
      return child.kill('SIGKILL');
    },
  };
}

/** A browser host as a client sees it: its URL and token, and one call. */
export interface HostClient {
  origin: string;
  token: string;
  invoke(channel: string, arg?: unknown): Promise<{ ok: boolean; result?: any; error?: string }>;
}

/** Waits (up to `ms`) for the host's one stdout line with its URL; null if it ended or never said it. */
export async function hostUrl(host: Running, ms: number): Promise<HostClient | null> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !host.ended()) {
    const match = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)/.exec(host.stdout());
    if (match) {
      const [, origin, token] = match as unknown as [string, string, string];
      return {
        origin,
        token,
        invoke: async (channel, arg) => {
          const res = await fetch(`${origin}/api/invoke/${channel}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': token },
            body: JSON.stringify(arg === undefined ? {} : { arg }),
          });
          return (await res.json()) as { ok: boolean; result?: any; error?: string };
        },
      };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}
