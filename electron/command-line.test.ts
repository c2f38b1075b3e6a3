import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectFileFromArgv } from './command-line';

describe('projectFileFromArgv', () => {
  const cwd = path.resolve('/home/ana/projects');

  it('finds the project after `electron .` and resolves it against the working folder', () => {
    expect(projectFileFromArgv(['/usr/bin/electron', '.', 'study.gloss'], cwd)).toBe(path.join(cwd, 'study.gloss'));
  });

  it('finds it in a packaged app or a second instance with Chromium switches around it', () => {
    const abs = path.resolve('/data/My Study.GLOSS');
    expect(projectFileFromArgv(['/opt/Gloss/gloss', '--no-sandbox', abs, '--allow-file-access-from-files'], cwd)).toBe(abs);
  });

  it('returns null when no project is named', () => {
    expect(projectFileFromArgv(['/usr/bin/electron', '.'], cwd)).toBeNull();
    expect(projectFileFromArgv(['/usr/bin/electron', '.', '--flag=x.gloss'], cwd)).toBeNull();
    // argv[0] is the executable, never a project.
    expect(projectFileFromArgv(['weird.gloss'], cwd)).toBeNull();
  });
});
