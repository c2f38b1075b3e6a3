#!/usr/bin/env node
// Builds the prebuilt `gloss` CLI into dist/cli/ (bin/gloss.mjs runs it; see bin/prebuilt.mjs):
//   dist/cli/gloss.mjs      the entry (electron/cli/main.ts) and, in chunks it imports, the
//                           code every start needs, with its dependencies (zod, lowdb,
//                           fflate, fast-xml-parser…): a few files to load instead of hundreds
//   dist/cli/*-HASH.mjs     chunks loaded only by the commands that need them (one per importer)
//   dist/cli/manifest.json  the sources it was built from, with their times and sizes;
//                           written last, so a bundle without it is an unfinished build
//
//   node build/build-cli.mjs               (npm run build:cli, part of npm run build)
//   node build/build-cli.mjs --out DIR     builds DIR/cli instead (a test builds into a temp folder)
//   node build/build-cli.mjs --if-possible (the prepare script, run by npm install and npm ci)
//
// --if-possible never fails the install: without esbuild or when the build fails, it says
// so and leaves no new bundle, and bin/gloss.mjs runs the sources through tsx (a
// dependency), only more slowly, until the bundle is built.
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_DIR, ENTRY_FILE, MANIFEST_FILE } from '../bin/prebuilt.mjs';

const ENTRY_SOURCE = 'electron/cli/main.ts';
/**
 * Large packages only some commands use, each behind a dynamic import(). They stay in
 * node_modules, loaded from there when needed, as from the sources: bundling them would
 * not speed up any start, and they rely on living there (pdfjs loads the native
 * @napi-rs/canvas beside itself; Node warns about exceljs's old Buffer() calls except
 * from node_modules). The build fails if one is imported statically.
 */
const ON_DEMAND = ['exceljs', 'mammoth', 'pdfjs-dist'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const ifPossible = args.includes('--if-possible');
const outArg = args.indexOf('--out');
const dist = outArg >= 0 && args[outArg + 1] ? path.resolve(args[outArg + 1]) : path.join(root, 'dist');
const out = path.join(dist, path.basename(BUNDLE_DIR));
// Built beside its place and moved in at the end, so a gloss started meanwhile finds the old
// bundle, none (and runs the sources), or the new one, never half of one.
const staging = `${out}.building-${process.pid}`;

/**
 * The bundle's modules keep their own location: `import.meta.url` in a source file becomes
 * that file's URL as seen from dist/cli/, so `new URL('../../package.json', import.meta.url)`
 * finds the same file in the bundle as in the sources. Relative, so a checkout still runs
 * after it is moved; computed for dist/cli/ even with --out, whose tree must then be laid
 * out like a checkout.
 */
const ownLocation = {
  name: 'own-import-meta-url',
  setup(build) {
    const bundleDir = path.join(root, BUNDLE_DIR);
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const relative = path.relative(bundleDir, args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

/** The output files a start loads: the entry and the chunks it imports statically, and the packages they import. */
function loadedAtStart(outputs, entry) {
  const files = new Set();
  const packages = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop();
    if (files.has(file)) continue;
    files.add(file);
    for (const imported of outputs[file].imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path);
      else queue.push(imported.path);
    }
  }
  return { files, packages };
}

/** The checkout's own files the bundle holds, and package.json and the lock file of node_modules. */
function sourcesOf(metafile) {
  return Object.keys(metafile.inputs)
    .filter((input) => !input.includes('node_modules/') && !input.startsWith('..'))
    .concat('package.json', 'node_modules/.package-lock.json')
    .map((input) => input.split(path.sep).join('/'))
    .sort();
}

async function buildCli(esbuild) {
  const started = Date.now();
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { [path.basename(ENTRY_FILE, '.mjs')]: ENTRY_SOURCE },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ON_DEMAND,
    // CommonJS dependencies inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __glossCreateRequire } from 'node:module';\nconst require = __glossCreateRequire(import.meta.url);" },
    plugins: [ownLocation],
    // Whitespace and syntax only: about a quarter less to read on every start; names stay.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  });

  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === ENTRY_SOURCE);
  const start = loadedAtStart(outputs, entry);
  const eager = ON_DEMAND.filter((name) => [...start.packages].some((p) => p === name || p.startsWith(`${name}/`)));
  if (eager.length > 0) {
    const them = eager.length === 1 ? 'it' : 'them';
    throw new Error(`${eager.join(', ')} would be loaded by every gloss command; load ${them} with import() where ${them === 'it' ? 'it is' : 'they are'} used`);
  }

  // Each source with its time and size: when one is not as it was, bin/gloss.mjs runs the
  // sources instead. A file changed while esbuild ran may be in the bundle as it was
  // before, so it is recorded as changed already.
  const sources = sourcesOf(result.metafile);
  const inputs = {};
  for (const source of sources) {
    const stats = statSync(path.join(root, source), { throwIfNoEntry: false });
    if (stats) inputs[source] = stats.mtimeMs < started ? [stats.mtimeMs, stats.size] : [0, -1];
  }
  await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify({ builtAt: new Date(started).toISOString(), inputs }, null, 1)}\n`);
  await rm(out, { recursive: true, force: true });
  await rename(staging, out);

  const chunks = Object.keys(outputs).filter((file) => file.endsWith('.mjs'));
  const kB = (files) => Math.round([...files].reduce((sum, file) => sum + outputs[file].bytes, 0) / 1024);
  const relative = path.relative(root, out);
  const shown = relative && !relative.startsWith('..') ? relative : out;
  console.log(
    `build-cli: ${shown}/${ENTRY_FILE} from ${sources.length} sources; a start loads ${start.files.size} files (${kB(start.files)} kB), ` +
      `${chunks.length - start.files.size} more on demand`,
  );
}

/** What went wrong, on one line: esbuild's first error with its place, or the message. */
function firstError(e) {
  const error = e?.errors?.[0];
  if (error) return `${error.location ? `${error.location.file}:${error.location.line}: ` : ''}${error.text}`;
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  // npm install --omit=dev still has it (tsx depends on it); only an odd install lacks it.
  const said = 'build-cli: esbuild is not installed, so the CLI was not prebuilt (npm install builds it)';
  if (!ifPossible) {
    console.error(said);
    process.exit(1);
  }
  console.log(said);
  process.exit(0);
}
try {
  await buildCli(esbuild);
} catch (e) {
  await rm(staging, { recursive: true, force: true });
  if (!ifPossible) {
    console.error(`build-cli: ${firstError(e)}`);
    process.exit(1);
  }
  console.log(`build-cli: the prebuilt CLI could not be built (${firstError(e)}); gloss runs from the sources.`);
}
