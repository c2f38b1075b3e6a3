/**
 * The resources of a Windows executable that say what it is, read with resedit (the PE
 * resource editor electron-builder writes them with): its version strings, the sizes of
 * its icon, and the asar hashes Electron checks at start (the INTEGRITY/ELECTRONASAR
 * resource, a JSON list of { file, alg, value }).
 */
import { createRequire } from 'node:module';
import type * as Resedit from 'resedit';
import type { WindowsResources } from './desktop-integration';

const resedit = createRequire(createRequire(import.meta.url).resolve('app-builder-lib'))('resedit') as typeof Resedit;

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
