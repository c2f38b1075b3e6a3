/**
 * The export registry: one module per format and one line here. Adding a format is a new
 * module exporting an ExportBuilder and one line in EXPORT_FORMATS; everything else
 * follows from the line:
 * - the contract's ExportKind and its payload schema (shared/ipc/contract.ts);
 * - the desktop File ▸ Export menu, the toolbar's Export menu and their commands
 *   (shared/app/commands.ts, shared/ipc/export-kinds.ts), for lines with a `menu`;
 * - the save dialog's file filter (shared/app/file-choosers.ts);
 * - the file built for the app and the CLI (electron/service/export-file.ts);
 * - the `gloss export` option, its help and its messages (electron/cli/commands/export.ts),
 *   for lines with a `cli`.
 *
 * The builder module is loaded when the format is first exported, so a window or a
 * `gloss info` that exports nothing never loads it; the window never loads one at all (the
 * host builds every export, and the renderer's build leaves the modules out). A builder
 * that needs Node (exceljs for XLSX) returns a description instead of bytes, and the host
 * writes it (a Workbook, written by electron/export/xlsx.ts).
 *
 * registry.test.ts fails when a line is incomplete: an empty label, an extension or MIME
 * type that is not one, a name or option used twice, a builder that does not load or does
 * not build the fixture project, a format neither the app nor the CLI offers.
 */
import type { ProjectState } from '../model/state';
import type { Result } from '../result';
import type { Workbook } from './workbook';
import type { AnalysisFilter } from '../analysis/scope';
import type { ReportSection } from './report-sections';

/** What a builder makes: text, bytes, or a workbook for the host to write as .xlsx. */
export type ExportBody = string | Uint8Array | Workbook;

export interface BuildOptions {
  /** The start of the file name, the project's name made safe (file-names.ts exportBaseName). */
  base: string;
  /** CSV cells exactly as they are, without the ' that keeps a spreadsheet from running a formula. */
  csvRaw: boolean;
  /** What the analysis exports count (the Analysis view's filter, `gloss export --set …`); everything when absent. */
  filter?: AnalysisFilter;
  /** The analysis sections the HTML report holds besides its codebook and excerpts; none when absent. */
  sections?: readonly ReportSection[];
}

/**
 * Builds one export of `state`; an error (in words a user reads) when the project cannot
 * be expressed in the format (a codebook with no codes).
 */
export type ExportBuilder = (state: ProjectState, options: BuildOptions) => Result<ExportBody>;

/** The `gloss export` option that writes a format. */
export interface ExportCliOption {
  /** Its name without the dashes: `excerpts` for --excerpts. */
  flag: string;
  /** What it takes, as the help shows it: `OUT.csv`. */
  value: string;
  /** The help's description; a line break starts a new line of the help. */
  help: string;
  /** The CLI writes a folder of files here instead of the one file the app downloads (the Markdown notes). */
  folder?: boolean;
}

/** Where the Export menus list a format: the everyday exports, the analysis tables, exchange with other QDA tools, the rest. */
export type ExportMenuGroup = 'everyday' | 'analysis' | 'exchange' | 'other';

export interface ExportFormat {
  /** The export kind channels and commands name it by (`export-<id>`). */
  id: string;
  /** As the Export menus show it (with "…"), and the status line while it is made. */
  label: string;
  /** What the file name adds to the project's name: " - excerpts" makes "Pilot - excerpts.csv". */
  nameSuffix: string;
  /** Lower-case, with the dot. */
  extension: string;
  mimeType: string;
  /** Where the app's Export menus offer it; absent when only the CLI writes it. */
  menu?: ExportMenuGroup;
  /** The desktop app's shortcut for it (shared/app/keys.ts), for the everyday export. */
  keys?: readonly string[];
  /** The `gloss export` option that writes it; absent when the CLI does not. */
  cli?: ExportCliOption;
  /** CSV whose cells the raw-CSV setting (--csv-raw) applies to. */
  csv?: boolean;
  /** The builder, from its module (loaded once, on first use). */
  load(): Promise<ExportBuilder>;
}

/**
 * The formats, in the CLI's order (its help, its options and the order it writes files
 * in); the menus list them by `menu` group, in this order within a group.
 */
export const EXPORT_FORMATS = [
  {
    id: 'excerpts-csv',
    label: 'Coded excerpts (CSV)',
    nameSuffix: ' - excerpts',
    extension: '.csv',
    mimeType: 'text/csv',
    menu: 'everyday',
    keys: ['Mod+E'],
    csv: true,
    cli: {
      flag: 'excerpts',
      value: 'OUT.csv',
      help: 'one row per coding (RFC 4180, UTF-8 with a BOM for Excel):\ndocument,code,code_path,coder,start,end,text,memo,created_at',
    },
    load: async () => (await import('./csv-excerpts')).excerptsCsvExport,
  },
  {
    id: 'codebook-csv',
    label: 'Codebook (CSV)',
    nameSuffix: ' - codebook',
    extension: '.csv',
    mimeType: 'text/csv',
    menu: 'everyday',
    csv: true,
    cli: { flag: 'codebook', value: 'OUT.csv', help: 'one row per code:\ncode,code_path,parent,description,color,codings,documents' },
    load: async () => (await import('./csv-codebook')).codebookCsvExport,
  },
  {
    id: 'codebook-qdc',
    label: 'Codebook (REFI-QDA .qdc)',
    nameSuffix: ' - codebook',
    extension: '.qdc',
    mimeType: 'application/xml',
    menu: 'exchange',
    cli: {
      flag: 'qdc',
      value: 'OUT.qdc',
      help: 'the codebook as REFI-QDA XML (Codebook-mrt2019.xsd), for NVivo,\nATLAS.ti, MAXQDA and QualCoder',
    },
    load: async () => (await import('../formats/refi/qdc-export')).codebookQdcExport,
  },
  {
    // Positions in Unicode code points, as the REFI-QDA standard says.
    id: 'project-qdpx',
    label: 'Project (REFI-QDA .qdpx)',
    nameSuffix: '',
    extension: '.qdpx',
    mimeType: 'application/zip',
    menu: 'exchange',
    cli: { flag: 'qdpx', value: 'OUT.qdpx', help: 'the whole project as REFI-QDA (texts, codes, codings, memos,\ncases, variables, sets)' },
    load: async () => (await import('../formats/refi/qdpx-export')).qdpxExport,
  },
  {
    // Positions in UTF-16 code units, what NVivo reads; the CLI writes it with --qdpx OUT --positions utf16.
    id: 'project-qdpx-utf16',
    label: 'Project for NVivo (.qdpx, UTF-16 positions)',
    nameSuffix: ' (NVivo)',
    extension: '.qdpx',
    mimeType: 'application/zip',
    menu: 'exchange',
    load: async () => (await import('../formats/refi/qdpx-export')).qdpxUtf16Export,
  },
  {
    id: 'xlsx',
    label: 'Workbook (Excel .xlsx)',
    nameSuffix: '',
    extension: '.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    menu: 'everyday',
    cli: {
      flag: 'xlsx',
      value: 'OUT.xlsx',
      help: 'an Excel workbook: sheets Excerpts, Codebook and Code frequencies\n(codes × documents with totals)',
    },
    load: async () => (await import('./workbook')).workbookExport,
  },
  {
    id: 'html-report',
    label: 'Report (HTML)',
    nameSuffix: ' - report',
    extension: '.html',
    mimeType: 'text/html',
    menu: 'everyday',
    cli: {
      flag: 'html',
      value: 'OUT.html',
      help: "a report in one self-contained, printable file: the codebook and\nevery code's excerpts grouped by document",
    },
    load: async () => (await import('./html-report')).htmlReportExport,
  },
  {
    // One Markdown file per code: a .zip of them from the app, a folder from the CLI.
    id: 'markdown-zip',
    label: 'Notes per code (Markdown .zip)',
    nameSuffix: ' - markdown',
    extension: '.zip',
    mimeType: 'application/zip',
    menu: 'everyday',
    cli: {
      flag: 'markdown',
      value: 'DIR',
      folder: true,
      help:
        'one Markdown note per code (YAML front matter, quoted excerpts)\nand an index.md, for Obsidian or pandoc. All or nothing: the\n' +
        'notes are written beside DIR first and moved in when all are\nwritten. A new DIR appears whole; into an existing DIR the notes\n' +
        'are added and its other files left alone; if anything fails (a\nfull disk), DIR is as it was',
    },
    load: async () => (await import('./markdown')).markdownZipExport,
  },
  {
    id: 'web-annotations',
    label: 'Web Annotations (JSON-LD)',
    nameSuffix: ' - annotations',
    extension: '.jsonld',
    mimeType: 'application/ld+json',
    menu: 'other',
    cli: {
      flag: 'web-annotations',
      value: 'OUT.jsonld',
      help: 'every coding as a W3C Web Annotation (JSON-LD), codes as tags,\npositions in code points',
    },
    load: async () => (await import('./web-annotation')).webAnnotationsExport,
  },
  {
    // The analysis tables (shared/export/analysis-tables.ts): the rows `gloss analyse VIEW --csv` writes, under the Analysis view's filter in the app.
    id: 'frequencies-csv',
    label: 'Code frequencies (CSV)',
    nameSuffix: ' - frequencies',
    extension: '.csv',
    mimeType: 'text/csv',
    menu: 'analysis',
    csv: true,
    cli: {
      flag: 'frequencies',
      value: 'OUT.csv',
      help: 'one row per code, as gloss analyse frequencies --csv: code,code_path,\ncodings,documents,characters and the same three with sub-codes',
    },
    load: async () => (await import('./analysis-tables')).frequenciesCsvExport,
  },
  {
    id: 'cooccurrence-csv',
    label: 'Code co-occurrence (CSV)',
    nameSuffix: ' - co-occurrence',
    extension: '.csv',
    mimeType: 'text/csv',
    menu: 'analysis',
    csv: true,
    cli: {
      flag: 'cooccurrence',
      value: 'OUT.csv',
      help: 'one row per pair of codes that co-occur, as gloss analyse\ncooccurrence --csv: code_a,code_b,count,c_coefficient',
    },
    load: async () => (await import('./analysis-tables')).cooccurrenceCsvExport,
  },
  {
    id: 'matrix-csv',
    label: 'Codes × documents matrix (CSV)',
    nameSuffix: ' - matrix',
    extension: '.csv',
    mimeType: 'text/csv',
    menu: 'analysis',
    csv: true,
    cli: {
      flag: 'matrix',
      value: 'OUT.csv',
      help: 'codings of each code in each document, as gloss analyse matrix\n--csv: code_path, then a column per document',
    },
    load: async () => (await import('./analysis-tables')).matrixCsvExport,
  },
  {
    id: 'framework-md',
    label: 'Framework matrix (Markdown)',
    nameSuffix: ' - framework',
    extension: '.md',
    mimeType: 'text/markdown',
    menu: 'analysis',
    cli: {
      flag: 'framework',
      value: 'OUT.md',
      help: 'the framework matrix as Markdown: a section per case (per\ndocument when there are no cases), its summary per code',
    },
    load: async () => (await import('./analysis-tables')).frameworkMarkdownExport,
  },
  {
    id: 'analysis-xlsx',
    label: 'Analysis tables (Excel .xlsx)',
    nameSuffix: ' - analysis',
    extension: '.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    menu: 'analysis',
    cli: {
      flag: 'analysis-xlsx',
      value: 'OUT.xlsx',
      help: 'the analysis tables as one workbook: sheets Code frequencies,\nCo-occurrence (codes × codes), Co-occurring pairs, Codes ×\ndocuments and Framework matrix',
    },
    load: async () => (await import('./analysis-tables')).analysisWorkbookExport,
  },
] as const satisfies readonly ExportFormat[];

/** The id of a format in the registry: the contract's export kind. */
export type ExportId = (typeof EXPORT_FORMATS)[number]['id'];

/** The id of a format the app's Export menus offer. */
export type OfferedExportId = Extract<(typeof EXPORT_FORMATS)[number], { menu: ExportMenuGroup }>['id'];

/** Every format's id, in registry order (the contract's enum). */
export const EXPORT_IDS = EXPORT_FORMATS.map((f) => f.id) as readonly ExportId[] as readonly [ExportId, ...ExportId[]];

/** The lines, each typed as an ExportFormat of a known id (EXPORT_FORMATS keeps every line's literal types). */
export const EXPORT_LINES: readonly (ExportFormat & { id: ExportId })[] = EXPORT_FORMATS;

/** The registry line of a format. */
export function exportFormat(id: ExportId): ExportFormat & { id: ExportId } {
  return EXPORT_LINES.find((f) => f.id === id)!;
}

/** A format's file name for a project: `base` (the project's safe name), its suffix and extension. */
export function exportFileName(id: ExportId, base: string): string {
  const format = exportFormat(id);
  return `${base}${format.nameSuffix}${format.extension}`;
}
