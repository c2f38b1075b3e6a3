/**
 * The `gloss` command line: picks the command, parses its options, and turns every
 * failure into one line on stderr and a non-zero exit code.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UsageError, toCliError } from './errors';
import { terminalSafeText } from '../../shared/text/safe-names';
import type { CliIo, Command, OptionValues } from './command';
import { anonymiseCommand } from './commands/anonymise';
import { codeCommand } from './commands/code';
import { editCommand } from './commands/edit';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { historyCommand } from './commands/history';
import { newCommand } from './commands/new';
import { importQdpxCommand } from './commands/import-qdpx';
import { importCodebookCommand } from './commands/import-codebook';
import { mergeCommand } from './commands/merge';
import { gitSetupCommand } from './commands/git-setup';
import { agreementCommand } from './commands/agreement';
import { repairCommand } from './commands/repair';
import { searchCommand } from './commands/search';
import { autocodeCommand } from './commands/autocode';
import { suggestCommand } from './commands/suggest';
import { analyseCommand } from './commands/analyse';
import { attributeCommand } from './commands/attribute';
import { caseCommand } from './commands/case';
import { memoCommand } from './commands/memo';
import { summaryCommand } from './commands/summary';
import { setWarningSink } from './problem-warnings';

export const COMMANDS: readonly Command[] = [
  newCommand,
  importCommand,
  codeCommand,
  editCommand,
  anonymiseCommand,
  exportCommand,
  infoCommand,
  historyCommand,
  importQdpxCommand,
  importCodebookCommand,
  mergeCommand,
  gitSetupCommand,
  agreementCommand,
  repairCommand,
  searchCommand,
  autocodeCommand,
  suggestCommand,
  analyseCommand,
  attributeCommand,
  caseCommand,
  memoCommand,
  summaryCommand,
];

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: gloss COMMAND FILE [options]',
    '',
    'Works on a Gloss project file (*.gloss) without opening the app.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `gloss COMMAND --help` for a command\'s options. Gloss keeps its settings (the coder',
    'name) in its data folder; set GLOSS_DATA_DIR to use another one.',
  ].join('\n');
}

/** node:util's parse errors, reworded to name the option and the command. */
function parseError(e: unknown, command: string): UsageError {
  const error = e as NodeJS.ErrnoException;
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] ?? '';
  const see = `(see gloss ${command} --help)`;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`${command}: unknown option ${option} ${see}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new UsageError(`${command}: ${option} needs a value ${see}`);
    default:
      return new UsageError(`${command}: ${error.message.split('\n')[0]} ${see}`);
  }
}

/** One line, whatever the message held. */
const oneLine = (message: string) => message.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Runs the CLI with `argv` (without node and the script); resolves to the exit code.
 * Every line goes out through terminalSafeText: names are user data, and a control or bidi
 * character in one must show as an escape, not act on the terminal (a JSON line stays the
 * same JSON, since the escapes are JSON's own).
 */
export async function runCli(argv: string[], terminal: CliIo): Promise<number> {
  const io: CliIo = { ...terminal, out: (line) => terminal.out(terminalSafeText(line)), err: (line) => terminal.err(terminalSafeText(line)) };
  const [first, ...rest] = argv;
  setWarningSink((line) => io.err(line));
  try {
    if (first === undefined) throw new UsageError(`name a command: ${COMMANDS.map((c) => c.name).join(', ')} (see gloss --help)`);
    if (first === '--help' || first === '-h') {
      io.out(generalHelp());
      return 0;
    }
    if (first === '--version' || first === '-v') {
      io.out(version());
      return 0;
    }
    if (first === 'help') {
      const topic = rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
      if (rest[0] && !topic) throw new UsageError(`there is no command "${rest[0]}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
      io.out(topic ? topic.help : generalHelp());
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (!command) {
      throw new UsageError(`there is no command "${first}" (commands: ${COMMANDS.map((c) => c.name).join(', ')}; see gloss --help)`);
    }
    let parsed: { values: OptionValues; positionals: string[] };
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: true,
        strict: true,
      }) as { values: OptionValues; positionals: string[] };
    } catch (e) {
      throw parseError(e, command.name);
    }
    if (parsed.values.help) {
      io.out(command.help);
      return 0;
    }
    return await command.run(parsed.positionals, parsed.values, io);
  } catch (e) {
    const error = toCliError(e);
    if (error) {
      io.err(`gloss: ${oneLine(error.message)}`);
      if (process.env.GLOSS_DEBUG && error !== e) console.error(e);
      return error.exitCode;
    }
    // Not a problem with the input: say so plainly, with the detail only when asked for.
    io.err(`gloss: internal error: ${oneLine((e as Error)?.message ?? String(e))}`);
    if (process.env.GLOSS_DEBUG) console.error(e);
    return 70;
  } finally {
    setWarningSink(null);
  }
}
