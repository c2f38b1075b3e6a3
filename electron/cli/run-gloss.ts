/** Running the `gloss` command as a user does, for the CLI's tests: node bin/gloss.mjs in a child process. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/gloss.mjs', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs gloss in `dir` (it must work from any folder), with its settings kept in
 * `dir/data` so a test never touches the real profile.
 */
export function runGloss(dir: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, GLOSS_DATA_DIR: path.join(dir, 'data') } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}
