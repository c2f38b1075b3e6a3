/**
 * The project check and gloss repair as a user meets them: problems on stderr whenever a
 * command opens the project, in `info --json` as "problems", and mended by `gloss repair`.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGloss } from './run-gloss';
import { serializeProject } from '../../shared/model/serialize';
import { smallProject } from '../../shared/model/fixtures/small-project';

let dir: string;
const gloss = (...args: string[]) => runGloss(dir, args);
const read = (name: string) => fs.readFile(path.join(dir, name));

/** The small project with a memo on a deleted document and a set member that is gone. */
function damaged(): string {
  const file = smallProject();
  file.memos[0]!.target = { kind: 'document', id: 'deleted-doc' };
  file.sets[0]!.memberIds.push('deleted-doc');
  return serializeProject(file);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-repair-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('problems on open', () => {
  it('info --json lists them under "problems" and stderr says them, with the way out', async () => {
    await fs.writeFile(path.join(dir, 'a.gloss'), damaged());
    const run = await gloss('info', 'a.gloss', '--json');
    expect(run.code).toBe(0);
    const info = JSON.parse(run.stdout);
    expect(info).toMatchObject({ documents: 2, memos: 1 });
    expect(info.problems).toEqual([
      {
        kind: 'memo-target-missing',
        table: 'memos',
        id: 'm1',
        message: 'Memo “Why” is on document deleted-doc, which is not in the project, so it is shown nowhere.',
        repair: 'makes it a memo on the project, where it is shown',
      },
      { kind: 'member-missing', table: 'sets', id: 's1', message: 'Set “Key” lists document deleted-doc, which is not in the project.', repair: 'takes deleted-doc off the list' },
    ]);
    expect(run.stderr).toBe(
      [
        'gloss: warning: a.gloss has 2 problems (it was opened as it is; nothing was changed because of them):',
        'gloss:   Memo “Why” is on document deleted-doc, which is not in the project, so it is shown nowhere.',
        'gloss:   Set “Key” lists document deleted-doc, which is not in the project.',
        'gloss: gloss repair a.gloss mends them in one step (add --dry-run to see how first); the version before is kept as a.gloss.bak.',
        '',
      ].join('\n'),
    );
  });

  it('a sound project has an empty "problems" list and nothing on stderr', async () => {
    await fs.writeFile(path.join(dir, 'sound.gloss'), serializeProject(smallProject()));
    const run = await gloss('info', 'sound.gloss', '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout).problems).toEqual([]);
  });

  it('a command that changes the project warns too, and still does its work', async () => {
    await fs.writeFile(path.join(dir, 'b.gloss'), damaged());
    const run = await gloss('code', 'b.gloss', '--doc', 'B', '--code', 'x', '--quote', 'longer', '--coder', 'Ana');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^gloss: warning: b\.gloss has 2 problems/);
    expect(JSON.parse((await read('b.gloss')).toString()).codings).toHaveLength(2);
  });

  it('refuses a project with a repeated id by name, from every command, and leaves it untouched', async () => {
    const file = smallProject();
    file.codes.push({ ...file.codes[0]!, name: 'y' });
    const text = JSON.stringify(file);
    await fs.writeFile(path.join(dir, 'dup.gloss'), text);
    for (const args of [['info', 'dup.gloss'], ['code', 'dup.gloss', '--doc', 'B', '--code', 'x', '--quote', 'beta'], ['repair', 'dup.gloss']]) {
      const run = await gloss(...args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('gloss: dup.gloss could not be opened: duplicate id k1 in codes, entries 0 and 1. The file was left untouched.\n');
    }
    expect((await read('dup.gloss')).toString()).toBe(text);
  });
});

describe('gloss repair', () => {
  it('--dry-run says what it would mend and changes nothing', async () => {
    await fs.writeFile(path.join(dir, 'c.gloss'), damaged());
    const run = await gloss('repair', 'c.gloss', '--dry-run');
    expect(run).toEqual({
      code: 0,
      stdout: [
        'c.gloss: repair would mend 2 problems (nothing was changed):',
        '  Memo “Why” is on document deleted-doc, which is not in the project, so it is shown nowhere. Repair makes it a memo on the project, where it is shown.',
        '  Set “Key” lists document deleted-doc, which is not in the project. Repair takes deleted-doc off the list.',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect((await read('c.gloss')).toString()).toBe(damaged());
  });

  it('mends them in one write, keeps the version before as .bak, and the project opens clean', async () => {
    await fs.writeFile(path.join(dir, 'd.gloss'), damaged());
    const run = await gloss('repair', 'd.gloss');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('d.gloss: mended 2 problems; the version before is kept as d.gloss.bak:');
    const after = JSON.parse((await read('d.gloss')).toString());
    expect(after.memos[0].target).toEqual({ kind: 'project' });
    expect(after.memos[0].text).toBe('because');
    expect(after.sets[0].memberIds).toEqual(['d1', 'd2']);
    expect((await read('d.gloss.bak')).toString()).toBe(damaged());
    const info = await gloss('info', 'd.gloss', '--json');
    expect(info.stderr).toBe('');
    expect(JSON.parse(info.stdout).problems).toEqual([]);
  });

  it('says when there is nothing to mend, and writes nothing', async () => {
    const text = serializeProject(smallProject());
    await fs.writeFile(path.join(dir, 'e.gloss'), text);
    expect(await gloss('repair', 'e.gloss')).toEqual({ code: 0, stdout: 'e.gloss: the project check found nothing to mend; nothing was changed\n', stderr: '' });
    expect((await read('e.gloss')).toString()).toBe(text);
    await expect(fs.stat(path.join(dir, 'e.gloss.bak'))).rejects.toThrow();
  });
});
