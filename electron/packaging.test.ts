/**
 * The packaged app's Electron fuses, as build/electron-builder.json sets them, read through
 * electron-builder's own translation into @electron/fuses' wire (what `npm run dist` flips
 * in the binary).
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

interface FusesModule {
  FuseV1Options: Record<string, number | string>;
}
interface BuilderModule {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: Record<string, boolean>): Promise<Record<string, unknown>> } };
}

async function builderConfig(): Promise<{ electronFuses: Record<string, boolean>; asar: boolean }> {
  return JSON.parse(await fs.readFile(path.join(root, 'build', 'electron-builder.json'), 'utf8'));
}

describe('the packaged app’s fuses', () => {
  it('are all set, each the safe way, as electron-builder will write them into the binary', async () => {
    const { FuseV1Options } = require('@electron/fuses') as FusesModule;
    const { PlatformPackager } = require('app-builder-lib') as BuilderModule;
    const config = await builderConfig();
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    const fuse = (name: string) => wire[String(FuseV1Options[name])];

    // The executable is never a plain Node (ELECTRON_RUN_AS_NODE), takes no NODE_OPTIONS or
    // NODE_EXTRA_CA_CERTS, and opens no inspector (--inspect, SIGUSR1).
    expect(fuse('RunAsNode')).toBe(false);
    expect(fuse('EnableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(fuse('EnableNodeCliInspectArguments')).toBe(false);
    // Cookies on disk are encrypted with the OS key store.
    expect(fuse('EnableCookieEncryption')).toBe(true);
    // Only app.asar is loaded, and on macOS and Windows only when its hash matches the one
    // electron-builder embeds at packaging.
    expect(fuse('EnableEmbeddedAsarIntegrityValidation')).toBe(true);
    expect(fuse('OnlyLoadAppFromAsar')).toBe(true);
    expect(config.asar).toBe(true);
    // The renderer comes from app://, so file:// pages get no extra privileges.
    expect(fuse('GrantFileProtocolExtraPrivileges')).toBe(false);
    expect(fuse('LoadBrowserProcessSpecificV8Snapshot')).toBe(false);

    // Every fuse this @electron/fuses knows is decided: a new one in an upgrade fails here until chosen.
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(known.length).toBeGreaterThanOrEqual(8);
    for (const name of known) expect(typeof fuse(name), name).toBe('boolean');
  });

  it('uses only keys electron-builder’s configuration schema knows (it refuses others)', async () => {
    const schema = JSON.parse(await fs.readFile(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      definitions: Record<string, { properties?: Record<string, unknown> }>;
    };
    const allowed = Object.keys(schema.definitions.FuseOptionsV1?.properties ?? {});
    expect(allowed).toContain('runAsNode');
    const { electronFuses } = await builderConfig();
    for (const key of Object.keys(electronFuses)) expect(allowed, key).toContain(key);
  });
});

interface FileAssociation {
  ext: string;
  role?: string;
  icon?: string;
}
interface FullConfig {
  appId: string;
  files: string[];
  linux: { target: string[]; category: string; mimeTypes: string[]; executableName: string; icon: string };
  deb: { fpm: string[] };
  appImage: { artifactName: string };
  mac: { target: { target: string; arch: string[] }[]; icon: string; fileAssociations: FileAssociation[]; extendInfo: { UTExportedTypeDeclarations: Record<string, unknown>[] } };
  dmg: { artifactName: string };
  win: { target: { target: string; arch: string[] }[]; icon: string; fileAssociations: FileAssociation[] };
  nsis: { artifactName: string; oneClick: boolean; perMachine: boolean; packElevateHelper: boolean; deleteAppDataOnUninstall: boolean };
}

const PROJECT_MIME_TYPE = 'application/x-gloss+json';
const readConfig = async (): Promise<FullConfig> => JSON.parse(await fs.readFile(path.join(root, 'build', 'electron-builder.json'), 'utf8'));
const buildFile = (file: string) => fs.readFile(path.join(root, file));

/** The width and height a PNG's header states. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('the installers’ configuration', () => {
  it('builds an AppImage and a deb for Linux, a dmg for Intel and Apple silicon Macs, and a per-user NSIS installer for Windows', async () => {
    const config = await readConfig();
    expect(config.appId).toBe('org.gloss.app');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category.split(';')).toEqual(['Education', 'Science']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    // Per user: no administrator rights asked for, nothing installed for other accounts,
    // and uninstalling keeps the user's data folder (projects live wherever they were saved).
    expect(config.nsis).toMatchObject({ perMachine: false, packElevateHelper: false, deleteAppDataOnUninstall: false });
    expect([config.appImage.artifactName, config.dmg.artifactName, config.nsis.artifactName]).toEqual([
      'Gloss-${version}-${arch}.${ext}',
      'Gloss-${version}-${arch}.${ext}',
      'Gloss-Setup-${version}.${ext}',
    ]);
  });

  it('associates .gloss files with Gloss on every platform, with the project MIME type and a document icon of their own', async () => {
    const config = await readConfig();
    expect(config.linux.mimeTypes).toEqual([PROJECT_MIME_TYPE]);
    const mime = (await buildFile('build/linux/gloss-mime.xml')).toString('utf8');
    expect(mime).toContain(`<mime-type type="${PROJECT_MIME_TYPE}">`);
    expect(mime).toContain('<glob pattern="*.gloss"/>');
    expect(config.deb.fpm).toContain('build/linux/gloss-mime.xml=/usr/share/mime/packages/gloss.xml');

    expect(config.mac.fileAssociations).toEqual([expect.objectContaining({ ext: 'gloss', role: 'Editor', icon: 'build/document' })]);
    const declared = config.mac.extendInfo.UTExportedTypeDeclarations[0]!;
    expect(declared.UTTypeIconFile).toBe('document.icns');
    expect(declared.UTTypeTagSpecification).toEqual({ 'public.filename-extension': ['gloss'], 'public.mime-type': [PROJECT_MIME_TYPE] });

    expect(config.win.fileAssociations).toEqual([expect.objectContaining({ ext: 'gloss', icon: 'build/document' })]);
  });

  it('has every icon file it names, each in its platform’s format and sizes', async () => {
    const config = await readConfig();
    for (const icns of [config.mac.icon, 'build/document.icns']) {
      const data = await buildFile(icns);
      expect(data.subarray(0, 4).toString('latin1'), icns).toBe('icns');
      expect(data.readUInt32BE(4), icns).toBe(data.length);
      expect(data.includes(Buffer.from('ic10')), `${icns} has a 1024 px image`).toBe(true);
    }
    for (const ico of [config.win.icon, 'build/document.ico']) {
      const data = await buildFile(ico);
      expect([data.readUInt16LE(0), data.readUInt16LE(2)], ico).toEqual([0, 1]);
      const sizes = Array.from({ length: data.readUInt16LE(4) }, (_, i) => data[6 + 16 * i] || 256);
      expect(sizes, ico).toEqual(expect.arrayContaining([16, 32, 48, 256]));
      // Each entry points at a PNG of the size it states.
      for (let i = 0; i < sizes.length; i++) {
        const offset = data.readUInt32LE(6 + 16 * i + 12);
        expect(pngSize(data.subarray(offset)), `${ico} entry ${i}`).toEqual([sizes[i], sizes[i]]);
      }
    }
    for (const set of [config.linux.icon, 'build/document-icons']) {
      for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(pngSize(await buildFile(`${set}/${size}x${size}.png`)), `${set} ${size}`).toEqual([size, size]);
    }
    // Every file the deb adds exists.
    for (const arg of config.deb.fpm) await expect(fs.access(path.join(root, arg.split('=')[0]!))).resolves.toBeUndefined();
  });

  it('packs only the built app: no sources, source maps, CLI bundle or node_modules', async () => {
    const { files } = await readConfig();
    expect(files).toEqual(expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/**/*', '!dist/renderer/**/*.map', 'dist/sample/**/*', 'package.json', '!node_modules/**/*']));
    expect(files.filter((pattern) => !pattern.startsWith('!') && !pattern.startsWith('dist/') && pattern !== 'package.json')).toEqual([]);
    expect(files.some((pattern) => pattern.startsWith('dist/cli') || pattern === 'dist/**/*')).toBe(false);
  });
});
