/**
 * Document names stay unique when documents are added, because a name is how researchers
 * (and `gloss code --doc`) tell documents apart: "report.html" and "report.pdf" become
 * "report" and "report (pdf)", a second copy of a file "report (2)". Names compare
 * ignoring case and surrounding spaces, as the CLI's lookup does.
 */
import { extensionOf } from '../import/file-names';

const key = (name: string) => name.trim().toLocaleLowerCase();

export class DocumentNames {
  private readonly taken = new Set<string>();

  constructor(documents: Iterable<{ name: string }>) {
    for (const d of documents) this.taken.add(key(d.name));
  }

  /** A free name for a document called `name`, imported from `fileName` if it came from a file; the name is then taken. */
  claim(name: string, fileName?: string): string {
    const extension = fileName ? extensionOf(fileName).slice(1) : '';
    const candidates = [name, ...(extension ? [`${name} (${extension})`] : [])];
    let chosen = candidates.find((c) => !this.taken.has(key(c)));
    for (let n = 2; chosen === undefined; n++) {
      if (!this.taken.has(key(`${name} (${n})`))) chosen = `${name} (${n})`;
    }
    this.taken.add(key(chosen));
    return chosen;
  }
}
