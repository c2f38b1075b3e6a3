#!/usr/bin/env tsx
/**
 * `npm start` (after `npm run build`): runs Gloss in Electron, downloading Electron's binary
 * the first time; arguments are passed on (`npm start -- study.gloss`). See
 * scripts/start/start-electron.ts.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startElectron } from './start/start-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const code = await startElectron({
  // Resolved as a path, never required: requiring electron starts the download.
  packageDir: path.dirname(createRequire(import.meta.url).resolve('electron/package.json')),
  appDir: root,
  args: process.argv.slice(2),
  env: process.env,
  log: (text) => console.error(text),
  progress: (text) => process.stderr.write(text),
});
process.exit(code);
