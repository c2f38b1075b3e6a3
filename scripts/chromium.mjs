// Finding a Chromium for the end-to-end tests and the reader benchmark: CHROMIUM_PATH,
// then Debian's /usr/bin/chromium, then Playwright's own download (fetched if missing).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const HOW_TO =
  'no Chromium found: install one (Debian/Ubuntu: `sudo apt-get install chromium`) or run `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium binary';

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** { path } of a usable Chromium, or { path: null, message } saying how to get one. */
export async function findChromiumAsync({ install = false } = {}) {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return { path: process.env.CHROMIUM_PATH };
    return { path: null, message: `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist` };
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return { path: candidate };
  }
  let own = await playwrightChromium();
  if (own) return { path: own };
  if (install) {
    console.log('No Chromium found; trying `npx playwright install chromium` …');
    spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
    own = await playwrightChromium();
    if (own) return { path: own };
  }
  return { path: null, message: HOW_TO };
}
