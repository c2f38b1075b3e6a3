/**
 * The options of `gloss export`, from the export registry (shared/export/registry.ts): one
 * per line with a `cli`, in the registry's order, with the usage line, the help's option
 * list and the words of its messages. The command's own options that qualify a format's
 * (--csv-raw, --positions, --force) are placed beside the option they qualify.
 */
import { EXPORT_LINES, exportFormat, type ExportCliOption, type ExportId } from '../../../shared/export/registry';
import type { OptionSpec } from '../command';
import { REPORT_SECTIONS } from '../../../shared/export/report-sections';
import { FILTER_OPTIONS } from '../analysis-options';

/** A format `gloss export` writes, with its option. */
export interface CliExport {
  id: ExportId;
  cli: ExportCliOption;
}

/** Every format with an option, in the registry's order (the order files are written and printed in). */
export const CLI_EXPORTS: readonly CliExport[] = EXPORT_LINES.flatMap((f) => (f.cli ? [{ id: f.id, cli: f.cli }] : []));

/** The formats whose cells --csv-raw leaves as they are, by option: "--excerpts and --codebook". */
const CSV_FLAGS = CLI_EXPORTS.filter((f) => exportFormat(f.id).csv).map((f) => `--${f.cli.flag}`);

/** `a, b or c` (with `last` as the last joining word). */
function listed(items: readonly string[], last: string): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

/** The formats that count under a filter: the analysis tables, and the HTML report's analysis sections (with --with). */
export const FILTERED_FLAGS = CLI_EXPORTS.filter((f) => exportFormat(f.id).menu === 'analysis').map((f) => `--${f.cli.flag}`);

/** "--frequencies, … or --analysis-xlsx, or --html with --with": what the filter options apply to, for their message. */
export const FILTER_TARGETS_TEXT = `${listed(FILTERED_FLAGS, 'or')}, or --html with --with`;

/** The single-file outputs: option name and the export kind it writes. */
export const FILE_OPTIONS: readonly [string, ExportId][] = CLI_EXPORTS.filter((f) => !f.cli.folder).map((f) => [f.cli.flag, f.id]);

/** "--excerpts, --codebook, … or --web-annotations": what export can write, for its messages. */
export const EXPORT_FLAGS_TEXT = listed(
  CLI_EXPORTS.map((f) => `--${f.cli.flag}`),
  'or',
);

/** What --csv-raw applies to, for its message: "--excerpts and --codebook". */
export const CSV_RAW_TARGETS_TEXT = listed(CSV_FLAGS, 'and');

/** Words wrapped into lines of the help's description column (at most 72 characters). */
function wrapped(text: string): string {
  const lines = [''];
  for (const word of text.split(' ')) {
    const line = lines.at(-1)!;
    if (line === '' || `${line} ${word}`.length <= 72) lines[lines.length - 1] = line === '' ? word : `${line} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/** An option of the command's own that qualifies a format's option. */
interface Qualifier {
  /** As the help's option list shows it. */
  option: string;
  /** As the usage line shows it. */
  usage: string;
  /** Shown inside the format option's brackets in the usage line ([--qdpx OUT [--positions …]]), or after them. */
  inside: boolean;
  help: string;
}

/** The command's own options, by the format whose option they qualify. */
const QUALIFIERS: Readonly<Partial<Record<ExportId, Qualifier>>> = {
  'codebook-csv': {
    option: '--csv-raw',
    usage: '[--csv-raw]',
    inside: false,
    help: wrapped(`with ${CSV_RAW_TARGETS_TEXT}: no ' before a cell that begins with =, +, -, @, TAB or CR (the text exactly as in the project)`),
  },
  'project-qdpx': {
    option: '--positions UNIT',
    usage: '[--positions utf16|codepoints]',
    inside: true,
    help: 'positions in the .qdpx: codepoints (the standard, the default) or\nutf16 (what NVivo reads)',
  },
  'html-report': {
    option: '--with SECTIONS',
    usage: `[--with ${REPORT_SECTIONS.join(',')}]`,
    inside: true,
    help: `with --html: add these analysis tables after the codebook, comma-\nseparated: ${REPORT_SECTIONS.join(', ')} (or all)`,
  },
  'markdown-zip': {
    option: '--force',
    usage: '[--force]',
    inside: true,
    help: 'with --markdown: replace notes of the same name already in DIR\n(without it, gloss refuses and writes nothing)',
  },
};

/** The option specs for parseArgs: a string per format option, and the qualifiers. */
export const EXPORT_OPTION_SPECS: Record<string, OptionSpec> = {
  ...Object.fromEntries(CLI_EXPORTS.map((f) => [f.cli.flag, { type: 'string' } as const])),
  positions: { type: 'string' },
  force: { type: 'boolean' },
  'csv-raw': { type: 'boolean' },
  with: { type: 'string' },
  ...FILTER_OPTIONS,
};

/** Usage lines are wrapped to this width. */
const USAGE_WIDTH = 95;

/**
 * The usage: `start` ("Usage: gloss export FILE") and every format option in brackets,
 * wrapped, continuation lines indented as far as start's last word.
 */
export function exportUsage(start: string): string {
  const indent = ' '.repeat(start.lastIndexOf(' '));
  const items = CLI_EXPORTS.flatMap(({ id, cli }) => {
    const qualifier = QUALIFIERS[id];
    const own = `--${cli.flag} ${cli.value}`;
    if (!qualifier) return [`[${own}]`];
    return qualifier.inside ? [`[${own} ${qualifier.usage}]`] : [`[${own}]`, qualifier.usage];
  });
  const lines = [start];
  for (const item of items) {
    const line = lines.at(-1)!;
    if (`${line} ${item}`.length <= USAGE_WIDTH) lines[lines.length - 1] = `${line} ${item}`;
    else lines.push(`${indent}${item}`);
  }
  return lines.join('\n');
}

/** Where the help's descriptions start. */
const HELP_COLUMN = 22;

/** One option in the help: its name, then its description from HELP_COLUMN (on the next line when the name is too long). */
function optionHelp(name: string, description: string): string {
  const [first = '', ...rest] = description.split('\n');
  const head = `  ${name}`;
  const indent = ' '.repeat(HELP_COLUMN);
  const top = head.length + 2 <= HELP_COLUMN ? `${head.padEnd(HELP_COLUMN)}${first}` : `${head}\n${indent}${first}`;
  return [top, ...rest.map((line) => `${indent}${line}`)].join('\n');
}

/** The help's option list: each format option with its description, then any qualifier. */
export function exportOptionsHelp(): string {
  return CLI_EXPORTS.flatMap(({ id, cli }) => {
    const qualifier = QUALIFIERS[id];
    const own = optionHelp(`--${cli.flag} ${cli.value}`, cli.help);
    return qualifier ? [own, optionHelp(qualifier.option, qualifier.help)] : [own];
  }).join('\n');
}
