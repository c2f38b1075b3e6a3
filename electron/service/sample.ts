/**
 * The sample project that ships with Gloss, opened as a copy in the user's data folder so
 * the shipped sample never changes.
 * (Placeholder signature; the implementation lands with the sample transcripts.)
 */

/** Path of the user's copy of the sample project, creating it if missing. */
export async function ensureSampleCopy(dataDir: string): Promise<string> {
  throw new Error(`The sample project is not available yet (data folder ${dataDir}).`);
}
