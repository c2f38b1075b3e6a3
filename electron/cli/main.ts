/**
 * Entry point of the `gloss` command: bin/gloss.mjs runs it from the prebuilt bundle
 * (dist/cli/gloss.mjs, see build/build-cli.mjs) or, when there is none or a source changed
 * since, through tsx.
 */
import { runCli } from './run';

// `gloss info x.gloss | head -3`: the reader went away, which is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

process.exitCode = await runCli(process.argv.slice(2), io);
