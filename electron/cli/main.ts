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

/** Standard input, read to its end (a pipe, a redirected file, or what is typed until Ctrl+D). */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
  readStdin,
  interactive: process.stderr.isTTY === true,
};

process.exitCode = await runCli(process.argv.slice(2), io);
