/**
 * Who codes from the CLI or the browser host: --coder NAME, else the coder saved in Gloss's
 * settings.
 */
import type { Coder } from '../../shared/model/schema';
import { ProjectService } from '../service/project-service';
import { defaultDataDir, ensureCoder } from '../service/settings';

/**
 * The coder for a change to `file`. A name that already codes in the project keeps its id,
 * so two runs with `--coder Alice` are one coder to the agreement figures, not two.
 */
export async function coderFor(file: string, name: string | undefined, dataDir = defaultDataDir()): Promise<Coder> {
  const wanted = name?.trim();
  if (wanted) {
    let known: Coder | undefined;
    try {
      known = (await ProjectService.read(file)).coders.find((c) => c.name === wanted);
    } catch {
      // Opening the project reports what is wrong with it, with the right message.
    }
    if (known) return known;
  }
  return ensureCoder(dataDir, wanted || undefined);
}
