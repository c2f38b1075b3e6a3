#!/usr/bin/env node
// Builds the Electron side into dist/ (the renderer is built by vite into dist/renderer):
//   dist/electron/main.cjs     the main process, one CommonJS bundle (only 'electron' external)
//   dist/electron/preload.cjs  the sandboxed preload: one CommonJS file that requires only 'electron'
//   dist/electron/task-worker.cjs  the worker thread that runs long tasks (agreement, merges)
//                              off the main process (electron/service/tasks/); main.cjs starts
//                              it from beside itself
//   dist/sample/               the shipped sample transcripts and codebook, read at run time
//                              by ensureSampleCopy (copied as files, not bundled as text, so
//                              the sample stays readable and replaceable in a packaged app)
import { build } from 'esbuild';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--out DIR` builds elsewhere (the main-process test builds into a temp folder).
const outArg = process.argv.indexOf('--out');
const dist = outArg > 0 && process.argv[outArg + 1] ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist');
const out = path.join(dist, 'electron');

await rm(out, { recursive: true, force: true });
await rm(path.join(dist, 'sample'), { recursive: true, force: true });
await mkdir(out, { recursive: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
};

const main = await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: path.join(out, 'main.cjs'),
  platform: 'node',
  target: 'node20',
  // Modules shared with the ESM CLI use import.meta.url; in this CommonJS bundle it is
  // the bundle's own file URL.
  define: { 'import.meta.url': '__glossImportMetaUrl' },
  banner: { js: "const __glossImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// Its own entry: a worker thread loads a file, not a module of main.cjs. It needs neither
// electron nor anything of the main process beyond the shared computations.
const worker = await build({
  ...common,
  entryPoints: ['electron/service/tasks/worker.ts'],
  outfile: path.join(out, 'task-worker.cjs'),
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.url': '__glossImportMetaUrl' },
  banner: { js: "const __glossImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
const workerInputs = Object.keys(worker.metafile.inputs);
if (workerInputs.some((input) => /(^|\/)electron\/(main|window|ipc|desktop-session)\.ts$/.test(input))) {
  console.error('build-electron: the task worker pulls in the main process; it may import only the shared computations.');
  process.exit(1);
}

const preload = await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: path.join(out, 'preload.cjs'),
  // A sandboxed preload runs in the renderer with a tiny require(): browser platform, so
  // nothing Node-only can sneak in.
  platform: 'browser',
  target: 'chrome120',
});

// The preload must stay free of node_modules (zod would bloat it and fail in the sandbox).
const preloadInputs = Object.keys(preload.metafile.inputs);
const leaked = preloadInputs.filter((input) => input.includes('node_modules'));
if (leaked.length > 0) {
  console.error(`build-electron: the preload bundle pulls in ${leaked.join(', ')}; it may import only types from shared/.`);
  process.exit(1);
}

await cp(path.join(root, 'build', 'sample'), path.join(dist, 'sample'), { recursive: true });
for (const icon of ['icon.png']) {
  await cp(path.join(root, 'build', icon), path.join(dist, icon)).catch(() => {});
}

const kB = (result) => Object.values(result.metafile.outputs).reduce((sum, o) => sum + (o.entryPoint ? o.bytes : 0), 0) / 1024;
const relative = path.relative(root, dist);
const shown = relative && !relative.startsWith('..') ? relative : dist;
console.log(
  `build-electron: ${shown}/electron/main.cjs (${kB(main).toFixed(0)} kB), ` +
    `${shown}/electron/preload.cjs (${kB(preload).toFixed(1)} kB, ${preloadInputs.length} modules), ` +
    `${shown}/electron/task-worker.cjs (${kB(worker).toFixed(0)} kB), ${shown}/sample/`,
);
