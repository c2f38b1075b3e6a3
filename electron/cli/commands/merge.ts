/** gloss merge (STUB: the engineer who builds it replaces this file). */
import { CliError } from '../errors';
import type { Command } from '../command';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge two copies of a project (also a git merge driver)',
  help: 'Usage: gloss merge FILE (not built yet)',
  options: {},
  async run() {
    throw new CliError('merge is not built yet');
  },
};
