/** Whether a path is taken, and the first numbered variant of a name that is not. */
import { promises as fs } from 'node:fs';

/** True if something exists at `file` (a file, folder or link). */
export async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/**
 * The first of `candidate(1)`, `candidate(2)`, … that names nothing yet, for a file Gloss
 * writes beside others (a recovered project, an imported one) without replacing any.
 */
export async function firstFreePath(candidate: (n: number) => string): Promise<string> {
  for (let n = 1; ; n++) {
    const file = candidate(n);
    if (!(await fileExists(file))) return file;
  }
}
