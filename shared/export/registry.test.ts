import { describe, expect, it } from 'vitest';
import { exportProject } from './fixtures/export-project';
import { EXPORT_FORMATS, EXPORT_IDS, EXPORT_LINES, exportFileName, type ExportBody, type ExportFormat } from './registry';
import { safeStem } from '../text/safe-names';
import { exportKindSchema } from '../ipc/contract';
import { EXPORT_LABELS, EXPORT_ORDER } from '../ipc/export-kinds';
import { COMMANDS, exportCommand } from '../app/commands';
import { exportSaveFilter } from '../app/file-choosers';

/**
 * What is wrong with the registry's lines, one message per problem: everything a line must
 * say for the menus, the save dialog, the file name and the CLI to follow from it.
 */
function lineProblems(lines: readonly ExportFormat[]): string[] {
  const problems: string[] = [];
  const seen = (what: string, values: string[]) => {
    const twice = values.filter((v, i) => values.indexOf(v) !== i);
    if (twice.length > 0) problems.push(`${what} used twice: ${twice.join(', ')}`);
  };
  for (const line of lines) {
    const name = line.id || '(no id)';
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(line.id)) problems.push(`${name}: id is not lower-case-with-dashes`);
    if (line.label.trim() === '') problems.push(`${name}: no label`);
    if (!/^\.[a-z0-9]+$/.test(line.extension)) problems.push(`${name}: extension ${JSON.stringify(line.extension)} is not a lower-case ".ext"`);
    if (!/^[a-z]+\/[a-z0-9.+-]+$/.test(line.mimeType)) problems.push(`${name}: MIME type ${JSON.stringify(line.mimeType)} is not type/subtype`);
    // The suffix joins a safe project name: it must keep the name safe.
    if (safeStem(`x${line.nameSuffix}`) !== `x${line.nameSuffix}`) problems.push(`${name}: name suffix ${JSON.stringify(line.nameSuffix)} is not safe in a file name`);
    if (!line.menu && !line.cli) problems.push(`${name}: offered neither in the app's menus nor by the CLI`);
    if (line.cli) {
      if (!/^[a-z]+(-[a-z]+)*$/.test(line.cli.flag)) problems.push(`${name}: CLI option ${JSON.stringify(line.cli.flag)} is not lower-case-with-dashes`);
      if (line.cli.value.trim() === '') problems.push(`${name}: CLI option takes nothing`);
      if (line.cli.help.trim() === '') problems.push(`${name}: CLI option has no help`);
    }
    if (line.csv && line.extension !== '.csv') problems.push(`${name}: raw CSV cells apply, but it is not a .csv`);
    if (typeof line.load !== 'function') problems.push(`${name}: no builder`);
  }
  seen('id', lines.map((l) => l.id));
  seen('label', lines.map((l) => l.label));
  seen('file name', lines.map((l) => `${l.nameSuffix}${l.extension}`));
  seen('CLI option', lines.flatMap((l) => (l.cli ? [l.cli.flag] : [])));
  return problems;
}

/** What the body of a format's MIME type must be. */
function bodyFits(mimeType: string, body: ExportBody): boolean {
  if (mimeType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return typeof body === 'object' && 'kind' in body && body.kind === 'workbook';
  if (mimeType === 'application/zip') return body instanceof Uint8Array && body[0] === 0x50 && body[1] === 0x4b; // "PK"
  return typeof body === 'string' || body instanceof Uint8Array;
}

const builds = { base: 'Pilot', csvRaw: false };

describe('export registry', () => {
  it('has no incomplete line', () => {
    expect(lineProblems(EXPORT_FORMATS)).toEqual([]);
  });

  it('finds an incomplete line (the check above can fail)', () => {
    const good = EXPORT_FORMATS[0];
    const broken: ExportFormat[] = [
      good,
      { ...good, id: 'Notes', label: ' ', extension: 'md', mimeType: 'markdown', nameSuffix: ' / notes', menu: undefined, cli: undefined, csv: true },
      { ...good, id: 'excerpts-csv-2', label: 'Other', cli: { flag: 'excerpts', value: '', help: '' } },
    ];
    expect(lineProblems(broken)).toEqual([
      'Notes: id is not lower-case-with-dashes',
      'Notes: no label',
      'Notes: extension "md" is not a lower-case ".ext"',
      'Notes: MIME type "markdown" is not type/subtype',
      'Notes: name suffix " / notes" is not safe in a file name',
      "Notes: offered neither in the app's menus nor by the CLI",
      'Notes: raw CSV cells apply, but it is not a .csv',
      'excerpts-csv-2: CLI option takes nothing',
      'excerpts-csv-2: CLI option has no help',
      'file name used twice:  - excerpts.csv',
      'CLI option used twice: excerpts',
    ]);
  });

  it('loads each line’s builder once, and it builds the test project in the line’s MIME type', async () => {
    for (const line of EXPORT_LINES) {
      const build = await line.load();
      expect(await line.load(), line.id).toBe(build);
      const built = build(exportProject(), builds);
      expect(built.ok, line.id).toBe(true);
      if (built.ok) expect(bodyFits(line.mimeType, built.value), `${line.id} builds ${line.mimeType}`).toBe(true);
    }
  });

  it('is where the contract, menus, commands and save dialogs take their formats from', () => {
    expect(exportKindSchema.options).toEqual([...EXPORT_IDS]);
    expect([...EXPORT_ORDER].sort()).toEqual(EXPORT_LINES.filter((l) => l.menu).map((l) => l.id).sort());
    for (const kind of EXPORT_ORDER) {
      const line = EXPORT_LINES.find((l) => l.id === kind)!;
      expect(EXPORT_LABELS[kind]).toBe(line.label);
      expect(COMMANDS[exportCommand(kind)].label).toBe(`${line.label}…`);
      expect(exportSaveFilter(kind)).toEqual({ name: line.label, extensions: [line.extension.slice(1)] });
    }
    expect(COMMANDS['export-excerpts-csv'].keys).toEqual(['Mod+E']);
    expect(exportFileName('project-qdpx-utf16', 'Pilot')).toBe('Pilot (NVivo).qdpx');
    expect(exportFileName('excerpts-csv', 'Pilot')).toBe('Pilot - excerpts.csv');
    expect(exportFileName('frequencies-csv', 'Pilot')).toBe('Pilot - frequencies.csv');
    expect(exportFileName('cooccurrence-csv', 'Pilot')).toBe('Pilot - co-occurrence.csv');
    expect(exportFileName('matrix-csv', 'Pilot')).toBe('Pilot - matrix.csv');
    expect(exportFileName('framework-md', 'Pilot')).toBe('Pilot - framework.md');
    expect(exportFileName('analysis-xlsx', 'Pilot')).toBe('Pilot - analysis.xlsx');
    expect(COMMANDS['export-frequencies-csv'].label).toBe('Code frequencies (CSV)…');
  });

  it('lists the menus by group: the everyday exports, the analysis tables, then exchange with other QDA tools, then the rest', () => {
    expect(EXPORT_ORDER).toEqual([
      'excerpts-csv',
      'codebook-csv',
      'xlsx',
      'html-report',
      'markdown-zip',
      'frequencies-csv',
      'cooccurrence-csv',
      'matrix-csv',
      'framework-md',
      'analysis-xlsx',
      'codebook-qdc',
      'project-qdpx',
      'project-qdpx-utf16',
      'web-annotations',
    ]);
  });
});
