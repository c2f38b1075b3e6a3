/**
 * Who codes from the CLI or the browser host: --coder NAME, else the coder saved in Gloss's
 * settings.
 */
import type { Coder } from '../../shared/model/schema';
import { ProjectService } from './project-service';
import { defaultDataDir, ensureCoder } from './settings';

/**
 * The coder for a change to a project whose coders are `known`. A name that already codes
 * in the project keeps its id, so two runs with `--coder Alice` are one coder to the
 * agreement figures, not two.
 */
export async function coderAmong(known: Iterable<Coder>, name: string | undefined, dataDir = defaultDataDir()): Promise<Coder> {
  const wanted = name?.trim();
  if (wanted) {
    for (const coder of known) if (coder.name === wanted) return coder;
  }
  return ensureCoder(dataDir, wanted || undefined);
}

/**
 * The coder for a change to `file`, before it is opened (coderAmong once it is open saves
 * reading it twice). The project is read only when a name is given.
 */
export async function coderFor(file: string, name: string | undefined, dataDir = defaultDataDir()): Promise<Coder> {
  let known: Coder[] = [];
  if (name?.trim()) {
    try {
      known = (await ProjectService.read(file)).coders;
    } catch {
      // Opening the project reports what is wrong with it, with the right message.
    }
  }
  return coderAmong(known, name, dataDir);
}
