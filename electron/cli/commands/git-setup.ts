/** gloss git-setup (STUB: the engineer who builds it replaces this file). */
import { CliError } from '../errors';
import type { Command } from '../command';

export const gitSetupCommand: Command = {
  name: 'git-setup',
  summary: 'make git merge Gloss projects with gloss merge',
  help: 'Usage: gloss git-setup FILE (not built yet)',
  options: {},
  async run() {
    throw new CliError('git-setup is not built yet');
  },
};
