/**
 * Whether the Electron binary is on disk, found without triggering its download.
 *
 * Electron 42 has no install script: `require('electron')` (node_modules/electron/index.js)
 * reads path.txt, the executable's path inside node_modules/electron/dist/, and runs
 * install.js to download the binary when either is missing. Requiring it here would try
 * the network, so this repeats the lookup and only checks that the files exist.
 */
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronAvailability = { ok: true; path: string } | { ok: false; reason: string };

const HOW = 'run `npm start` once on a machine with internet access to download it';

/** Where the Electron executable is, or a one-line reason why it cannot be used. */
export function electronAvailability(): ElectronAvailability {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'Electron is not installed (no node_modules/electron); run `npm install`' };
  }
  const relative = path.relative(process.cwd(), packageDir) || packageDir;

  const pathFile = path.join(packageDir, 'path.txt');
  let executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  // The same override index.js honours (a locally built or unpacked Electron).
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const full = path.join(override, executable || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return usable(full) ? { ok: true, path: full } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${full} is not an executable` };
  }
  if (!existsSync(path.join(packageDir, 'dist'))) {
    return { ok: false, reason: `Electron binary not downloaded (${relative}/dist missing); ${HOW}` };
  }
  if (!executable) {
    return { ok: false, reason: `Electron binary not fully installed (${relative}/path.txt missing); ${HOW}` };
  }
  const full = path.join(packageDir, 'dist', executable);
  if (!usable(full)) {
    return { ok: false, reason: `Electron binary missing or not executable (${path.join(relative, 'dist', executable)}); ${HOW}` };
  }
  return { ok: true, path: full };
}

function usable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
