/** gloss import-qdpx (STUB: the engineer who builds it replaces this file). */
import { CliError } from '../errors';
import type { Command } from '../command';

export const importQdpxCommand: Command = {
  name: 'import-qdpx',
  summary: 'read a REFI-QDA project (.qdpx) into a new Gloss project',
  help: 'Usage: gloss import-qdpx FILE (not built yet)',
  options: {},
  async run() {
    throw new CliError('import-qdpx is not built yet');
  },
};
