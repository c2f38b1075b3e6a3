import { describe, expect, it } from 'vitest';
import { EXPORT_LINES } from '../../../shared/export/registry';
import { exportCommand } from './export';
import { CLI_EXPORTS, EXPORT_FLAGS_TEXT, EXPORT_OPTION_SPECS, exportUsage, FILE_OPTIONS } from './export-options';

describe('gloss export options, from the export registry', () => {
  it('parses, lists and explains an option for every format whose line has one', () => {
    const withOption = EXPORT_LINES.filter((line) => line.cli);
    expect(CLI_EXPORTS.map((f) => f.id)).toEqual(withOption.map((line) => line.id));
    for (const { cli } of CLI_EXPORTS) {
      expect(exportCommand.options[cli.flag]).toEqual({ type: 'string' });
      expect(exportCommand.help).toContain(`[--${cli.flag} ${cli.value}`);
      expect(exportCommand.help).toContain(`  --${cli.flag} ${cli.value}`);
      expect(exportCommand.help).toContain(cli.help.split('\n')[0]);
      expect(EXPORT_FLAGS_TEXT).toContain(`--${cli.flag}`);
    }
    // Each file option writes its own format; the Markdown notes go to a folder instead.
    expect(FILE_OPTIONS.map(([flag]) => flag)).toEqual(CLI_EXPORTS.filter((f) => !f.cli.folder).map((f) => f.cli.flag));
    expect(Object.keys(EXPORT_OPTION_SPECS)).toEqual(expect.arrayContaining(['positions', 'force', 'csv-raw']));
  });

  it('lays the help out as before: descriptions from column 22, a long option on a line of its own, qualifiers after what they qualify', () => {
    expect(exportCommand.help).toContain(
      '  --codebook OUT.csv  one row per code:\n                      code,code_path,parent,description,color,codings,documents\n  --csv-raw           with --excerpts, --codebook, --frequencies, --cooccurrence and --matrix:\n',
    );
    expect(exportCommand.help).toContain('  --qdpx OUT.qdpx     the whole project as REFI-QDA');
    expect(exportCommand.help).toContain('(without it, gloss refuses and writes nothing)\n  --web-annotations OUT.jsonld\n                      every coding as a W3C');
    expect(exportCommand.help).toContain('  --html OUT.html     a report in one self-contained, printable file: the codebook and\n                      every code\'s excerpts grouped by document\n  --with SECTIONS     with --html: add these analysis tables');
    expect(EXPORT_FLAGS_TEXT).toBe(
      '--excerpts, --codebook, --qdc, --qdpx, --xlsx, --html, --markdown, --web-annotations, --frequencies, --cooccurrence, --matrix, --framework or --analysis-xlsx',
    );
  });

  it('wraps the usage within 95 columns, continuation lines under the first option', () => {
    const usage = exportUsage('Usage: gloss export FILE');
    expect(usage.split('\n')).toEqual([
      'Usage: gloss export FILE [--excerpts OUT.csv] [--codebook OUT.csv] [--csv-raw] [--qdc OUT.qdc]',
      '                   [--qdpx OUT.qdpx [--positions utf16|codepoints]] [--xlsx OUT.xlsx]',
      '                   [--html OUT.html [--with frequencies,cooccurrence,matrix,framework]]',
      '                   [--markdown DIR [--force]] [--web-annotations OUT.jsonld]',
      '                   [--frequencies OUT.csv] [--cooccurrence OUT.csv] [--matrix OUT.csv]',
      '                   [--framework OUT.md] [--analysis-xlsx OUT.xlsx]',
    ]);
  });
});
