// Whether bin/gloss.mjs may run the prebuilt CLI (dist/cli/, made by build/build-cli.mjs)
// or must compile the TypeScript sources with tsx. Plain JavaScript with no dependencies:
// it runs before anything else, on every start, so it reads one small file and stats the
// sources, nothing more (about a millisecond).
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where the bundle sits in a checkout, and the manifest written last by every build. */
export const BUNDLE_DIR = 'dist/cli';
export const ENTRY_FILE = 'gloss.mjs';
export const MANIFEST_FILE = 'manifest.json';

/**
 * Says which way to run the CLI of the checkout at `root`: `{ bundle }` (the entry file's
 * path) when the prebuilt CLI is complete and every source it was built from is as it was
 * then (same size, same modification time within a millisecond, as far as copies keep it), else `{ reason }`, why the sources must be run
 * instead. "As it was", not "not newer": a file put back from an archive or another branch
 * may carry an older time. A source that no longer exists is not a reason (a module that
 * imported it changed too, and an install without sources can only run the bundle).
 */
export function chooseCli(root) {
  const dir = path.join(root, BUNDLE_DIR);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return { reason: `there is no prebuilt CLI in ${BUNDLE_DIR} (npm run build:cli makes it)` };
  }
  const inputs = manifest?.inputs;
  if (typeof inputs !== 'object' || inputs === null) {
    return { reason: `${BUNDLE_DIR}/${MANIFEST_FILE} is not one build-cli.mjs wrote (npm run build:cli makes it again)` };
  }
  for (const [input, seen] of Object.entries(inputs)) {
    const now = statSync(path.join(root, input), { throwIfNoEntry: false });
    if (!now) continue;
    if (!Array.isArray(seen) || !(Math.abs(now.mtimeMs - seen[0]) < 1) || now.size !== seen[1]) {
      return { reason: `${input} changed after the prebuilt CLI was made (npm run build:cli brings it up to date)` };
    }
  }
  return { bundle: path.join(dir, ENTRY_FILE) };
}
