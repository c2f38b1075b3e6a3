/**
 * The menu names the README and docs/ give are the names the app shows (issue 13, item 11):
 * every "Menu ▸ Item" is in the toolbar's menus, which both hosts show, or, where the text
 * says it is the desktop app's, in the desktop menu. Case aside (the desktop menu is in Title Case).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../shared/app/commands';

const ROOT = path.resolve(__dirname, '..');
/** Paths in the operating system, not in Gloss. */
const SYSTEM_PATHS = ['Settings ▸ Privacy & Security'];

async function filesUnder(dir: string, ext: RegExp): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full, ext)));
    else if (ext.test(entry.name) && !/\.test\./.test(entry.name)) out.push(full);
  }
  return out;
}

/** The string literals of some sources, lower-cased. */
async function literals(files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) for (const m of (await fs.readFile(file, 'utf8')).matchAll(/'([^'\n]+)'|`([^`\n]+)`|"([^"\n]+)"|>([^<>{}\n]+)</g)) out.push((m[1] ?? m[2] ?? m[3] ?? m[4]!).trim().toLowerCase());
  return out;
}

/** Every "Menu ▸ Item" in a text, with what precedes it (to see whether it is about the desktop app). */
function menuPaths(text: string): { path: string; item: string; before: string }[] {
  const found: { path: string; item: string; before: string }[] = [];
  for (const m of text.matchAll(/([A-Z][A-Za-z-]*) ▸ \*{0,2}([^▸\n*]*?…|[A-Z][\w-]*(?: [A-Z][\w-]*)*)/g)) {
    found.push({ path: `${m[1]} ▸ ${m[2]}`, item: m[2]!.toLowerCase(), before: text.slice(Math.max(0, m.index - 120), m.index + m[0].length + 40).replace(/\s+/g, ' ') });
  }
  return found;
}

describe('menu names in the docs', () => {
  it('name only menu items that the app shows, in both hosts unless said to be the desktop app’s', async () => {
    const docs = [path.join(ROOT, 'README.md'), ...(await filesUnder(path.join(ROOT, 'docs'), /\.md$/))];
    const browser = await literals(await filesUnder(path.join(ROOT, 'renderer', 'src'), /\.tsx?$/));
    const desktop = [...(await literals([path.join(ROOT, 'electron', 'menu.ts')])), ...Object.values(COMMANDS).map((c) => c.label.toLowerCase())];
    const has = (names: string[], item: string) => names.some((name) => name.replace(/^&/, '').startsWith(item));
    const wrong: string[] = [];
    let checked = 0;
    for (const file of docs) {
      for (const { path: menuPath, item, before } of menuPaths(await fs.readFile(file, 'utf8'))) {
        if (SYSTEM_PATHS.some((p) => p.startsWith(menuPath))) continue;
        checked++;
        const ok = has(browser, item) || (/desktop app/.test(before) && has(desktop, item));
        if (!ok) wrong.push(`${path.basename(file)}: ${menuPath}`);
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
  });

  it('would catch the names the first-hour test met ("File ▸ Merge Project…", "View ▸ Agreement")', () => {
    const found = menuPaths('Merge with File ▸ Merge Project… or see View ▸ Agreement.');
    expect(found.map((f) => f.item)).toEqual(['merge project…', 'agreement']);
  });
});
