#!/usr/bin/env node
// The `gloss` command. It runs the prebuilt CLI in dist/cli/ (one esbuild bundle, made by
// `npm install`/`npm ci` through the prepare script and by `npm run build`), which starts
// in a fraction of the time tsx needs to compile the sources. When there is no bundle, or
// a source changed after it was made (a development checkout after an edit, a pull or a
// branch switch), it runs the TypeScript sources through tsx instead, so it never runs
// old code. GLOSS_DEBUG=1 says on stderr which of the two it runs, and why.
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUNDLE_DIR, chooseCli, ENTRY_FILE } from './prebuilt.mjs';

// Node 22.1 and later keep V8's compiled code of the modules loaded from here on in a cache
// (in the temp folder), so later starts skip most of the parsing; older Nodes lack it.
module.enableCompileCache?.();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const choice = chooseCli(root);
const debug = Boolean(process.env.GLOSS_DEBUG);

if (choice.bundle) {
  if (debug) {
    process.stderr.write(`gloss: running the prebuilt CLI ${BUNDLE_DIR}/${ENTRY_FILE}\n`);
    // Stack traces of internal errors then point into the sources, not the bundle.
    process.setSourceMapsEnabled(true);
  }
  await import(pathToFileURL(choice.bundle).href);
} else {
  if (debug) process.stderr.write(`gloss: running the TypeScript sources through tsx: ${choice.reason}\n`);
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(`gloss: cannot start: ${choice.reason}, and tsx, which runs the sources, is not installed (run npm install in ${root})\n`);
    process.exit(70);
  }
  // tsconfig: false, so that a tsconfig.json in the folder gloss is run from is not applied
  // to Gloss's own sources (they need none of its settings to run).
  register({ tsconfig: false });
  await import('../electron/cli/main.ts');
}
