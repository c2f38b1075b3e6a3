/** The code hierarchy: paths, descendants, children. */
import type { Code } from './schema';
import type { ProjectState } from './state';

/** Names from the root down to `codeId`. */
export function codePathNames(state: { codes: ReadonlyMap<string, Code> }, codeId: string): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let code = state.codes.get(codeId);
  while (code && !seen.has(code.id)) {
    seen.add(code.id);
    names.unshift(code.name);
    code = code.parentId ? state.codes.get(code.parentId) : undefined;
  }
  return names;
}

/** The full path joined by ` > `, as the exports write it. */
export function codePath(state: { codes: ReadonlyMap<string, Code> }, codeId: string): string {
  return codePathNames(state, codeId).join(' > ');
}

/** Siblings in the order a person gave them (placeCode), those never placed after them by name. */
export function compareSiblings(a: Code, b: Code): number {
  const oa = a.order ?? Number.MAX_SAFE_INTEGER;
  const ob = b.order ?? Number.MAX_SAFE_INTEGER;
  return oa - ob || a.name.localeCompare(b.name);
}

/** Children of each code (key null = top level), in sibling order (compareSiblings). */
export function childrenByParent(codes: Iterable<Code>): Map<string | null, Code[]> {
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const list = children.get(code.parentId) ?? [];
    list.push(code);
    children.set(code.parentId, list);
  }
  for (const list of children.values()) list.sort(compareSiblings);
  return children;
}

/** `codeId` and every code below it. */
export function descendantIds(state: Pick<ProjectState, 'codes'>, codeId: string): string[] {
  const children = childrenByParent(state.codes.values());
  const out: string[] = [];
  const stack = [codeId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    for (const child of children.get(id) ?? []) stack.push(child.id);
  }
  return out;
}

/** Codes in tree order (depth-first, siblings in their order) with their depth. */
export function codeTree(codes: Iterable<Code>): { code: Code; depth: number }[] {
  const children = childrenByParent(codes);
  const out: { code: Code; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const code of children.get(parent) ?? []) {
      out.push({ code, depth });
      walk(code.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
