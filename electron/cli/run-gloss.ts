/**
 * Running the `gloss` command for the CLI's tests. `runGloss` runs it in this process
 * (runCli, what bin/gloss.mjs ends up calling), which is how the tests exercise what the
 * commands do; `spawnGloss` starts `node bin/gloss.mjs` as a user does, for the few tests
 * of what only a process shows: exit on a closed pipe, a lock held by another process, the
 * bin's choice between the prebuilt bundle and the sources.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './run';

export const BIN = fileURLToPath(new URL('../../bin/gloss.mjs', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The folder in-process runs are in now, how many are running, and what to put back after. */
let current: { dir: string; running: number; cwd: string; dataDir: string | undefined } | null = null;

function enter(dir: string): void {
  if (current && current.dir !== dir) {
    throw new Error(`runGloss: a run in ${current.dir} is still going; runs at the same time must share their folder`);
  }
  if (!current) {
    current = { dir, running: 0, cwd: process.cwd(), dataDir: process.env.GLOSS_DATA_DIR };
    process.chdir(dir);
    process.env.GLOSS_DATA_DIR = path.join(dir, 'data');
  }
  current.running++;
}

function leave(): void {
  if (!current || --current.running > 0) return;
  process.chdir(current.cwd);
  if (current.dataDir === undefined) delete process.env.GLOSS_DATA_DIR;
  else process.env.GLOSS_DATA_DIR = current.dataDir;
  current = null;
}

const asText = (lines: string[]) => lines.map((line) => `${line}\n`).join('');

/**
 * Runs `gloss ARGS` in this process as if started in `dir` (relative paths resolve there;
 * it must work from any folder), with its settings kept in `dir/data` so a test never
 * touches the real profile. Output comes back as the process would have printed it;
 * `stdin` is what the command reads for `-` (nothing when left out, as from /dev/null);
 * `interactive` runs it as if stderr were a terminal.
 */
export async function runGloss(dir: string, args: string[], options: { stdin?: string | Uint8Array; interactive?: boolean } = {}): Promise<Run> {
  enter(dir);
  const out: string[] = [];
  const err: string[] = [];
  const stdin = options.stdin;
  const readStdin = async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : (stdin ?? new Uint8Array()));
  try {
    const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line), readStdin, interactive: options.interactive });
    return { code, stdout: asText(out), stderr: asText(err) };
  } finally {
    leave();
  }
}

/** Runs `node BIN ARGS` in `dir` in a child process, settings in `dir/data`, with `env` added and `stdin` piped in. */
export function spawnGloss(dir: string, args: string[], options: { bin?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<Run> {
  const env = { ...process.env, GLOSS_DATA_DIR: path.join(dir, 'data'), ...options.env };
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [options.bin ?? BIN, ...args], { cwd: dir, env }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
    child.stdin?.end(options.stdin ?? '');
  });
}
