/**
 * Windows executables through resedit, the PE resource editor electron-builder writes
 * them with: reading the resources that say what Gloss.exe is (its version strings, the
 * sizes of its icon, and the asar hashes Electron checks at start, the INTEGRITY /
 * ELECTRONASAR resource, a JSON list of { file, alg, value }), and making the stand-in
 * electron.exe.
 */
import { createRequire } from 'node:module';
import type { WindowsResources } from './desktop-integration';

/** The part of resedit used here (it comes with electron-builder, not as our dependency). */
interface ResourceEntry {
  type: string | number;
  id: string | number;
  lang: number;
  codepage: number;
  bin: ArrayBuffer;
}
interface Language {
  lang: number;
  codepage: number;
}
interface VersionInfo {
  lang: number;
  getAllLanguagesForStringValues(): Language[];
  getStringValues(language: Language): Record<string, string>;
  setStringValues(language: Language, values: Record<string, string>): void;
  setFileVersion(version: string): void;
  outputToResourceEntries(entries: ResourceEntry[]): void;
}
interface ExecutableResources {
  entries: ResourceEntry[];
  outputResource(executable: unknown): void;
}
interface Resedit {
  NtExecutable: { from(bin: Buffer): unknown; createEmpty(is32Bit: boolean, isDll: boolean): { generate(): ArrayBuffer } };
  NtExecutableResource: { from(executable: unknown): ExecutableResources };
  Resource: {
    VersionInfo: { fromEntries(entries: ResourceEntry[]): VersionInfo[]; createEmpty(): VersionInfo };
    IconGroupEntry: { fromEntries(entries: ResourceEntry[]): { icons: { width: number }[] }[] };
  };
}

const resedit = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'))('resedit') as Resedit;

/** What Gloss.exe's resources say; fields it lacks are empty. */
export function readWindowsResources(exe: Buffer): WindowsResources {
  const resources = resedit.NtExecutableResource.from(resedit.NtExecutable.from(exe));
  const versionInfo = resedit.Resource.VersionInfo.fromEntries(resources.entries)[0];
  const language = versionInfo?.getAllLanguagesForStringValues()[0];
  const strings = versionInfo && language ? versionInfo.getStringValues(language) : {};
  const iconSizes = resedit.Resource.IconGroupEntry.fromEntries(resources.entries).flatMap((group) => group.icons.map((icon) => icon.width || 256));
  const integrity = resources.entries.find((entry) => entry.type === 'INTEGRITY' && entry.id === 'ELECTRONASAR');
  return {
    strings,
    iconSizes,
    integrity: integrity ? (JSON.parse(Buffer.from(integrity.bin).toString('utf8')) as WindowsResources['integrity']) : null,
  };
}

/**
 * A Windows executable with nothing to run: a valid PE file with the version resource
 * electron.exe has (electron-builder edits it with resedit and adds the asar hash to it)
 * and the fuse wire in a data resource, where @electron/fuses finds it by its sentinel.
 */
export function standInWindowsExecutable(wire: Buffer, version: string): Buffer {
  const executable = resedit.NtExecutable.createEmpty(false, false);
  const resources = resedit.NtExecutableResource.from(executable);
  const versionInfo = resedit.Resource.VersionInfo.createEmpty();
  const language = { lang: 1033, codepage: 1200 }; // en-US, UTF-16, as electron.exe
  versionInfo.lang = language.lang;
  versionInfo.setStringValues(language, { ProductName: 'Electron', FileDescription: 'Stand-in for Electron, made by npm run package:check' });
  versionInfo.setFileVersion(version);
  versionInfo.outputToResourceEntries(resources.entries);
  const RT_RCDATA = 10;
  resources.entries.push({ type: RT_RCDATA, id: 1, lang: language.lang, codepage: language.codepage, bin: new Uint8Array(wire).buffer });
  resources.outputResource(executable);
  return Buffer.from(executable.generate());
}
