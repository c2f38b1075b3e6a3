import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './content-policy';
import { rendererResponse } from './renderer-files';

describe('the app scheme', () => {
  let dir: string;
  let renderer: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-app-scheme-'));
    renderer = path.join(dir, 'renderer');
    await fs.mkdir(path.join(renderer, 'assets'), { recursive: true });
    await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Gloss</title>');
    await fs.writeFile(path.join(renderer, 'assets', 'app.js'), 'export const app = 1;\n');
    await fs.writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
    await fs.writeFile(path.join(dir, 'renderer-other.txt'), 'TOP SECRET');
    // A link inside the served folder that points out of it must not be followed.
    await fs.symlink(path.join(dir, 'secret.txt'), path.join(renderer, 'assets', 'linked.txt'));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('serves the page with the renderer’s CSP, frame-ancestors included, as a header', async () => {
    const res = await rendererResponse('app://gloss/index.html', 'GET', renderer);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>Gloss</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript (module scripts need the type), with a query or hash ignored', async () => {
    const res = await rendererResponse('app://gloss/assets/app.js?v=1#x', 'GET', renderer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('export const app = 1;\n');
    const head = await rendererResponse('app://gloss/assets/app.js', 'HEAD', renderer);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses other hosts, other methods and missing files', async () => {
    expect((await rendererResponse('app://other/index.html', 'GET', renderer)).status).toBe(404);
    expect((await rendererResponse('app://gloss/nope.js', 'GET', renderer)).status).toBe(404);
    expect((await rendererResponse('app://gloss/assets', 'GET', renderer)).status).toBe(404);
    expect((await rendererResponse('app://gloss/index.html', 'POST', renderer)).status).toBe(405);
    expect((await rendererResponse('not a url', 'GET', renderer)).status).toBe(400);
  });

  it('never serves a file outside the renderer folder, however the path is spelled', async () => {
    const attempts = [
      'app://gloss/../secret.txt',
      'app://gloss/..%2fsecret.txt',
      'app://gloss/%2e%2e/secret.txt',
      'app://gloss/%2e%2e%2fsecret.txt',
      'app://gloss/assets/..%2f..%2fsecret.txt',
      'app://gloss/assets/%2e%2e%5c..%5csecret.txt',
      'app://gloss/assets\\..\\..\\secret.txt',
      'app://gloss/%2fetc%2fpasswd',
      `app://gloss/${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      'app://gloss/..%2frenderer-other.txt',
      'app://gloss/assets/linked.txt',
      'app://gloss/%00index.html',
      'app://gloss/index.html%00.js',
    ];
    for (const url of attempts) {
      const res = await rendererResponse(url, 'GET', renderer);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('TOP SECRET');
    }
  });

  it('answers any path made of dots, slashes and their encodings with a file from the folder or a 404', async () => {
    const inside = new Set(['<!doctype html><title>Gloss</title>', 'export const app = 1;\n']);
    const piece = fc.constantFrom('..', '.', '%2e', '%2E', '%2e%2e', '/', '%2f', '%2F', '\\', '%5c', '%00', 'assets', 'index.html', 'app.js', 'secret.txt', 'renderer', 'linked.txt', '', '?', '#');
    // GLOSS_FUZZ_RUNS=20000 for a long run; a short one in the normal suite.
    const numRuns = Number(process.env.GLOSS_FUZZ_RUNS ?? 300);
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 10 }), async (pieces) => {
        const res = await rendererResponse(`app://gloss/${pieces.join('')}`, 'GET', renderer);
        const body = await res.text();
        expect(body).not.toContain('TOP SECRET');
        expect(res.status === 404 || (res.status === 200 && inside.has(body))).toBe(true);
      }),
      { numRuns },
    );
  });
});
