/** Finding the project a user asked for on the command line (pure, unit-tested). */
import path from 'node:path';

/**
 * The `.gloss` file named in `argv`, resolved against `cwd`, or null. Works for
 * `electron . x.gloss`, a packaged `Gloss x.gloss`, and a second instance's argv, where
 * Chromium may have inserted its own switches; the last project named wins.
 */
export function projectFileFromArgv(argv: readonly string[], cwd: string): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith('.gloss')) return path.resolve(cwd, arg);
  }
  return null;
}
