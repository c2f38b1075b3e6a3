/** gloss import-codebook (STUB: the engineer who builds it replaces this file). */
import { CliError } from '../errors';
import type { Command } from '../command';

export const importCodebookCommand: Command = {
  name: 'import-codebook',
  summary: 'add a codebook (.qdc or .csv) to a project',
  help: 'Usage: gloss import-codebook FILE (not built yet)',
  options: {},
  async run() {
    throw new CliError('import-codebook is not built yet');
  },
};
