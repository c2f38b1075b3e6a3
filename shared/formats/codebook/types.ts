/**
 * A codebook read from another file (REFI-QDA .qdc or Gloss's codebook CSV), before it is
 * matched against a project. Import goes: parse → preview (what will be added, matched,
 * renamed) → the `importCodebook` operation, one undoable step.
 */
export interface IncomingCode {
  /** The code's GUID in the file, normalised (lower case, no braces); null when the file has none (CSV). */
  guid: string | null;
  name: string;
  /** #rrggbb, or null when the file gives none (or an unusable one, with a warning). */
  color: string | null;
  description: string;
  codable: boolean;
  children: IncomingCode[];
}

export interface IncomingSet {
  guid: string | null;
  name: string;
  description: string;
  /** Member codes by GUID (qdc) or by path of names joined with " > " (CSV has no sets). */
  memberGuids: string[];
}

export interface IncomingCodebook {
  fileName: string;
  origin: string | null;
  codes: IncomingCode[];
  sets: IncomingSet[];
  /** Leniencies the parser applied (a namespace variant, a #RGB colour, braces around a GUID). */
  warnings: string[];
}

/** Says that the code at `path` (names from the root) nests deeper than MAX_CODE_DEPTH. */
export function tooDeepCode(fileName: string, path: readonly string[], maxDepth: number): string {
  const shown = path.length > 3 ? [path[0], path[1], '…', path.at(-1)] : path;
  return `${fileName}: the code “${shown.join(' > ')}” is nested ${path.length.toLocaleString('en-US')} levels deep; Gloss reads code trees up to ${maxDepth} levels; nothing was imported.`;
}

/** What importing a codebook into a project would do; nothing has changed yet. */
export interface CodebookPreview {
  fileName: string;
  /** The program that wrote the file (`origin` of a .qdc), when it says. */
  origin: string | null;
  /** New codes, by path of names ("Parent > Child"). */
  added: string[];
  /** Codes found in the project (by GUID, else by path), with how they were matched. */
  matched: { path: string; by: 'guid' | 'path' }[];
  /** Codes matched by GUID whose name differs: the project's code takes the file's name. */
  renamed: { from: string; to: string }[];
  /** Matched codes whose colour or description the file changes. */
  updated: string[];
  sets: { added: string[]; matched: string[] };
  warnings: string[];
}
