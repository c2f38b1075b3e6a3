import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codePath } from '../../shared/model/codes';
import { stateFromFile } from '../../shared/model/state';
import { ensureSampleCopy, readSampleCodebook, SAMPLE_CODER, SAMPLE_FILE_NAME, SOURCE_SAMPLE_DIR } from './sample';
import { ProjectService } from './project-service';

let dataDir: string;

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-sample-'));
});

afterEach(async () => {
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('ensureSampleCopy', () => {
  it('builds a valid project with the three transcripts, the codebook and its codings', async () => {
    const file = await ensureSampleCopy(dataDir);
    expect(file).toBe(path.join(dataDir, SAMPLE_FILE_NAME));

    const project = await ProjectService.read(file);
    const state = stateFromFile(project);
    expect(project.project.name).toBe('Sample project');

    expect(project.documents.map((d) => d.name).sort()).toEqual([
      'Interview 1 - Detective sergeant',
      'Interview 2 - Safeguarding manager',
      'Interview 3 - Victim support caseworker',
    ]);
    for (const doc of project.documents) {
      const shipped = await fs.readFile(path.join(SOURCE_SAMPLE_DIR, `${doc.name}.txt`), 'utf8');
      expect(doc.text).toBe(shipped.replace(/\r\n?/g, '\n'));
      const words = doc.text.split(/\s+/).length;
      expect(words).toBeGreaterThan(600);
      expect(words).toBeLessThan(1000);
    }

    const paths = project.codes.map((c) => codePath(state, c.id)).sort();
    expect(paths).toEqual(['Data sharing', 'Data sharing > Delays', 'Training gaps', 'Victim support', 'Workload']);
    expect(new Set(project.codes.map((c) => c.color)).size).toBe(project.codes.length);
    for (const code of project.codes) expect(code.description.length).toBeGreaterThan(20);

    expect(project.coders).toEqual([SAMPLE_CODER]);

    const book = await readSampleCodebook();
    expect(project.codings).toHaveLength(book.codings.length);
    expect(book.codings.length).toBeGreaterThanOrEqual(10);
    for (const coding of project.codings) {
      const doc = state.documents.get(coding.documentId)!;
      expect(doc.text.slice(coding.start, coding.end)).toBe(coding.quote);
      expect(coding.coderId).toBe(SAMPLE_CODER.id);
    }
    // Every coding of the codebook is present, on the code and document it names.
    const actual = project.codings
      .map((c) => {
        const doc = state.documents.get(c.documentId)!.name;
        const code = codePath(state, c.codeId);
        return `${doc} | ${code} | ${c.quote}`;
      })
      .sort();
    const expected = book.codings.map((c) => `${c.document} | ${c.code} | ${c.quote}`).sort();
    expect(actual).toEqual(expected);

    // Nothing but the project itself is left behind (no temp file, backup or lock).
    expect(await fs.readdir(dataDir)).toEqual([SAMPLE_FILE_NAME]);
  });

  it('returns the existing copy unchanged on the next call', async () => {
    const file = await ensureSampleCopy(dataDir);
    const before = await fs.readFile(file);
    const mtime = (await fs.stat(file)).mtimeMs;
    expect(await ensureSampleCopy(dataDir)).toBe(file);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect((await fs.stat(file)).mtimeMs).toBe(mtime);
  });

  it('keeps the user’s changes to their copy', async () => {
    const file = await ensureSampleCopy(dataDir);
    const service = await ProjectService.open(file, { coder: SAMPLE_CODER });
    expect(service.run({ type: 'renameProject', name: 'My practice project' }).ok).toBe(true);
    await service.close();
    await ensureSampleCopy(dataDir);
    expect((await ProjectService.read(file)).project.name).toBe('My practice project');
  });

  it('moves a damaged copy aside instead of overwriting it, and builds a new one', async () => {
    const file = path.join(dataDir, SAMPLE_FILE_NAME);
    await fs.writeFile(file, '{ not json');
    expect(await ensureSampleCopy(dataDir)).toBe(file);
    expect((await ProjectService.read(file)).documents).toHaveLength(3);
    const others = (await fs.readdir(dataDir)).filter((f) => f !== SAMPLE_FILE_NAME);
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/^Sample project \(damaged .+\)\.gloss$/);
    expect(await fs.readFile(path.join(dataDir, others[0]!), 'utf8')).toBe('{ not json');
  });
});
