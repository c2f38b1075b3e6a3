import { describe, expect, it } from 'vitest';
import { checkContents, externalRequires, pageAssets, summarise } from './contents';

const APP = [
  'package.json',
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/renderer/index.html',
  'dist/renderer/assets/index-DkSaeWVd.js',
  'dist/renderer/assets/index-C-TZHtlg.css',
  'dist/sample/codebook.json',
  'dist/sample/Interview 1 - Detective sergeant.txt',
  'dist/icon.png',
];

describe('what app.asar may hold', () => {
  it('accepts the built app and nothing more', () => {
    expect(checkContents(APP)).toEqual({ missing: [], leaks: [] });
  });

  it('names every part of the app that is missing', () => {
    const report = checkContents(APP.filter((file) => !file.includes('preload') && !file.endsWith('.js') && !file.startsWith('dist/sample/')));
    expect(report.missing).toEqual(['dist/electron/preload.cjs', 'dist/renderer/assets/*.js', 'dist/sample/']);
  });

  it('refuses the development tree, saying what each leaked file is', () => {
    const leaked = [
      'dist/renderer/assets/index-DkSaeWVd.js.map',
      'dist/electron/main.cjs.map',
      'node_modules/zod/index.js',
      'dist/cli/gloss.mjs',
      'shared/model/schema.ts',
      'electron/main-process.test.ts',
      'shared/import/fixtures/utf8.txt',
      'e2e/reader.spec.ts',
      'build/make-icon.mjs',
      'README.md',
    ];
    const { leaks } = checkContents([...APP, ...leaked]);
    expect(Object.fromEntries(leaks.map((l) => [l.file, l.what]))).toEqual({
      'dist/renderer/assets/index-DkSaeWVd.js.map': 'a source map',
      'dist/electron/main.cjs.map': 'a source map',
      'node_modules/zod/index.js': 'a package from node_modules',
      'dist/cli/gloss.mjs': 'the gloss CLI bundle (it runs from the checkout, not the app)',
      'shared/model/schema.ts': 'a source file',
      'electron/main-process.test.ts': 'a test',
      'shared/import/fixtures/utf8.txt': 'a test fixture',
      'e2e/reader.spec.ts': 'a test',
      'build/make-icon.mjs': 'part of the development tree',
      'README.md': 'not part of the built app',
    });
  });
});

describe('packages the main bundle would load from node_modules', () => {
  it('finds a package left external, and not the built-ins or electron', () => {
    const bundle = [
      'var fs = require("fs"); var p = require("node:path"); const { app } = require("electron");',
      "const ExcelJS = require('exceljs'); const pdf = require(\"pdfjs-dist/legacy/build/pdf.mjs\");",
      'const canvas = require3("@napi-rs/canvas"); return Function(\'return require("\' + name + \'")\')();',
      'require("./chunk.cjs");',
    ].join('\n');
    expect(externalRequires(bundle)).toEqual(['exceljs', 'pdfjs-dist/legacy/build/pdf.mjs']);
  });
});

describe('the page’s own assets', () => {
  it('lists the scripts and styles index.html loads, not data: or other origins', () => {
    const html =
      '<link rel="icon" href="data:," /><script type="module" crossorigin src="./assets/index-A.js"></script>' +
      '<link rel="stylesheet" href="./assets/index-B.css"><a href="https://example.org/">x</a>';
    expect(pageAssets(html)).toEqual(['assets/index-A.js', 'assets/index-B.css']);
  });
});

describe('the summary', () => {
  it('groups files by their folder under dist/', () => {
    expect(
      summarise([
        { path: 'package.json', size: 10 },
        { path: 'dist/electron/main.cjs', size: 100 },
        { path: 'dist/electron/preload.cjs', size: 5 },
        { path: 'dist/renderer/assets/a.js', size: 7 },
        { path: 'dist/icon.png', size: 3 },
      ]),
    ).toEqual([
      { part: 'dist/electron/', files: 2, bytes: 105 },
      { part: 'dist/icon.png', files: 1, bytes: 3 },
      { part: 'dist/renderer/', files: 1, bytes: 7 },
      { part: 'package.json', files: 1, bytes: 10 },
    ]);
  });
});
