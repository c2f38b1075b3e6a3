import { describe, expect, it } from 'vitest';
import { cliStartTable, CLI_START_TARGET, type CliStartFigures } from './cli-start';

const figures: CliStartFigures = {
  cli_info_ms: 120.4,
  cli_help_ms: 110.2,
  node_bare_ms: 40,
  cli_start_ratio: 3.01,
  cli_runs: 'bundle',
  cli_runs_count: 15,
};

describe('cliStartTable', () => {
  it('prints the three medians and marks the ratio against the target', () => {
    expect(cliStartTable(figures)).toBe(
      [
        'CLI start (a fresh process each, median of 15; gloss runs the bundle)',
        '  gloss info, small project  120 ms',
        '  gloss --help               110 ms',
        '  node -e 0                  40 ms',
        `  info / bare node 3.01× (target ≤ ${CLI_START_TARGET}×)  PASS`,
      ].join('\n'),
    );
    const slow = cliStartTable({ ...figures, cli_info_ms: 600, cli_start_ratio: 15, cli_runs: 'sources (no prebuilt CLI)' });
    expect(slow).toMatch(/gloss runs the sources \(no prebuilt CLI\)\)/);
    expect(slow).toMatch(/15\.00× \(target ≤ 4×\)  MISS$/);
  });
});
