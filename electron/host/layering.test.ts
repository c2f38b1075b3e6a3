/**
 * The browser host stands beside the CLI, not on it: what both need lives in
 * electron/service/ or shared/. Walks the host's relative imports, through every module
 * they reach, and fails on any path into electron/cli/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cliDir = path.join(root, 'electron', 'cli') + path.sep;

/** Relative specifiers of static imports, re-exports and dynamic imports (type-only ones too). */
function relativeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) found.push(match[1]!);
  return found;
}

function resolveModule(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') || candidate.endsWith('.tsx')) {
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** Every module reachable from `entries`, each with the chain of imports that reached it. */
function reachable(entries: string[]): Map<string, string[]> {
  const seen = new Map<string, string[]>(entries.map((e) => [e, [e]]));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolveModule(file, specifier);
      if (!target || seen.has(target)) continue;
      seen.set(target, [...seen.get(file)!, target]);
      queue.push(target);
    }
  }
  return seen;
}

describe('browser host layering', () => {
  it('reaches nothing in electron/cli/', () => {
    const entries = ['serve.ts', 'server.ts'].map((f) => path.join(root, 'electron', 'host', f));
    const modules = reachable(entries);
    // The walk itself works: it reaches the service the host runs on.
    expect(modules.has(path.join(root, 'electron', 'service', 'project-service.ts'))).toBe(true);
    const intoCli = [...modules.entries()]
      .filter(([file]) => file.startsWith(cliDir))
      .map(([, chain]) => chain.map((f) => path.relative(root, f)).join(' → '));
    expect(intoCli).toEqual([]);
  });
});
