#!/usr/bin/env tsx
/**
 * `npm run package:check` (also a step of `npm test`): packages Gloss with electron-builder
 * offline and checks what came out.
 *
 *   1. Builds the renderer, main process and preload (`--no-build` uses dist/ as it is;
 *      `--verbose` shows electron-builder's own log as it runs).
 *   2. Packages with build/electron-builder.json, into .tmp/package-check/: the unpacked
 *      Linux app (target dir), the deb and AppImage up to the point where their tools
 *      (downloaded from GitHub) would run, and the unpacked macOS and Windows apps (dir).
 *      Electron is the real one where its binary is on this machine for that platform,
 *      else a stand-in (scripts/package-check/stand-in-electron.ts), so nothing is
 *      downloaded.
 *   3. Opens each app.asar and checks that the built main, preload, renderer, sample and
 *      package.json are there, that nothing of the development tree is, and that the main
 *      process needs no package from node_modules; reads the fuses back from the packaged
 *      binaries; checks the .gloss association in the Linux desktop entry, the deb's files
 *      and shared-mime-info file, and the macOS Info.plist; checks the asar integrity hash
 *      in Info.plist and in Gloss.exe's resources (with its name and icon).
 *
 * Prints what it found and exits 1 if anything is wrong.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContents, externalRequires, pageAssets, summarise } from './package-check/contents';
import { checkDebFiles, checkDesktopEntry, checkMacInfo, checkMimeGlobs, checkWindowsExecutable, debFiles, icoSizes } from './package-check/desktop-integration';
import { readWindowsResources } from './package-check/windows-resources';
import { installedElectron, makeStandIn, type ElectronDistribution, type StandInPlatform } from './package-check/stand-in-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.tmp', 'package-check');
const started = Date.now();
const args = process.argv.slice(2);

// electron-builder's own dependencies, resolved from where it is installed.
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'));
const asar = builderRequire('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[];
  statFile(archive: string, file: string): { size?: number; files?: unknown };
  extractFile(archive: string, file: string): Buffer;
  getRawHeader(archive: string): { headerString: string };
};
const fuses = builderRequire('@electron/fuses') as {
  FuseV1Options: Record<string, number | string>;
  getCurrentFuseWire(binary: string): Promise<Record<string, number | string>>;
};
const plist = builderRequire('plist') as { parse(xml: string): unknown };
/** electron-builder's logger, whose stream is swapped so its output is shown only when it fails. */
const builderLog = (builderRequire('builder-util') as { log: { stream: { write(text: string): boolean } } }).log;
const { PlatformPackager } = builderRequire('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: Record<string, boolean>): Promise<Record<string, unknown>> } };
};

interface BuilderConfig {
  appId: string;
  electronFuses: Record<string, boolean>;
  linux: { executableName: string };
  mac: Record<string, unknown>;
  win: Record<string, unknown>;
  [key: string]: unknown;
}

const results: { ok: boolean; text: string }[] = [];
function report(problems: readonly string[], passed: string, failed: string): void {
  if (problems.length === 0) results.push({ ok: true, text: passed });
  else results.push({ ok: false, text: `${failed}:\n${problems.map((p) => `      - ${p}`).join('\n')}` });
}

const kB = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

function fail(message: string, detail = ''): never {
  console.error(`package:check: ${message}${detail ? `\n${detail}` : ''}`);
  process.exit(1);
}

/** Runs an npm script quietly; its output is shown only if it fails. */
function npmRun(script: string): void {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) fail(`npm run ${script} failed`, `${result.stdout}${result.stderr}`);
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The fuse names in wire order, as this @electron/fuses knows them. */
function fuseNames(): string[] {
  return Object.entries(fuses.FuseV1Options)
    .filter(([key]) => /^\d+$/.test(key))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, name]) => String(name));
}

async function electronFor(platform: StandInPlatform, version: string): Promise<ElectronDistribution> {
  const real = installedElectron(root, platform);
  if (real) return { dir: real, standIn: false };
  const dir = path.join(out, `electron-${platform}`);
  await makeStandIn(dir, platform, version, fuseNames());
  return { dir, standIn: true };
}

interface Captured {
  debArgs: string[] | null;
  /** The deb's source files that existed when fpm would have run (some are temporary). */
  debSources: Set<string>;
  debDesktop: string | null;
  appImageDesktop: string | null;
}

/** Packages Linux (dir, and deb and AppImage up to their tools) and macOS (dir) in one electron-builder run. */
async function packageApp(config: BuilderConfig, electron: Record<StandInPlatform, ElectronDistribution>): Promise<Captured> {
  const builder = (await import('electron-builder')) as typeof import('electron-builder');
  const captured: Captured = { debArgs: null, debSources: new Set(), debDesktop: null, appImageDesktop: null };
  let log = '';
  const stream = builderLog.stream;
  builderLog.stream = { write: (text: string) => ((log += text), args.includes('--verbose') ? stream.write(text) : true) };
  const arch = process.arch === 'arm64' ? builder.Arch.arm64 : builder.Arch.x64;
  const targets = new Map([
    ...builder.Platform.LINUX.createTarget(['dir', 'deb', 'AppImage'], arch),
    ...builder.Platform.MAC.createTarget(['dir'], arch),
    ...builder.Platform.WINDOWS.createTarget(['dir'], builder.Arch.x64),
  ]);
  try {
    await builder.build({
      projectDir: root,
      targets,
      publish: 'never',
      config: {
        ...config,
        directories: { ...(config.directories as object), output: out },
        electronDist: (options: { platformName: string }) => electron[options.platformName as StandInPlatform].dir,
        // No signing here: this run checks the contents, and a stand-in cannot be signed.
        mac: { ...config.mac, identity: null },
        forceCodeSigning: false,
      } as never,
      // Called by the deb and AppImage targets with what they would hand to their tools;
      // true stops them there (the tools are downloaded from GitHub).
      effectiveOptionComputed: async (options: unknown) => {
        if (Array.isArray(options) && Array.isArray(options[0]) && typeof options[1] === 'string') {
          captured.debArgs = options[0] as string[];
          captured.debDesktop = await readFile(options[1], 'utf8');
          for (const { source } of debFiles(captured.debArgs)) if (existsSync(path.resolve(root, source))) captured.debSources.add(source);
        } else if (options && typeof options === 'object' && 'desktop' in options) {
          captured.appImageDesktop = String((options as { desktop: unknown }).desktop);
        }
        return true;
      },
    });
  } catch (e) {
    fail(`electron-builder failed: ${e instanceof Error ? e.message : String(e)}`, log.split('\n').slice(-30).join('\n'));
  } finally {
    builderLog.stream = stream;
  }
  return captured;
}

/** The files of an asar with their sizes, paths relative to its root. */
function asarFiles(archive: string): { path: string; size: number }[] {
  return asar
    .listPackage(archive, { isPack: false })
    .map((entry) => entry.replace(/\\/g, '/').replace(/^\//, ''))
    .map((file) => ({ path: file, stat: asar.statFile(archive, file) }))
    .filter(({ stat }) => stat.files === undefined)
    .map(({ path: file, stat }) => ({ path: file, size: stat.size ?? 0 }));
}

/** Checks one app.asar; returns its files. */
function checkAsar(archive: string, label: string, pkg: { name: string; version: string }): { path: string; size: number }[] {
  const files = asarFiles(archive);
  const names = files.map((f) => f.path);
  const { missing, leaks } = checkContents(names);
  report(
    missing,
    `${label}: the built main, preload, renderer, sample and package.json are there`,
    `${label}: parts of the app are missing`,
  );
  report(
    leaks.map((l) => `${l.file}: ${l.what}`),
    `${label}: nothing of the development tree (no sources, tests, fixtures, source maps, node_modules or CLI)`,
    `${label}: files from the development tree got in`,
  );
  if (missing.length > 0) return files;

  const main = asar.extractFile(archive, 'dist/electron/main.cjs').toString('utf8');
  const external = externalRequires(main);
  report(
    external.map((name) => `main.cjs requires "${name}", which the app does not ship (bundle it in build/build-electron.mjs)`),
    `${label}: the main process needs no package outside the asar (only Node's built-ins and electron)`,
    `${label}: the main process would fail to load`,
  );
  const html = asar.extractFile(archive, 'dist/renderer/index.html').toString('utf8');
  const assets = pageAssets(html);
  report(
    assets.filter((asset) => !names.includes(`dist/renderer/${asset}`)).map((asset) => `index.html loads ${asset}, which is not in the asar`),
    `${label}: the page's ${assets.length} scripts and styles are in the asar`,
    `${label}: the page would load without its scripts or styles`,
  );
  const samples = readdirSync(path.join(root, 'build', 'sample'));
  report(
    samples.filter((file) => !names.includes(`dist/sample/${file}`)).map((file) => `dist/sample/${file} is missing`),
    `${label}: the sample project's ${samples.length} files are there`,
    `${label}: the sample is incomplete`,
  );
  const packaged = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;
  const pkgProblems: string[] = [];
  if (packaged.name !== pkg.name || packaged.version !== pkg.version) pkgProblems.push(`it says ${String(packaged.name)} ${String(packaged.version)}, not ${pkg.name} ${pkg.version}`);
  if (typeof packaged.main !== 'string' || !names.includes(packaged.main)) pkgProblems.push(`its main, ${String(packaged.main)}, is not in the asar`);
  for (const key of ['scripts', 'devDependencies']) if (key in packaged) pkgProblems.push(`it still has ${key}`);
  report(pkgProblems, `${label}: package.json is ${pkg.name} ${pkg.version} with main ${String(packaged.main)}, no scripts or devDependencies`, `${label}: package.json is wrong`);
  return files;
}

/** The fuses read back from a packaged binary against the configuration; returns the line's detail. */
async function checkFuses(binary: string, config: BuilderConfig, label: string, standIn: boolean): Promise<void> {
  const expected = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
  let wire: Record<string, number | string>;
  try {
    wire = await fuses.getCurrentFuseWire(binary);
  } catch (e) {
    report([e instanceof Error ? e.message : String(e)], '', `${label}: the fuses could not be read`);
    return;
  }
  const problems: string[] = [];
  const set: string[] = [];
  for (const [index, name] of fuseNames().entries()) {
    const want = expected[String(index)];
    if (typeof want !== 'boolean') {
      problems.push(`${name} is not decided in build/electron-builder.json`);
      continue;
    }
    const state = wire[String(index)];
    if (state !== (want ? 49 : 48)) problems.push(`${name} is ${state === 49 ? 'on' : state === 48 ? 'off' : `in state ${String(state)}`}, not ${want ? 'on' : 'off'}`);
    set.push(`${name} ${want ? 'on' : 'off'}`);
  }
  const what = standIn ? ' (in the stand-in binary: written by electron-builder, never run by Electron)' : '';
  report(problems, `${label}: fuses read back from the packaged binary as configured${what}: ${set.join(', ')}`, `${label}: the packaged binary's fuses differ from build/electron-builder.json`);
}

/** shared-mime-info's own reader on build/linux/gloss-mime.xml, where it is installed. */
async function checkMimeFile(): Promise<void> {
  const source = path.join(root, 'build', 'linux', 'gloss-mime.xml');
  const probe = spawnSync('update-mime-database', ['-v'], { encoding: 'utf8' });
  if (probe.error) {
    const xml = readFileSync(source, 'utf8');
    const problems = /type="application\/x-gloss\+json"/.test(xml) && /<glob pattern="\*\.gloss"\/>/.test(xml) ? [] : ['the type or its glob is missing'];
    report(problems, 'build/linux/gloss-mime.xml declares application/x-gloss+json for *.gloss (update-mime-database is not installed to read it)', 'build/linux/gloss-mime.xml is wrong');
    return;
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-mime-'));
  try {
    await mkdir(path.join(dir, 'packages'));
    await copyFile(source, path.join(dir, 'packages', 'gloss.xml'));
    const result = spawnSync('update-mime-database', [dir], { encoding: 'utf8' });
    const globs = existsSync(path.join(dir, 'globs2')) ? await readFile(path.join(dir, 'globs2'), 'utf8') : '';
    const problems = result.status === 0 ? checkMimeGlobs(globs) : [`update-mime-database refused it: ${result.stderr.trim()}`];
    report(problems, 'shared-mime-info (update-mime-database) reads build/linux/gloss-mime.xml: *.gloss is application/x-gloss+json', 'the deb\'s MIME type file is wrong');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const pkg = readJson<{ name: string; version: string }>(path.join(root, 'package.json'));
  const electronVersion = readJson<{ version: string }>(path.join(root, 'node_modules', 'electron', 'package.json')).version;
  const config = readJson<BuilderConfig>(path.join(root, 'build', 'electron-builder.json'));

  if (!args.includes('--no-build')) {
    console.log('package:check: building the renderer, main process and preload…');
    npmRun('build:renderer');
    npmRun('build:electron');
  }
  for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(root, file))) fail(`${file} is missing; run npm run build (or drop --no-build)`);
  }

  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const electron = {
    linux: await electronFor('linux', electronVersion),
    darwin: await electronFor('darwin', electronVersion),
    win32: await electronFor('win32', electronVersion),
  };
  const described = (e: ElectronDistribution) => (e.standIn ? 'a stand-in (its binary is not on this machine)' : `the real one (${path.relative(root, e.dir) || e.dir})`);
  console.log(
    `package:check: packaging with electron-builder, Electron ${electronVersion}: Linux from ${described(electron.linux)}, ` +
      `macOS from ${described(electron.darwin)}, Windows from ${described(electron.win32)}…`,
  );
  const captured = await packageApp(config, electron);

  const unpacked = (await readdir(out)).filter((name) => /^linux(-\w+)?-unpacked$/.test(name));
  const linuxDir = unpacked[0] ? path.join(out, unpacked[0]) : fail(`electron-builder left no linux-unpacked folder in ${out}`);
  const macApp = (await readdir(out)).filter((name) => /^mac(-\w+)?$/.test(name)).map((name) => path.join(out, name, 'Gloss.app'))[0];
  const linuxAsar = path.join(linuxDir, 'resources', 'app.asar');
  if (!existsSync(linuxAsar)) fail(`${linuxAsar} was not written`);

  // 1. What the app holds.
  const files = checkAsar(linuxAsar, 'Linux app.asar', pkg);
  await checkFuses(path.join(linuxDir, config.linux.executableName), config, 'Linux', electron.linux.standIn);

  // 2. Linux: the desktop entry, the deb's files, the MIME type.
  const executable = config.linux.executableName;
  const iconSizes = readdirSync(path.join(root, 'build', 'icons')).map((name) => Number(/^(\d+)x\d+\.png$/.exec(name)?.[1])).filter(Boolean).sort((a, b) => a - b);
  for (const [label, desktop] of [
    ['deb', captured.debDesktop],
    ['AppImage', captured.appImageDesktop],
  ] as const) {
    report(desktop === null ? ['electron-builder did not get as far as writing it'] : checkDesktopEntry(desktop, executable), `${label} desktop entry: offered for .gloss files (MimeType=application/x-gloss+json, Exec … %U), Education;Science`, `${label} desktop entry is wrong`);
  }
  report(
    captured.debArgs === null ? ['electron-builder did not get as far as calling fpm'] : checkDebFiles(captured.debArgs, executable, iconSizes, (source) => captured.debSources.has(source)),
    `deb: installs the app in /opt, the desktop entry, app and document icons (${iconSizes.join(', ')} px) and build/linux/gloss-mime.xml`,
    'deb: its files are wrong',
  );
  await checkMimeFile();

  // 3. macOS: Info.plist, the asar integrity hash, the fuses in the framework.
  if (!macApp || !existsSync(macApp)) {
    report(['electron-builder wrote no Gloss.app'], '', 'macOS app');
  } else {
    const macAsar = path.join(macApp, 'Contents', 'Resources', 'app.asar');
    checkAsar(macAsar, 'macOS app.asar', pkg);
    const asarHash = createHash('sha256').update(asar.getRawHeader(macAsar).headerString).digest('hex');
    const info = plist.parse(await readFile(path.join(macApp, 'Contents', 'Info.plist'), 'utf8')) as Record<string, unknown>;
    const resources = await readdir(path.join(macApp, 'Contents', 'Resources'));
    report(
      checkMacInfo(info, { appId: config.appId, asarHash, resources }),
      `macOS Info.plist: ${config.appId}, .gloss opened by Gloss with document.icns, org.gloss.project = application/x-gloss+json, ElectronAsarIntegrity = app.asar's header hash ${asarHash.slice(0, 12)}…`,
      'macOS Info.plist is wrong',
    );
    await checkFuses(macApp, config, 'macOS', electron.darwin.standIn);
  }

  // 4. Windows: what the app holds; Gloss.exe's icon, name and the asar hash Electron checks
  // (resources electron-builder writes into the executable); its fuses. The .gloss
  // association is written by the NSIS installer, which is not built here.
  const winDir = (await readdir(out)).filter((name) => /^win(-\w+)?-unpacked$/.test(name)).map((name) => path.join(out, name))[0];
  if (!winDir || !existsSync(path.join(winDir, 'resources', 'app.asar'))) {
    report(['electron-builder wrote no win-unpacked/resources/app.asar'], '', 'Windows app');
  } else {
    const winAsar = path.join(winDir, 'resources', 'app.asar');
    checkAsar(winAsar, 'Windows app.asar', pkg);
    const asarHash = createHash('sha256').update(asar.getRawHeader(winAsar).headerString).digest('hex');
    const exe = path.join(winDir, 'Gloss.exe');
    const iconSizes = icoSizes(readFileSync(path.join(root, config.win.icon as string)));
    report(
      checkWindowsExecutable(readWindowsResources(readFileSync(exe)), { productName: String(config.productName), asarHash, iconSizes }),
      `Windows Gloss.exe: named Gloss, the app icon (${iconSizes.join(', ')} px), the asar integrity resource = app.asar's header hash ${asarHash.slice(0, 12)}…`,
      'Windows Gloss.exe is wrong',
    );
    await checkFuses(exe, config, 'Windows', electron.win32.standIn);
  }

  // What was found.
  const asarBytes = statSync(linuxAsar).size;
  console.log(`\napp.asar: ${kB(asarBytes)}, ${files.length} files`);
  for (const part of summarise(files)) console.log(`  ${part.part.padEnd(16)} ${String(part.files).padStart(3)} file${part.files === 1 ? ' ' : 's'}  ${kB(part.bytes).padStart(8)}`);
  console.log('');
  for (const r of results) console.log(`${r.ok ? '✓' : '✗'} ${r.text}`);
  console.log(
    '\nNot checked here: that Electron starts from this package, the fuse and asar-integrity checks at run time, ' +
      'signing and notarisation, and the installers themselves (AppImage, deb, dmg and NSIS need tools or an Electron build downloaded from ' +
      'GitHub, or macOS for the dmg; see README "Making the installers").',
  );
  const failed = results.filter((r) => !r.ok).length;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\npackage:check: ${failed === 0 ? 'passed' : `FAILED (${failed} of ${results.length})`}, ${results.length} checks in ${seconds} s; the packaged apps are in ${path.relative(root, out)}/`);
  await writeFile(path.join(out, 'summary.json'), `${JSON.stringify({ asarBytes, files, results }, null, 1)}\n`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
