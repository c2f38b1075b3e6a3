/** gloss agreement FILE [--coders A,B] [--unit char|segment|document] [--min-overlap 0.9] [--code CODE] [--json] */
import { computeAgreement, DEFAULT_MIN_OVERLAP } from '../../../shared/agreement/compute';
import type { AgreementRow, AgreementUnit } from '../../../shared/agreement/types';
import type { Coder } from '../../../shared/model/schema';
import type { ProjectState } from '../../../shared/model/state';
import { CliError, UsageError, listNames, quoted } from '../errors';
import { findCode } from '../lookup';
import { readProject } from '../project-session';
import { terminalSafe } from '../../../shared/text/safe-names';
import { labelOf, noExtraArguments, optionalString, projectArgument, type Command, type OptionValues } from '../command';
import { fixed } from '../../../shared/text/fixed';

const UNITS: Record<string, AgreementUnit> = { char: 'char', character: 'char', characters: 'char', segment: 'segment', segments: 'segment', document: 'document', documents: 'document' };
const UNIT_WORDS: Record<AgreementUnit, string> = { char: 'characters', segment: 'coded segments', document: 'documents' };

/** The keys `--json` prints, in this order: exactly the ones the issue names, no internal ids. */
const JSON_KEYS = ['code', 'document', 'unit', 'coders', 'percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'counts'] as const;

function unitOption(values: OptionValues): AgreementUnit {
  const raw = optionalString(values, 'unit');
  if (raw === undefined) return 'char';
  const unit = UNITS[raw.trim().toLowerCase()];
  if (!unit) throw new UsageError(`agreement: --unit must be char, segment or document, not ${quoted(raw)}`);
  return unit;
}

/** 0.9, .9 or 90% all mean the same share. */
function minOverlapOption(values: OptionValues, unit: AgreementUnit): number | undefined {
  const raw = optionalString(values, 'min-overlap');
  if (raw === undefined) return undefined;
  if (unit !== 'segment') throw new UsageError('agreement: --min-overlap goes with --unit segment');
  const text = raw.trim();
  const percent = text.endsWith('%');
  const number = /^(\d+(\.\d*)?|\.\d+)$/.test(percent ? text.slice(0, -1).trim() : text) ? Number(percent ? text.slice(0, -1) : text) : NaN;
  const share = percent ? number / 100 : number;
  if (!(share > 0 && share <= 1)) {
    throw new UsageError(`agreement: --min-overlap must be a share above 0 and at most 1 (such as 0.9 or 90%), not ${quoted(raw)}`);
  }
  return share;
}

/** Coder ids for the names in --coders, in the order given. */
function codersByName(state: Readonly<ProjectState>, list: string, label: string): string[] {
  const coders = [...state.coders.values()];
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length < 2) throw new UsageError('agreement: --coders needs at least two names, separated by commas (--coders Ana,Ben)');
  const known = () => listNames(coders.map((c) => c.name).sort((a, b) => a.localeCompare(b)));
  return names.map((name) => {
    let matches: Coder[] = coders.filter((c) => c.name === name);
    if (matches.length === 0) matches = coders.filter((c) => c.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (matches.length === 0) throw new CliError(`${label}: no coder named ${quoted(name)} (coders: ${known()})`);
    if (matches.length > 1) throw new CliError(`${label}: ${matches.length} coders are named ${quoted(name)}; rename one of them in Gloss first`);
    return matches[0]!.id;
  });
}

function codeIdFor(state: Readonly<ProjectState>, name: string, label: string): string {
  const target = findCode(state, name);
  if (!target.existing || target.missing.length > 0) {
    throw new CliError(`${label}: no code named ${quoted(name)}; name it as in \`gloss info ${label}\`, with " > " between a parent and its child`);
  }
  return target.existing.id;
}

/** A row with exactly the keys. */
function jsonRow(row: AgreementRow): Record<string, unknown> {
  return Object.fromEntries(JSON_KEYS.map((key) => [key, row[key]]));
}

const dash = '—';
const percent = (v: number | null) => (v === null ? dash : `${fixed(v * 100, 1)} %`);
const statistic = (v: number | null) => (v === null ? dash : fixed(v, 3));

/** An aligned table: text columns left, figures right. */
function table(header: string[], rows: string[][], rightFrom: number): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i >= rightFrom ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function printTable(rows: AgreementRow[], io: { out(line: string): void }): void {
  const overall = rows.filter((r) => r.document === null);
  const perDocument = rows.filter((r) => r.document !== null);
  const header = ['Code', 'Document', 'Agreement', 'Cohen', 'Fleiss', 'Alpha', 'Units'];
  // Escaped here, not only on the way out: a line break in a name would break the table's row.
  const cells = (r: AgreementRow) => [
    terminalSafe(r.code),
    r.document === null ? '(all documents)' : terminalSafe(r.document),
    percent(r.percent_agreement),
    statistic(r.cohen_kappa),
    statistic(r.fleiss_kappa),
    statistic(r.krippendorff_alpha),
    String(r.counts.units),
  ];
  for (const line of table(header, [...overall, ...perDocument].map(cells), 2)) io.out(line);
}

export const agreementCommand: Command = {
  name: 'agreement',
  summary: 'inter-coder agreement per code and document',
  help: `Usage: gloss agreement FILE [--coders A,B] [--unit char|segment|document] [--min-overlap 0.9] [--code CODE] [--json]

Compares how coders applied each code: percentage agreement, Cohen's kappa (two coders),
Fleiss' kappa and Krippendorff's alpha (nominal), per code overall and per document
(documents any of the coders used the code in). "—" marks a value that is undefined
(no units, or no variation) or does not apply. Opens the project read-only.

Units:
  char       every character: coded with the code by a coder or not (a coder's
             overlapping codings count once); the overall row counts every character
             of the project
  segment    coded segments: two coders' codings agree when they overlap by at least
             --min-overlap of the longer one (as MAXQDA does). No unit is left uncoded
             by both, so only the percentage is defined; kappa and alpha show "—"
  document   every document with text: whether the coder used the code in it at all

Options:
  --coders A,B        coder names, two or more (default: everyone who has coded)
  --unit UNIT         char (default), segment or document
  --min-overlap X     segment unit: share of the longer coding to overlap (default ${DEFAULT_MIN_OVERLAP}; 90% works too)
  --code CODE         only this code (its name, or path such as "Barriers > Data sharing")
  --json              print a JSON array, one object per code and document and one per code
                      overall ("document": null), with the keys code, document, unit, coders,
                      percent_agreement, cohen_kappa, fleiss_kappa, krippendorff_alpha (null
                      where undefined or not applicable) and counts (units; both, only_first,
                      only_second, neither for two coders; units_by_coder_count for more;
                      agreed; coded_by)`,
  options: {
    coders: { type: 'string' },
    unit: { type: 'string' },
    'min-overlap': { type: 'string' },
    code: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(positionals, values, io) {
    const file = projectArgument(positionals, 'agreement');
    noExtraArguments(positionals, 1, 'agreement');
    const unit = unitOption(values);
    const minOverlap = minOverlapOption(values, unit);
    const coderList = optionalString(values, 'coders');
    const codeName = optionalString(values, 'code');
    const label = labelOf(file);
    const { result, names } = await readProject(file, (service) => {
      const state = service.current;
      const result = computeAgreement(state, {
        unit,
        ...(minOverlap !== undefined ? { minOverlap } : {}),
        ...(coderList !== undefined ? { coderIds: codersByName(state, coderList, label) } : {}),
        ...(codeName !== undefined ? { codeIds: [codeIdFor(state, codeName, label)] } : {}),
      });
      return { result, names: result.ok ? result.value.request.coderIds.map((id) => state.coders.get(id)!.name) : [] };
    });
    if (!result.ok) throw new CliError(`${label}: ${result.error}`);
    const { rows, request } = result.value;
    if (values.json) {
      io.out(JSON.stringify(rows.map(jsonRow)));
      return 0;
    }
    const coders = rows[0]?.coders ?? names;
    const overlap = unit === 'segment' ? ` agreeing at ${Math.round(request.minOverlap * 1000) / 10} % overlap of the longer` : '';
    io.out(`${label}: agreement of ${coders.map(terminalSafe).join(', ')} on ${UNIT_WORDS[unit]}${overlap}`);
    if (rows.length === 0) {
      io.out('No codes to compare.');
      return 0;
    }
    printTable(rows, io);
    return 0;
  },
};
