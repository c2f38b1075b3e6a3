/** The options of the code popover for what the user has typed: pure, so it is unit-tested. */
import type { Code } from '../../../shared/model/schema';

export type PickerOption =
  | { kind: 'code'; code: Code; /** 1–9 when the code is reachable by a digit key. */ shortcut: number | null }
  | { kind: 'create'; name: string; /** The parent, when the name was typed as "Parent > child" and the parent exists. */ parent?: Code };

/**
 * With nothing typed: the codes the digit keys reach (`digits`, see codes/digit-keys.ts), in
 * digit order, then the others by name. With a query: codes whose name contains it (exact
 * match first, then prefix matches), then "Create …" unless a code already has exactly that name.
 */
export function pickerOptions(codesByName: readonly Code[], digits: ReadonlyMap<string, number>, query: string, pathOf: (code: Code) => string = (c) => c.name): PickerOption[] {
  const codable = codesByName.filter((c) => c.codable);
  const shortcutOf = (id: string) => digits.get(id) ?? null;
  if (query.includes('>')) return pathOptions(codesByName, query, pathOf, shortcutOf);
  const q = query.trim().toLocaleLowerCase();
  if (!q) {
    const numbered = codable.filter((c) => digits.has(c.id)).sort((a, b) => digits.get(a.id)! - digits.get(b.id)!);
    const rest = codable.filter((c) => !digits.has(c.id));
    return [...numbered, ...rest].map((code) => ({ kind: 'code', code, shortcut: shortcutOf(code.id) }));
  }
  const rank = (c: Code) => {
    const name = c.name.toLocaleLowerCase();
    return name === q ? 0 : name.startsWith(q) ? 1 : 2;
  };
  const matches = codable
    .filter((c) => c.name.toLocaleLowerCase().includes(q))
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
  const options: PickerOption[] = matches.map((code) => ({ kind: 'code', code, shortcut: shortcutOf(code.id) }));
  if (!matches.some((c) => rank(c) === 0)) options.push({ kind: 'create', name: query.trim() });
  return options;
}

/** The same key for "A > b" and "a>B": parts trimmed, joined by " > ", lower case. */
function pathKey(parts: readonly string[]): string {
  return parts.join(' > ').toLocaleLowerCase();
}

/**
 * "Parent > child" typed: the code at that path if there is one; else, when the parent path
 * names a code, creating the child under it. A parent that does not exist offers nothing
 * (a code is not created with a ">" in its name by accident).
 */
function pathOptions(codes: readonly Code[], query: string, pathOf: (code: Code) => string, shortcutOf: (id: string) => number | null): PickerOption[] {
  const parts = query.split('>').map((part) => part.trim());
  const child = parts.at(-1)!;
  const parentKey = pathKey(parts.slice(0, -1));
  const byPath = new Map(codes.map((code) => [pathKey(pathOf(code).split(' > ')), code]));
  const options: PickerOption[] = codes
    .filter((code) => code.codable && pathKey(pathOf(code).split(' > ')).startsWith(pathKey(parts)))
    .map((code) => ({ kind: 'code', code, shortcut: shortcutOf(code.id) }));
  const parent = byPath.get(parentKey);
  if (parent && child && !byPath.has(pathKey(parts))) options.push({ kind: 'create', name: child, parent });
  return options;
}
