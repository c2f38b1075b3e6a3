/** The command line's own rules, run in-process (no project is opened in these cases). */
import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from './run';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('runCli', () => {
  it('lists every command in gloss --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^Usage: gloss COMMAND FILE/);
    for (const name of ['new', 'import', 'code', 'export', 'info']) expect(out[0]).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  it('prints the help of every command, with --help, -h and gloss help NAME', async () => {
    for (const command of COMMANDS) {
      for (const argv of [[command.name, '--help'], [command.name, '-h'], ['help', command.name]]) {
        const result = await run(...argv);
        expect(result, argv.join(' ')).toEqual({ code: 0, out: [command.help], err: [] });
        // Every help starts with the usage line naming the command and what it works on.
        expect(command.help).toMatch(new RegExp(`^Usage: gloss ${command.name} [A-Z[]`));
      }
    }
  });

  it('answers usage errors with exit code 2 and one line', async () => {
    const cases: [string[], string][] = [
      [[], 'gloss: name a command: new, import, code, edit, anonymise, export, info, history, import-qdpx, import-codebook, merge, git-setup, agreement, repair, search, autocode, suggest, analyse, attribute, case, memo, summary (see gloss --help)'],
      [['frobnicate'], 'gloss: there is no command "frobnicate" (commands: new, import, code, edit, anonymise, export, info, history, import-qdpx, import-codebook, merge, git-setup, agreement, repair, search, autocode, suggest, analyse, attribute, case, memo, summary; see gloss --help)'],
      [['info', 'p.gloss', '--verbose'], 'gloss: info: unknown option --verbose (see gloss info --help)'],
      [['code', 'p.gloss', '--doc'], 'gloss: code: --doc needs a value (see gloss code --help)'],
      [['code', 'p.gloss', '--code', 'c', '--quote', 'q'], 'gloss: code: --doc is required (see gloss code --help)'],
      [['code', 'p.gloss', '--doc', 'd', '--code', 'c'], 'gloss: code: say what to code with --quote TEXT, or with --start and --end (see gloss code --help)'],
      [['code', 'p.gloss', '--doc', 'd', '--code', 'c', '--quote', 'q', '--start', '1', '--end', '2'], 'gloss: code: give either --quote or --start/--end, not both'],
      [['code', 'p.gloss', '--doc', 'd', '--code', 'c', '--start', 'two', '--end', '4'], 'gloss: code: --start must be a whole number of at least 0, not "two"'],
      [['code', 'p.gloss', '--doc', 'd', '--code', 'c', '--quote', 'q', '--occurrence', '0'], 'gloss: code: --occurrence must be a whole number of at least 1, not "0"'],
      [['code', 'p.gloss', '--doc', 'd', '--code', ' > ', '--quote', 'q'], 'gloss: code: --code needs a name'],
      [['import', 'p.gloss'], 'gloss: import: name at least one file to import (see gloss import --help)'],
      [['export', 'p.gloss'], 'gloss: export: say what to write with --excerpts, --codebook, --qdc, --qdpx, --xlsx, --html, --markdown, --web-annotations, --frequencies, --cooccurrence, --matrix, --framework or --analysis-xlsx (see gloss export --help)'],
      [['export', 'p.gloss', '--excerpts', 'p.gloss'], 'gloss: export: p.gloss is the project itself; choose another file for the export'],
      [['export', 'p.gloss', '--excerpts', 'other.GLOSS'], 'gloss: export: other.GLOSS names a Gloss project; choose another file for the export'],
      [['info'], 'gloss: info: name the project file (see gloss info --help)'],
      [['info', 'a.gloss', 'b.gloss'], 'gloss: info: unexpected argument "b.gloss" (see gloss info --help)'],
    ];
    for (const [argv, message] of cases) {
      expect(await run(...argv), argv.join(' ')).toEqual({ code: 2, out: [], err: [message] });
    }
  });

  it('prints its version', async () => {
    const result = await run('--version');
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^\d+\.\d+\.\d+/);
  });
});
