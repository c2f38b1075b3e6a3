/**
 * What Help ▸ About Gloss says: the version, the licence, the project-file format this
 * build writes, the runtime and the data folder. Pure, so it is tested without Electron.
 */
import { CURRENT_VERSION, FORMAT } from '../shared/model/schema';

/** Gloss's licence, as package.json's "license" names it (a test keeps the two equal). */
export const LICENCE = 'MIT';

export interface AboutFacts {
  version: string;
  electron: string;
  chrome: string;
  node: string;
  dataDir: string;
}

/** The About box's heading and body. */
export function aboutText(facts: AboutFacts): { message: string; detail: string } {
  return {
    message: `Gloss ${facts.version}`,
    detail: [
      'Offline qualitative research: import texts, code passages, find them again and export them.',
      '',
      `Licence: ${LICENCE}`,
      `Project files: ${FORMAT} format version ${CURRENT_VERSION} (older versions are brought up to date when opened)`,
      `Electron ${facts.electron}, Chromium ${facts.chrome}, Node ${facts.node}`,
      `Data folder: ${facts.dataDir}`,
    ].join('\n'),
  };
}
