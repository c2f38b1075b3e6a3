/** gloss history lists the audit trail that commands (and the app) record; a command that deletes makes a backup. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss, type Run } from './run-gloss';
import { serializeProject } from '../../shared/model/serialize';
import { analysisFile } from '../../shared/analysis/fixtures/analysis-project';
import type { AuditEntry } from '../../shared/model/schema';

let dir: string;
const gloss = (...args: string[]): Promise<Run> => runGloss(dir, args);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-history-'));
  const file = analysisFile({
    documents: { 'Interview 1': 'We never had training.' },
    codes: { Barriers: null, Training: 'Barriers' },
    codings: [],
  });
  await fs.writeFile(path.join(dir, 'study.gloss'), serializeProject(file));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('gloss history', () => {
  it('prints nothing for a project without a trail, then the changes a command made, as lines and as JSON', async () => {
    const empty = await gloss('history', 'study.gloss');
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const memo = await gloss('memo', 'study.gloss', '--project', '--text', 'Started coding.');
    expect(memo.code).toBe(0);
    const lines = await gloss('history', 'study.gloss');
    expect(lines.stderr).toBe('');
    expect(lines.stdout).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z {2}\S.* {2}Add memo\n$/);
    const json = await gloss('history', 'study.gloss', '--json');
    const trail = JSON.parse(json.stdout) as AuditEntry[];
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ op: 'addMemo', text: 'Add memo' });
    expect(trail[0]!.id).toMatch(/^[0-9a-f]{16}$/);
  });
});
