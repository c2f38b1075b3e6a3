/**
 * `npm run serve -- [--project FILE] [--port N] [--read-only] [--coder NAME]`: runs Gloss
 * in the browser. Prints exactly one line on stdout, the URL to open; everything else goes
 * to stderr.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ProjectOpenError } from '../service/durable-file';
import { fileErrorWayOut } from '../service/fs-reasons';
import { fileExists } from '../service/free-path';
import { ensureSampleCopy } from '../service/sample';
import { defaultDataDir } from '../service/settings';
import { DEFAULT_RENDERER_DIR, startHost, type RunningHost } from './server';

const HELP = `Usage: npm run serve -- [--project FILE] [--port N] [--read-only] [--coder NAME]

Serves Gloss on http://127.0.0.1 for use in a browser. Open the printed URL: it holds the
access token, and requests without it are refused.

Options:
  --project FILE       the project to open; created when it does not exist
                       (default: a copy of the sample project in Gloss's data folder)
  --port N             the port (default: a free one)
  --read-only          open the project without locking it; changes are refused
  --coder NAME         who is coding (default: the coder in Gloss's settings)
  --renderer-dir DIR   the built renderer (default: dist/renderer)`;

function fail(message: string): never {
  process.stderr.write(`gloss serve: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(1);
}

function parse() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        project: { type: 'string' },
        port: { type: 'string' },
        'read-only': { type: 'boolean' },
        coder: { type: 'string' },
        'renderer-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values;
  } catch (e) {
    return fail(`${(e as Error).message.split('\n')[0]} (see --help)`);
  }
}

async function main(): Promise<void> {
  const args = parse();
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  let port = 0;
  if (args.port !== undefined) {
    port = /^\d+$/.test(args.port) ? Number(args.port) : NaN;
    if (!(port >= 0 && port <= 65535)) fail(`--port must be a number from 0 to 65535, not ${JSON.stringify(args.port)}`);
  }
  const rendererDir = path.resolve(args['renderer-dir'] ?? DEFAULT_RENDERER_DIR);
  try {
    await fs.access(path.join(rendererDir, 'index.html'));
  } catch {
    fail(`the app is not built: ${path.join(rendererDir, 'index.html')} is missing. Run \`npm run build:renderer\` first.`);
  }
  const dataDir = defaultDataDir();
  let projectFile: string;
  try {
    projectFile = args.project ? path.resolve(args.project) : await ensureSampleCopy(dataDir);
  } catch (e) {
    return fail(`the sample project could not be opened: ${(e as Error).message} Pass --project FILE instead.`);
  }

  let host: RunningHost;
  try {
    host = await startHost({ projectFile, port, rendererDir, dataDir, coderName: args.coder, readOnly: args['read-only'] });
  } catch (e) {
    if (e instanceof ProjectOpenError && e.kind === 'locked') {
      fail(`${e.message} To look at it without changing it, add --read-only.`);
    }
    if (e instanceof ProjectOpenError && e.kind === 'unwritable') {
      // A project that could not be created there goes elsewhere, as an export would.
      const place = (await fileExists(projectFile).catch(() => false)) ? 'host' : 'export';
      return fail(`${e.message} ${fileErrorWayOut(e.fsError, place)}`.trim());
    }
    // A corrupt project is reported (naming the file and the first problem) and left untouched.
    return fail(e instanceof Error ? e.message : String(e));
  }
  process.stdout.write(`Gloss is serving at ${host.url}\n`);
  process.stderr.write(`Project: ${host.service.file}${host.service.readOnly ? ' (read-only)' : ''}. Press Ctrl+C to stop.\n`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl+C while saving: writes are atomic, so the file on disk stays whole.
      process.stderr.write(`Received ${signal} again; quitting without waiting for the last save.\n`);
      process.exit(130);
    }
    stopping = true;
    try {
      await host.close();
      process.exit(0);
    } catch (e) {
      fail(`could not save before stopping: ${(e as Error).message}`);
    }
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
}

await main();
