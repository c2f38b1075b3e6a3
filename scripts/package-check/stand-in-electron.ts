/**
 * The Electron distribution `npm run package:check` packages with: the real one when its
 * binary is on this machine for the platform being packaged, otherwise a stand-in laid out
 * like Electron's release zip for that platform, so electron-builder runs all of its steps
 * offline. The stand-in's executable (on macOS its framework binary, where Electron keeps
 * its fuses) carries Electron's fuse sentinel and a fuse wire set as Electron ships it, so
 * electron-builder's fuse flipping runs on it and the result can be read back. It runs
 * nothing: on Linux and macOS starting it prints that it is a stand-in and exits 1; on
 * Windows it is a PE file with no code, there for electron-builder to write its name,
 * icon and asar hash into.
 *
 * Never used by `npm run dist`: an installer built on a stand-in would not start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { standInWindowsExecutable } from './windows-resources';

/** @electron/fuses' marker before the fuse wire (its constants.SENTINEL). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Each fuse as Electron ships it, before anything is flipped (Electron's docs, "Electron
 * Fuses"), by @electron/fuses' FuseV1Options name.
 */
export const SHIPPED_FUSES: Readonly<Record<string, boolean>> = {
  RunAsNode: true,
  EnableCookieEncryption: false,
  EnableNodeOptionsEnvironmentVariable: true,
  EnableNodeCliInspectArguments: true,
  EnableEmbeddedAsarIntegrityValidation: false,
  OnlyLoadAppFromAsar: false,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: true,
};

export type StandInPlatform = 'linux' | 'darwin' | 'win32';

export interface ElectronDistribution {
  /** The folder passed to electron-builder as electronDist. */
  dir: string;
  standIn: boolean;
}

/**
 * The fuse wire of version 1 for `fuseNames` (in wire order), as Electron ships it: the
 * sentinel, the wire version, its length, then "1" or "0" per fuse.
 */
export function shippedFuseWire(fuseNames: readonly string[]): Buffer {
  const states = fuseNames.map((name) => {
    const shipped = SHIPPED_FUSES[name];
    if (shipped === undefined) throw new Error(`package:check: how Electron ships the fuse ${name} is not known; add it to SHIPPED_FUSES`);
    return shipped ? '1' : '0';
  });
  return Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, states.length]), Buffer.from(states.join(''), 'ascii')]);
}

/** A shell script that says what it is, with the fuse wire in a trailing comment. */
function standInExecutable(wire: Buffer): Buffer {
  const script = '#!/bin/sh\necho "This is a stand-in for Electron, made by npm run package:check; it cannot run Gloss." >&2\nexit 1\n# ';
  return Buffer.concat([Buffer.from(script, 'utf8'), wire, Buffer.from('\n')]);
}

function infoPlist(executable: string, identifier: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0"><dict>',
    `<key>CFBundleExecutable</key><string>${executable}</string>`,
    `<key>CFBundleIdentifier</key><string>${identifier}</string>`,
    `<key>CFBundleName</key><string>${executable}</string>`,
    '<key>CFBundlePackageType</key><string>APPL</string>',
    '<key>CFBundleIconFile</key><string>electron.icns</string>',
    '</dict></plist>',
    '',
  ].join('\n');
}

async function put(file: string, content: string | Buffer, executable = false): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  if (executable) await chmod(file, 0o755);
}

/** Writes a stand-in Electron `version` for `platform` into `dir`, laid out as its release zip. */
export async function makeStandIn(dir: string, platform: StandInPlatform, version: string, fuseNames: readonly string[]): Promise<void> {
  const executable = standInExecutable(shippedFuseWire(fuseNames));
  await put(path.join(dir, 'version'), version);
  await put(path.join(dir, 'LICENSE'), 'Stand-in for the Electron licence (MIT), made by npm run package:check.\n');
  if (platform === 'linux') {
    await put(path.join(dir, 'electron'), executable, true);
    await put(path.join(dir, 'locales', 'en-US.pak'), '');
    return;
  }
  if (platform === 'win32') {
    await put(path.join(dir, 'electron.exe'), standInWindowsExecutable(shippedFuseWire(fuseNames), version));
    await put(path.join(dir, 'locales', 'en-US.pak'), '');
    return;
  }
  const contents = path.join(dir, 'Electron.app', 'Contents');
  await put(path.join(contents, 'Info.plist'), infoPlist('Electron', 'com.github.Electron'));
  await put(path.join(contents, 'MacOS', 'Electron'), standInExecutable(Buffer.alloc(0)), true);
  await put(path.join(contents, 'Resources', 'electron.icns'), '');
  // On macOS the fuses live in the framework, where @electron/fuses looks for them.
  await put(path.join(contents, 'Frameworks', 'Electron Framework.framework', 'Electron Framework'), executable, true);
  for (const helper of ['Electron Helper', 'Electron Helper (GPU)', 'Electron Helper (Renderer)', 'Electron Helper (Plugin)']) {
    const helperContents = path.join(contents, 'Frameworks', `${helper}.app`, 'Contents');
    await put(path.join(helperContents, 'Info.plist'), infoPlist(helper, 'com.github.Electron.helper'));
    await put(path.join(helperContents, 'MacOS', helper), standInExecutable(Buffer.alloc(0)), true);
  }
}

/**
 * The real Electron distribution in node_modules/electron, if its binary was downloaded
 * and is for `platform` (it is always for the machine it was installed on); else null.
 * Repeats the electron package's own lookup (path.txt, then dist/<path>), as
 * e2e/electron-available.ts does, without requiring the package (that starts a download).
 */
export function installedElectron(root: string, platform: StandInPlatform): string | null {
  if (process.platform !== platform) return null;
  // A local build named the way the electron package itself honours it.
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override && existsSync(override)) return override;
  const dist = path.join(root, 'node_modules', 'electron', 'dist');
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = readFileSync(pathFile, 'utf8').trim();
  return binary && existsSync(path.join(dist, binary)) ? dist : null;
}
