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
