/** Whether a path is taken, and the first numbered variant of a name that is not. */
import { promises as fs } from 'node:fs';

/**
 * True if a file or folder exists at `file` (through a link), false if nothing does. Throws
 * the file system's error when it cannot tell (no permission to look in the folder, a
 * failing disk) rather than guess: the one way Gloss asks whether a path exists.
 * `followLinks: false` asks about the name itself, so a link to nothing counts as taken
 * (what a rename onto that name would replace).
 */
export async function fileExists(file: string, { followLinks = true }: { followLinks?: boolean } = {}): Promise<boolean> {
  try {
    await (followLinks ? fs.stat(file) : fs.lstat(file));
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw e;
  }
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
