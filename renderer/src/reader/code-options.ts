/** The options of the code popover for what the user has typed: pure, so it is unit-tested. */
import type { Code } from '../../../shared/model/schema';

export type PickerOption =
  | { kind: 'code'; code: Code; /** 1–9 when the code is reachable by a digit key. */ shortcut: number | null }
  | { kind: 'create'; name: string };

/**
 * With nothing typed: the recent codes (numbered 1–9), then the others by name. With a
 * query: codes whose name contains it (exact match first, then prefix matches), then
 * "Create …" unless a code already has exactly that name.
 */
export function pickerOptions(codesByName: readonly Code[], recentIds: readonly string[], query: string): PickerOption[] {
  const codable = codesByName.filter((c) => c.codable);
  const shortcutOf = (id: string) => {
    const i = recentIds.indexOf(id);
    return i >= 0 && i < 9 ? i + 1 : null;
  };
  const q = query.trim().toLocaleLowerCase();
  if (!q) {
    const byId = new Map(codable.map((c) => [c.id, c]));
    const recent = recentIds.map((id) => byId.get(id)).filter((c): c is Code => !!c).slice(0, 9);
    const rest = codable.filter((c) => !recent.includes(c));
    return [...recent, ...rest].map((code) => ({ kind: 'code', code, shortcut: shortcutOf(code.id) }));
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
