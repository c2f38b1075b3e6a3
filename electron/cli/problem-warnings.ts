/**
 * What the project check found, said on stderr when a CLI command opens a project: the
 * project still opens and the command still runs, but the user learns about the problems
 * and the way to mend them (gloss repair). Commands never print these themselves:
 * project-session.ts calls warnOfProblems for every project it opens.
 */
import type { ProjectCheck } from '../../shared/model/check-project';
import { backupPath } from '../service/durable-file';
import { labelOf } from './command';
import path from 'node:path';
import { cloudSyncOf, cloudSyncWarning } from '../../shared/app/cloud-sync';

/** Problems spelt out on stderr; the rest are counted. A screenful shows the pattern. */
export const WARNED_PROBLEMS = 10;

let sink: ((line: string) => void) | null = null;
let quiet = 0;

/** Sends warnings to `err` (runCli sets it for the run of one command; null stops them). */
export function setWarningSink(err: ((line: string) => void) | null): void {
  sink = err;
}

/** Runs `work` without warnings (gloss repair lists the problems itself). */
export async function withoutWarnings<T>(work: () => Promise<T>): Promise<T> {
  quiet++;
  try {
    return await work();
  } finally {
    quiet--;
  }
}

/** The lines that tell of `check`'s problems in `file`, or none when it found nothing. */
export function problemWarning(file: string, check: ProjectCheck): string[] {
  if (check.total === 0) return [];
  const name = labelOf(file);
  const lines = [
    `gloss: warning: ${name} has ${check.total === 1 ? 'a problem' : `${check.total} problems`} (it was opened as it is; nothing was changed because of ${check.total === 1 ? 'it' : 'them'}):`,
    ...check.problems.slice(0, WARNED_PROBLEMS).map((p) => `gloss:   ${p.message}`),
  ];
  if (check.total > WARNED_PROBLEMS) lines.push(`gloss:   … and ${check.total - WARNED_PROBLEMS} more (gloss info ${name} --json lists them all)`);
  const them = check.total === 1 ? 'it' : 'them';
  if (check.repairable === 0) {
    lines.push(`gloss: nothing can mend ${them} without loss, so ${check.total === 1 ? 'it stays' : 'they stay'} as ${check.total === 1 ? 'it is' : 'they are'}.`);
  } else {
    const which = check.repairable === check.total ? them : `${check.repairable} of them (the others stay as they are)`;
    lines.push(`gloss: gloss repair ${name} mends ${which} in one step (add --dry-run to see how first); the version before is kept as ${path.basename(backupPath(file))}.`);
  }
  return lines;
}

/** Says what `check` found in `file` on stderr, unless warnings are off. */
export function warnOfProblems(file: string, check: () => ProjectCheck): void {
  if (!sink || quiet > 0) return;
  for (const line of problemWarning(file, check())) sink(line);
}

/** Says on stderr, before a command changes `file`, that a cloud client syncs its folder (see shared/app/cloud-sync.ts). */
export function warnOfCloudSync(file: string): void {
  if (!sink || quiet > 0) return;
  const sync = cloudSyncOf(path.resolve(file));
  if (sync) sink(`gloss: warning: ${cloudSyncWarning(labelOf(file), sync)}`);
}
