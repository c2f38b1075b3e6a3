/**
 * Finding Electron's binary for `npm start`, and fetching it the way the electron package
 * does, but ending in plain words when the download fails. Electron 42 downloads its
 * binary on first use (node_modules/electron/index.js runs install.js); where GitHub
 * cannot be reached, the package's own message is a stack trace advising to delete
 * node_modules/electron, which does not help anyone behind a proxy or offline.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Where the binary is, by the electron package's own lookup (index.js), without downloading; null if absent. */
export function installedElectronBinary(packageDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const full = path.join(override, executable || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(full) ? full : null;
  }
  if (!executable) return null;
  const full = path.join(packageDir, 'dist', executable);
  return existsSync(full) ? full : null;
}

/**
 * The one line of install.js's output that says why the download failed (its error's
 * first line, "RequestError: getaddrinfo ENOTFOUND github.com", say), or '' if none does.
 */
export function downloadFailureReason(output: string): string {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const error = lines.find((line) => /^(\w*Error|HTTPError|RequestError)\b.*:/.test(line)) ?? lines.find((line) => !line.startsWith('at '));
  const reason = (error ?? '').slice(0, 300);
  // Node's fetch keeps the cause (no DNS, refused, timed out) out of its message.
  return /^TypeError: fetch failed$/.test(reason) ? `${reason} (the download server could not be reached)` : reason;
}

/** What `npm start` says when Electron's binary could not be downloaded. */
export function downloadFailedMessage(version: string, reason: string, override?: string): string {
  const lines = [
    override
      ? `Gloss cannot start: ELECTRON_OVERRIDE_DIST_PATH is set to ${override}, but there is no Electron there.`
      : `Gloss cannot start: Electron ${version}, which runs the desktop app, could not be downloaded.`,
  ];
  if (reason) lines.push(`  Reason: ${reason}`);
  lines.push(
    '',
    'What you can do:',
    '  - Behind a proxy (at a university or company, say), tell the download about it and run npm start again:',
    '      HTTPS_PROXY=http://proxy.example.org:8080 npm start',
    '  - Where GitHub is blocked, download from a mirror instead:',
    '      ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    '  - With Electron already on this machine, point at its folder: ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron npm start',
    '  - Meanwhile, `npm run serve` opens the same Gloss in your web browser, without Electron.',
  );
  return lines.join('\n');
}

/**
 * The environment install.js downloads in: a proxy npm was configured with (`npm config set
 * https-proxy`, seen by scripts as npm_config_https_proxy) is passed on as HTTPS_PROXY, and
 * @electron/get is told to use HTTPS_PROXY / HTTP_PROXY at all (it ignores them unless
 * ELECTRON_GET_USE_PROXY is set).
 */
export function downloadEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  const npmProxy = env.npm_config_https_proxy || env.npm_config_proxy;
  if (npmProxy && !env.HTTPS_PROXY && !env.https_proxy) out.HTTPS_PROXY = npmProxy;
  if (out.HTTPS_PROXY || out.https_proxy || out.HTTP_PROXY || out.http_proxy) out.ELECTRON_GET_USE_PROXY ??= '1';
  return out;
}

/** True for output of install.js that is part of an error's stack trace rather than progress. */
export function looksLikeStackTrace(chunk: string): boolean {
  return /(^|\n)\s*(at \S|\w*Error\b|\w*Exception\b|Error:)/.test(chunk);
}
