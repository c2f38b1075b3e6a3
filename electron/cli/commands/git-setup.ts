/** gloss git-setup [DIR]: makes git merge *.gloss files with gloss merge. */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fileErrorReason } from '../../service/fs-reasons';
import { CliError } from '../errors';
import { noExtraArguments, type Command } from '../command';

const run = promisify(execFile);

/** The line in .gitattributes that sends *.gloss files to the driver named "gloss". */
export const ATTRIBUTES_LINE = '*.gloss merge=gloss';

/** The script the `gloss` command runs, wherever this checkout or install lives. */
const BIN = fileURLToPath(new URL('../../../bin/gloss.mjs', import.meta.url));

/** `text` as one word for the POSIX shell git runs drivers with (Git for Windows too). */
function shellWord(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The driver command. Absolute paths of node and of bin/gloss.mjs, so it works from any
 * folder and whatever PATH the shell running git has.
 */
export function driverCommand(): string {
  return `${shellWord(process.execPath)} ${shellWord(BIN)} merge --base %O %A %B -o %A --name %P`;
}

/** The one failure of git that is not about the repository. */
const NO_GIT = 'git-setup: git is not installed (or not on PATH)';

async function git(dir: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd: dir });
    return stdout.trim();
  } catch (e) {
    const error = e as NodeJS.ErrnoException & { stderr?: string };
    if (error.code === 'ENOENT') throw new CliError(NO_GIT);
    const detail = (error.stderr ?? '').trim().split('\n')[0] || error.message;
    throw new CliError(`git-setup: git ${args[0]} failed in ${dir}: ${detail}`);
  }
}

export const gitSetupCommand: Command = {
  name: 'git-setup',
  summary: 'make git merge Gloss projects with gloss merge',
  help: `Usage: gloss git-setup [DIR]

In the git repository at DIR (default: the current folder), makes git merge *.gloss files
with gloss merge instead of line by line:
  - adds "${ATTRIBUTES_LINE}" to .gitattributes at the top of the repository (once);
  - sets merge.gloss.name and merge.gloss.driver in the repository's git config, the
    driver running this Gloss by absolute path, so it works from any folder.
Commit .gitattributes so everyone gets it; each clone runs gloss git-setup once, since git
config is not shared. Run it again after moving Gloss.`,
  options: {},
  async run(positionals, _values, io) {
    noExtraArguments(positionals, 1, 'git-setup');
    const dir = path.resolve(positionals[0] ?? '.');
    try {
      await fs.access(dir);
    } catch (e) {
      throw new CliError(`git-setup: ${dir}: ${fileErrorReason(e, 'reading')}`);
    }
    // Outside a repository rev-parse fails; a missing git must still be named as such.
    const inside = await git(dir, ['rev-parse', '--is-inside-work-tree']).catch((e: unknown) => {
      if (e instanceof CliError && e.message === NO_GIT) throw e;
      return 'false';
    });
    if (inside !== 'true') throw new CliError(`git-setup: ${dir} is not inside a git repository (run git init there first)`);
    const top = await git(dir, ['rev-parse', '--show-toplevel']);

    const attributes = path.join(top, '.gitattributes');
    let existing = '';
    try {
      existing = await fs.readFile(attributes, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`git-setup: ${attributes}: ${fileErrorReason(e, 'reading')}`);
    }
    if (existing.split(/\r?\n/).some((line) => line.trim() === ATTRIBUTES_LINE)) {
      io.out(`${attributes}: already has "${ATTRIBUTES_LINE}"`);
    } else {
      const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
      try {
        await fs.appendFile(attributes, `${separator}${ATTRIBUTES_LINE}\n`, 'utf8');
      } catch (e) {
        throw new CliError(`git-setup: ${attributes} could not be written (${fileErrorReason(e)})`);
      }
      io.out(`${attributes}: added "${ATTRIBUTES_LINE}"`);
    }
    const driver = driverCommand();
    await git(top, ['config', 'merge.gloss.name', 'Gloss project merge']);
    await git(top, ['config', 'merge.gloss.driver', driver]);
    io.out('git config merge.gloss.name "Gloss project merge"');
    io.out(`git config merge.gloss.driver ${JSON.stringify(driver)}`);
    io.out('Commit .gitattributes so that every clone merges projects this way; run gloss git-setup in each clone.');
    return 0;
  },
};
