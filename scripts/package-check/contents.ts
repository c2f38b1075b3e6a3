/**
 * What the packaged app (app.asar) must hold and may hold: the built main process, preload,
 * renderer, sample and icon, and package.json; nothing of the development tree. Pure, so
 * the rules are unit-tested apart from a packaging run.
 */
import { isBuiltin } from 'node:module';

/** Files every packaged Gloss needs, as paths inside app.asar. */
export const REQUIRED_FILES = ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'] as const;

/** Everything app.asar may hold. Anything else is a leak from the development tree. */
const ALLOWED: readonly RegExp[] = [
  /^package\.json$/,
  /^dist\/electron\/(main|preload)\.cjs$/,
  /^dist\/renderer\/index\.html$/,
  /^dist\/renderer\/assets\/[^/]+\.(js|css|woff2?|ttf|svg|png|webp)$/,
  /^dist\/sample\/[^/]+\.(txt|json)$/,
  /^dist\/icon\.png$/,
];

/** What a file that should not be in the app is, in the words of the report. */
export function describeLeak(file: string): string {
  if (/(^|\/)node_modules\//.test(file)) return 'a package from node_modules';
  if (file.endsWith('.map')) return 'a source map';
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || /(^|\/)(e2e|__tests__)\//.test(file)) return 'a test';
  if (/(^|\/)fixtures?\//.test(file)) return 'a test fixture';
  if (/\.(ts|tsx|mts|cts)$/.test(file)) return 'a source file';
  if (/^dist\/cli\//.test(file)) return 'the gloss CLI bundle (it runs from the checkout, not the app)';
  if (/^(build|scripts|docs|bin|release|\.tmp)\//.test(file)) return 'part of the development tree';
  return 'not part of the built app';
}

export interface ContentsReport {
  missing: string[];
  /** Files that must not be there, each with what it is. */
  leaks: { file: string; what: string }[];
}

/** Checks the asar's file list (paths relative to its root, "/" separated). */
export function checkContents(files: readonly string[]): ContentsReport {
  const present = new Set(files);
  const missing: string[] = REQUIRED_FILES.filter((file) => !present.has(file));
  if (!files.some((file) => /^dist\/renderer\/assets\/[^/]+\.js$/.test(file))) missing.push('dist/renderer/assets/*.js');
  if (!files.some((file) => file.startsWith('dist/sample/'))) missing.push('dist/sample/');
  const leaks = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file))).map((file) => ({ file, what: describeLeak(file) }));
  return { missing, leaks };
}

/**
 * The packages a CommonJS bundle loads with a literal `require("name")` that are neither
 * Node's built-in modules nor electron: each would be missing at run time, since the app
 * ships no node_modules. (Optional loads through a require made with createRequire, such as
 * pdfjs's @napi-rs/canvas, are guarded where they are made and not counted.)
 */
export function externalRequires(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/\brequire\(\s*["']([^"'\s]+)["']\s*\)/g)) {
    const name = match[1]!;
    if (name === 'electron' || isBuiltin(name) || name.startsWith('.')) continue;
    names.add(name);
  }
  return [...names].sort();
}

/** The files the page loads from its own folder (scripts, styles, icons), relative to dist/renderer. */
export function pageAssets(html: string): string[] {
  const assets = new Set<string>();
  for (const match of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) {
    const url = match[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#') || url.startsWith('//')) continue;
    assets.add(url.replace(/^\.\//, '').replace(/^\//, ''));
  }
  return [...assets].sort();
}

/** Sizes and counts per top-level part of the app, for the printed summary. */
export function summarise(files: readonly { path: string; size: number }[]): { part: string; files: number; bytes: number }[] {
  const parts = new Map<string, { files: number; bytes: number }>();
  for (const { path, size } of files) {
    const segments = path.split('/');
    const part = segments.length > 2 ? `${segments[0]}/${segments[1]}/` : path;
    const entry = parts.get(part) ?? { files: 0, bytes: 0 };
    entry.files += 1;
    entry.bytes += size;
    parts.set(part, entry);
  }
  return [...parts.entries()].map(([part, value]) => ({ part, ...value })).sort((a, b) => a.part.localeCompare(b.part));
}
