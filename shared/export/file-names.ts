/**
 * Export file names: the project's name as the start of each export's name, and unique
 * names for the files of one export (the Markdown notes). What makes a name safe for every
 * common file system is safeStem, in shared/text/safe-names.ts, the one place file names
 * are made from user text.
 */
import { safeStem } from '../text/safe-names';

export { safeStem };

/** The start of an export's file name: the project's name as a safe stem, or `fallback` when it has none. */
export function exportBaseName(projectName: string, fallback = 'gloss'): string {
  return projectName.trim() === '' ? fallback : safeStem(projectName);
}

/**
 * Hands out names that are unique ignoring case: the second "Trust.md" becomes
 * "Trust (2).md". Names passed to `reserve` are never handed out.
 */
export class UniqueNames {
  private readonly taken = new Set<string>();

  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  /** A name `stem + extension` (or `stem (n) + extension`) not handed out before. */
  next(stem: string, extension: string): string {
    let name = stem + extension;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${stem} (${n})${extension}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
