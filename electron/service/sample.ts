/**
 * The sample project that ships with Gloss. The shipped files (three transcripts and a
 * codebook in build/sample/, copied to dist/sample/ by the build) are never written to:
 * the user gets a project built from them in their data folder, by the same service
 * operations the app uses, so the copy is valid by construction.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Coder } from '../../shared/model/schema';
import { emptyProjectFile } from '../../shared/model/state';
import { findOccurrence } from '../../shared/text/quote';
import type { OpResponse } from '../../shared/ipc/contract';
import type { OpRequest } from '../../shared/ops/requests';
import { backupPath, ProjectOpenError } from './durable-file';
import { fileExists } from './free-path';
import { ProjectService } from './project-service';

export const SAMPLE_FILE_NAME = 'Sample project.gloss';

/**
 * Where the shipped sample lives in the source tree. The Electron build passes its own
 * copy (dist/sample) instead, since build/ is not part of the packaged app.
 */
export const SOURCE_SAMPLE_DIR = fileURLToPath(new URL('../../build/sample/', import.meta.url));

/** The coder credited with the sample's codings; a fixed id so every copy agrees. */
export const SAMPLE_CODER: Coder = { id: '5a3b1e00-9c1d-4c57-8f0e-000000005a11', name: 'Gloss sample', color: '#7f7f7f' };

interface CodeSpec {
  name: string;
  color: string;
  description: string;
  children?: CodeSpec[];
}

const codeSpec: z.ZodType<CodeSpec> = z.lazy(() =>
  z.object({
    name: z.string().min(1),
    color: z.string().regex(/^#[0-9a-f]{6}$/i),
    description: z.string(),
    children: z.array(codeSpec).optional(),
  }),
);

const codebookSchema = z.object({
  project: z.object({ name: z.string().min(1), description: z.string() }),
  /** Transcript file names, imported in this order. */
  documents: z.array(z.string().min(1)).min(1),
  codes: z.array(codeSpec),
  codings: z.array(
    z.object({
      /** Document name (its file name without the extension). */
      document: z.string().min(1),
      /** Code path from the root, names joined by " > ". */
      code: z.string().min(1),
      /** Exact text to code; the nth occurrence in the document (default the first). */
      quote: z.string().min(1),
      occurrence: z.number().int().positive().optional(),
    }),
  ),
});
export type SampleCodebook = z.infer<typeof codebookSchema>;

/** Reads and checks the shipped codebook. */
export async function readSampleCodebook(sampleDir: string = SOURCE_SAMPLE_DIR): Promise<SampleCodebook> {
  const file = path.join(sampleDir, 'codebook.json');
  const parsed = codebookSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'malformed'} (the shipped sample is damaged).`);
  }
  return parsed.data;
}

/**
 * Path of the user's copy of the sample project, `<dataDir>/Sample project.gloss`. An
 * existing valid copy is returned untouched (it is the user's to change); a damaged one is
 * moved aside, never overwritten, and a fresh copy is built from the shipped files.
 */
export async function ensureSampleCopy(dataDir: string, sampleDir: string = SOURCE_SAMPLE_DIR): Promise<string> {
  const target = path.join(dataDir, SAMPLE_FILE_NAME);
  try {
    await ProjectService.read(target);
    return target;
  } catch (e) {
    if (!(e instanceof ProjectOpenError)) throw e;
    if (e.kind !== 'missing') await setAside(target);
  }
  await fs.mkdir(dataDir, { recursive: true });

  // Built under a temporary name and renamed into place, so a crash half-way never leaves
  // a half-built sample where the app would open it.
  const temp = path.join(dataDir, `.${SAMPLE_FILE_NAME}.${process.pid}.${Date.now()}.building`);
  try {
    await buildSample(temp, sampleDir);
    await fs.rm(backupPath(temp), { force: true });
    // Another Gloss process may have built it meanwhile; theirs wins, ours is dropped.
    if (await fileExists(target)) return target;
    await fs.rename(temp, target);
  } finally {
    await fs.rm(temp, { force: true });
    await fs.rm(backupPath(temp), { force: true });
  }
  return target;
}

/** Renames a damaged copy to a name that says so, keeping it for the user. */
async function setAside(file: string): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = file.replace(/\.gloss$/, ` (damaged ${stamp}).gloss`);
  await fs.rename(file, aside);
}

function check(response: OpResponse, what: string): Extract<OpResponse, { ok: true }> {
  if (!response.ok) throw new Error(`Building the sample project failed at ${what}: ${response.error}`);
  return response;
}

async function buildSample(file: string, sampleDir: string): Promise<void> {
  const book = await readSampleCodebook(sampleDir);
  const initial = emptyProjectFile(book.project.name, new Date().toISOString());
  initial.project.description = book.project.description;
  const service = await ProjectService.create(file, book.project.name, { coder: SAMPLE_CODER }, initial);
  try {
    const files = await Promise.all(
      book.documents.map(async (name) => ({ name, bytes: new Uint8Array(await fs.readFile(path.join(sampleDir, name))) })),
    );
    const imported = await service.importFiles(files);
    if (imported.failed.length > 0 || !imported.result) {
      throw new Error(`Building the sample project failed: ${imported.failed.map((f) => f.error).join(' ') || 'nothing imported'}`);
    }
    check(imported.result, 'import');

    const codeIds = new Map<string, string>();
    const createCodes = (specs: CodeSpec[], parentPath: string | null) => {
      for (const spec of specs) {
        const codePath = parentPath ? `${parentPath} > ${spec.name}` : spec.name;
        const request: OpRequest = {
          type: 'createCode',
          name: spec.name,
          color: spec.color,
          description: spec.description,
          parentId: parentPath ? codeIds.get(parentPath)! : null,
        };
        const created = check(service.run(request), `code “${codePath}”`);
        codeIds.set(codePath, created.created.codeId!);
        createCodes(spec.children ?? [], codePath);
      }
    };
    createCodes(book.codes, null);

    const documents = new Map(imported.imported.map((d) => [d.name, d.id]));
    for (const coding of book.codings) {
      const where = `coding “${coding.quote.slice(0, 40)}…” in “${coding.document}”`;
      const documentId = documents.get(coding.document);
      const codeId = codeIds.get(coding.code);
      if (!documentId || !codeId) throw new Error(`Building the sample project failed at ${where}: unknown document or code.`);
      const text = service.current.documents.get(documentId)!.text;
      const start = findOccurrence(text, coding.quote, coding.occurrence ?? 1);
      if (start < 0) throw new Error(`Building the sample project failed at ${where}: the quote is not in the text.`);
      check(service.run({ type: 'applyCode', documentId, codeId, start, end: start + coding.quote.length }), where);
    }
  } finally {
    await service.close();
  }
}
