/** gloss agreement (STUB: the engineer who builds it replaces this file). */
import { CliError } from '../errors';
import type { Command } from '../command';

export const agreementCommand: Command = {
  name: 'agreement',
  summary: 'inter-coder agreement per code and document',
  help: 'Usage: gloss agreement FILE (not built yet)',
  options: {},
  async run() {
    throw new CliError('agreement is not built yet');
  },
};
