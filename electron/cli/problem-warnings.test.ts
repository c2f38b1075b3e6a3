import { describe, expect, it } from 'vitest';
import { problemWarning, WARNED_PROBLEMS } from './problem-warnings';
import type { ProjectProblem } from '../../shared/model/check-project';

const problem = (n: number, repair: string | null = 'does it'): ProjectProblem => ({ kind: 'member-missing', table: 'sets', id: `s${n}`, message: `Problem ${n}.`, repair, blocking: false });

describe('problemWarning', () => {
  it('says nothing for a sound project', () => {
    expect(problemWarning('/p/x.gloss', { problems: [], total: 0, repairable: 0 })).toEqual([]);
  });

  it('lists a screenful, counts the rest, and points at gloss repair', () => {
    const problems = Array.from({ length: WARNED_PROBLEMS }, (_, i) => problem(i));
    const lines = problemWarning('/p/x.gloss', { problems, total: 25, repairable: 25 });
    expect(lines[0]).toBe('gloss: warning: x.gloss has 25 problems (it was opened as it is; nothing was changed because of them):');
    expect(lines.slice(1, 1 + WARNED_PROBLEMS)).toEqual(problems.map((p) => `gloss:   ${p.message}`));
    expect(lines.slice(-2)).toEqual([
      'gloss:   … and 15 more (gloss info x.gloss --json lists them all)',
      'gloss: gloss repair x.gloss mends them in one step (add --dry-run to see how first); the version before is kept as x.gloss.bak.',
    ]);
  });

  it('says when only some, or none, can be mended', () => {
    expect(problemWarning('x.gloss', { problems: [problem(1), problem(2, null)], total: 2, repairable: 1 }).at(-1)).toBe(
      'gloss: gloss repair x.gloss mends 1 of them (the others stay as they are) in one step (add --dry-run to see how first); the version before is kept as x.gloss.bak.',
    );
    expect(problemWarning('x.gloss', { problems: [problem(1, null)], total: 1, repairable: 0 }).at(-1)).toBe('gloss: nothing can mend it without loss, so it stays as it is.');
  });
});
