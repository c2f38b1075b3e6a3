import { promises as fs } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, NON_PAGE_CONTENT_SECURITY_POLICY } from '../content-policy';
import { qde, zipQdpx } from '../../shared/formats/refi/fixtures/qdpx-fixtures';
import { startHost, TOKEN_REFUSAL, type RunningHost } from './server';

/** A raw request, so that the path reaches the server exactly as written (fetch normalises "..") . */
function rawGet(port: number, urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: urlPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function makeRenderer(dir: string): Promise<string> {
  const renderer = path.join(dir, 'renderer');
  await fs.mkdir(path.join(renderer, 'assets'), { recursive: true });
  await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Gloss</title><script type="module" src="/assets/app.js"></script>');
  await fs.writeFile(path.join(renderer, 'assets', 'app.js'), 'export const app = 1;\n');
  await fs.writeFile(path.join(dir, 'secret.txt'), 'TOP SECRET');
  // A link inside the served folder that points out of it must not be followed.
  await fs.symlink(path.join(dir, 'secret.txt'), path.join(renderer, 'assets', 'linked.txt'));
  return renderer;
}

describe('browser host', () => {
  let dir: string;
  let host: RunningHost;
  let base: string;
  let projectFile: string;
  const logs: string[] = [];

  const invoke = async (channel: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; result?: any; error?: string } };
  };

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-host-'));
    projectFile = path.join(dir, 'study.gloss');
    host = await startHost({
      projectFile,
      rendererDir: await makeRenderer(dir),
      dataDir: path.join(dir, 'data'),
      coderName: 'Tester',
      saveDelayMs: 20,
      bodyLimit: 1024 * 1024,
      log: (line) => logs.push(line),
    });
    base = `http://127.0.0.1:${host.port}`;
  });

  afterAll(async () => {
    await host?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates a missing project, named after its file, and locks it', async () => {
    expect(host.url).toBe(`${base}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const saved = JSON.parse(await fs.readFile(projectFile, 'utf8'));
    expect(saved.format).toBe('gloss-project');
    expect(saved.project.name).toBe('study');
    await expect(fs.access(`${projectFile}.lock`)).resolves.toBeUndefined();
  });

  describe('token', () => {
    it('refuses requests without it or with a wrong one', async () => {
      for (const url of [`${base}/`, `${base}/?token=wrong`, `${base}/assets/app.js`, `${base}/api/events`]) {
        const res = await fetch(url);
        expect(res.status, url).toBe(403);
        expect(await res.text()).toBe(TOKEN_REFUSAL);
        expect(res.headers.get('content-security-policy')).toBe(NON_PAGE_CONTENT_SECURITY_POLICY);
      }
      expect(TOKEN_REFUSAL).toMatch(/^Forbidden: missing or wrong token\. Open the address `npm run serve` printed \(it ends in \?token=…\)\./);
      const api = await fetch(`${base}/api/invoke/project:snapshot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(api.status).toBe(403);
      const wrongHeader = await fetch(`${base}/`, { headers: { 'X-Gloss-Token': `${host.token}x` } });
      expect(wrongHeader.status).toBe(403);
    });

    it('accepts it in the query and sets an HttpOnly, SameSite=Strict session cookie named for its port', async () => {
      const res = await fetch(host.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toBe(`gloss_token_${host.port}=${host.token}; HttpOnly; SameSite=Strict; Path=/`);
      expect(await res.text()).toContain('<title>Gloss</title>');
    });

    it('accepts the cookie and the X-Gloss-Token header', async () => {
      const byCookie = await fetch(`${base}/assets/app.js`, { headers: { Cookie: `other=1; gloss_token_${host.port}=${host.token}` } });
      expect(byCookie.status).toBe(200);
      expect(byCookie.headers.get('set-cookie')).toBeNull();
      const byHeader = await fetch(`${base}/assets/app.js`, { headers: { 'X-Gloss-Token': host.token } });
      expect(byHeader.status).toBe(200);
    });

    it('refuses the token in the cookie of another port (another host on this machine)', async () => {
      const res = await fetch(`${base}/assets/app.js`, { headers: { Cookie: `gloss_token_${host.port + 1}=${host.token}; gloss_token=${host.token}` } });
      expect(res.status).toBe(403);
    });

    it('serves API calls on the cookie alone only with the bridge header, from our own origin', async () => {
      const call = (headers: Record<string, string>) =>
        fetch(`${base}/api/invoke/project:snapshot`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: `gloss_token_${host.port}=${host.token}`, ...headers },
          body: '{}',
        });
      const bare = await call({});
      expect(bare.status).toBe(403);
      expect(await bare.json()).toEqual({ ok: false, error: 'Forbidden: an API call on the cookie alone must come from the Gloss page.' });
      expect((await call({ 'X-Gloss-Request': 'something else' })).status).toBe(403);
      const page = await call({ 'X-Gloss-Request': 'bridge', Origin: base, 'Sec-Fetch-Site': 'same-origin' });
      expect(page.status).toBe(200);
      expect((await page.json()).result.host).toBe('browser');
      // Another port of 127.0.0.1 is the same site, so its pages get the cookie; not the API.
      const otherPort = await call({ 'X-Gloss-Request': 'bridge', Origin: `http://127.0.0.1:${host.port + 1}`, 'Sec-Fetch-Site': 'same-site' });
      expect(otherPort.status).toBe(403);
      const events = await fetch(`${base}/api/events`, { headers: { Cookie: `gloss_token_${host.port}=${host.token}`, 'Sec-Fetch-Site': 'same-site' } });
      expect(events.status).toBe(403);
    });

    it('refuses another host name for 127.0.0.1 (DNS rebinding)', async () => {
      const res = await rawGet(host.port, `/?token=${host.token}`, { Host: `evil.example:${host.port}` });
      expect(res.status).toBe(403);
    });
  });

  describe('static files', () => {
    const auth = () => ({ 'X-Gloss-Token': host.token });

    it('serves index.html at / with no-store and the security headers, its CSP among them', async () => {
      const res = await fetch(`${base}/`, { headers: auth() });
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      // The page loaded with the token is never stored, not even by the token'd URL.
      const first = await fetch(host.url);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(first.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    });

    it('sends no-cache and the renderer’s CSP with its other files, and a deny-all CSP with API replies', async () => {
      const script = await fetch(`${base}/assets/app.js`, { headers: auth() });
      expect(script.headers.get('cache-control')).toBe('no-cache');
      expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      const api = await fetch(`${base}/api/invoke/project:snapshot`, {
        method: 'POST',
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(api.headers.get('cache-control')).toBe('no-store');
      expect(api.headers.get('content-security-policy')).toBe(NON_PAGE_CONTENT_SECURITY_POLICY);
      expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('serves scripts with a JavaScript content type', async () => {
      const res = await fetch(`${base}/assets/app.js`, { headers: auth() });
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await res.text()).toBe('export const app = 1;\n');
    });

    it('answers 404 for unknown paths', async () => {
      const res = await fetch(`${base}/nope.js`, { headers: auth() });
      expect(res.status).toBe(404);
    });

    it('refuses path traversal, encoded or through a symlink', async () => {
      for (const p of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%2e%2e%5c..%5csecret.txt', '/assets/linked.txt', '/%00index.html']) {
        const res = await rawGet(host.port, p, auth());
        expect(res.status, p).toBe(404);
        expect(res.body, p).not.toContain('TOP SECRET');
      }
    });
  });

  describe('invoke', () => {
    it('imports a text file, codes it, and saves the coding to disk', async () => {
      const text = 'We never had training.\r\nThe training gaps were obvious.';
      const imported = await invoke('documents:import', { arg: [{ name: 'police.txt', base64: Buffer.from(text).toString('base64') }] });
      expect(imported.status).toBe(200);
      expect(imported.body.ok).toBe(true);
      expect(imported.body.result.failed).toEqual([]);
      const [doc] = imported.body.result.imported as { id: string; name: string }[];
      expect(doc?.name).toBe('police');

      const normalised = text.replace(/\r\n/g, '\n');
      const start = normalised.indexOf('training gaps');
      const applied = await invoke('ops:run', { arg: { type: 'applyCode', documentId: doc!.id, start, end: start + 13, newCodeName: 'training gaps' } });
      expect(applied.status).toBe(200);
      expect(applied.body.result.ok).toBe(true);
      const codingId = applied.body.result.created.codingId as string;

      const saved = await invoke('project:saveNow', {});
      expect(saved.body.result.status).toBe('saved');

      const file = JSON.parse(await fs.readFile(projectFile, 'utf8'));
      expect(file.documents).toHaveLength(1);
      expect(file.documents[0].text).toBe(normalised);
      expect(file.codes.map((c: { name: string }) => c.name)).toEqual(['training gaps']);
      expect(file.codings).toHaveLength(1);
      expect(file.codings[0]).toMatchObject({ id: codingId, documentId: doc!.id, start, end: start + 13, quote: 'training gaps', codeId: file.codes[0].id });
      expect(file.coders.find((c: { id: string }) => c.id === file.codings[0].coderId)?.name).toBe('Tester');
    });

    it('returns a snapshot for the browser host', async () => {
      const res = await invoke('project:snapshot', {});
      expect(res.status).toBe(200);
      expect(res.body.result).toMatchObject({ host: 'browser', readOnly: false, path: projectFile, coder: { name: 'Tester' } });
    });

    it('returns the export content', async () => {
      const res = await invoke('export:content', { arg: 'excerpts-csv' });
      expect(res.body.result.fileName).toBe('study - excerpts.csv');
      expect(res.body.result.content).toContain('police,training gaps,training gaps,Tester,');
    });

    it('exports CSV cells safe by default and raw when asked, and keeps the raw setting in settings.json', async () => {
      const created = await invoke('ops:run', { arg: { type: 'createCode', name: '=1+1' } });
      expect(created.body.result.ok).toBe(true);
      const codeLine = (csv: string) => csv.split('\r\n').find((line) => line.includes('=1+1'));
      // The kind alone (the payload before options existed) still works, and is safe.
      expect(codeLine((await invoke('export:content', { arg: 'codebook-csv' })).body.result.content)).toMatch(/^'=1\+1,'=1\+1,/);
      expect(codeLine((await invoke('export:content', { arg: { kind: 'codebook-csv' } })).body.result.content)).toMatch(/^'=1\+1,/);
      expect(codeLine((await invoke('export:content', { arg: { kind: 'codebook-csv', csvRaw: true } })).body.result.content)).toMatch(/^=1\+1,=1\+1,/);

      expect((await invoke('settings:export', {})).body.result).toEqual({ csvRaw: false });
      expect((await invoke('settings:setExport', { arg: { csvRaw: true } })).body.result).toEqual({ csvRaw: true });
      expect((await invoke('settings:export', {})).body.result).toEqual({ csvRaw: true });
      const settings = JSON.parse(await fs.readFile(path.join(dir, 'data', 'settings.json'), 'utf8'));
      expect(settings).toMatchObject({ csvRaw: true, coder: { name: 'Tester' } });
      expect((await invoke('settings:setExport', { arg: { csvRaw: 'yes' } })).status).toBe(400);
      await invoke('settings:setExport', { arg: { csvRaw: false } });
      const undone = await invoke('history:undo', {});
      expect(undone.body.result.ok).toBe(true);
    });

    it('answers 400 with the message for an invalid payload', async () => {
      const bad = await invoke('ops:run', { arg: { type: 'applyCode', documentId: 'x', start: -1, end: 2 } });
      expect(bad.status).toBe(400);
      expect(bad.body).toEqual({ ok: false, error: 'Invalid payload for ops:run: start: Too small: expected number to be >=0.' });
      const empty = await invoke('documents:import', { arg: [] });
      expect(empty.status).toBe(400);
      expect(empty.body.error).toMatch(/^Invalid payload for documents:import/);
    });

    it('answers 400 for what only the desktop app can do', async () => {
      const res = await invoke('export:save', { arg: 'codebook-csv' });
      expect(res).toEqual({ status: 400, body: { ok: false, error: 'This is only available in the desktop app.' } });
    });

    it('refuses bodies that are not JSON, the wrong content type, unknown channels and GET', async () => {
      expect((await invoke('project:snapshot', '{not json')).status).toBe(400);
      expect((await invoke('project:snapshot', '[1]')).status).toBe(400);
      expect((await invoke('project:snapshot', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
      expect(await invoke('no:such', {})).toEqual({ status: 404, body: { ok: false, error: 'Unknown channel no:such.' } });
      const get = await fetch(`${base}/api/invoke/project:snapshot`, { headers: { 'X-Gloss-Token': host.token } });
      expect(get.status).toBe(405);
    });

    it('refuses a request from another origin (CSRF)', async () => {
      const foreign = await invoke('project:snapshot', {}, { Origin: 'http://evil.example' });
      expect(foreign.status).toBe(403);
      const own = await invoke('project:snapshot', {}, { Origin: base });
      expect(own.status).toBe(200);
    });

    it('refuses bodies over the limit with 413', async () => {
      const big = JSON.stringify({ arg: [{ name: 'big.txt', base64: 'A'.repeat(1024 * 1024) }] });
      const res = await invoke('documents:import', big);
      expect(res.status).toBe(413);
      expect(res.body.error).toBe(
        'The files sent are too large for the browser host: it takes up to 1 MB in one request (files travel base64-encoded, a third larger than on disk, so about 768 KB of files). Send fewer files at a time, or use the gloss command for larger ones.',
      );
    });
  });

  describe('events', () => {
    it('streams save-state events to the browser', async () => {
      const abort = new AbortController();
      const res = await fetch(`${base}/api/events`, { headers: { 'X-Gloss-Token': host.token }, signal: abort.signal });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let received = decoder.decode((await reader.read()).value);
      // The stream opens with its comment; a save the earlier tests left pending may still
      // report right after it, so what counts is what follows this test's own change.
      expect(received.startsWith(': connected\n\n')).toBe(true);

      const created = await invoke('ops:run', { arg: { type: 'createCode', name: 'victim support' } });
      expect(created.body.result.ok).toBe(true);
      while (!/"status":"pending"[\s\S]*event: save-state\ndata: \{"status":"saved"/.test(received)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += decoder.decode(value);
      }
      abort.abort();
      const frames = received.split('\n\n').filter((f) => f.startsWith('event: '));
      const pending = frames.lastIndexOf('event: save-state\ndata: {"status":"pending"}');
      expect(pending).toBeGreaterThanOrEqual(0);
      expect(pending).toBeLessThan(frames.length - 1);
      const last = frames.at(-1)!.split('\n');
      expect(last[0]).toBe('event: save-state');
      expect(JSON.parse(last[1]!.slice('data: '.length))).toMatchObject({ status: 'saved' });
    });
  });
});

describe('browser host lifecycle', () => {
  it('saves pending changes and releases the lock on close', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-host-'));
    try {
      const projectFile = path.join(dir, 'pilot.gloss');
      // A long save delay: only close() can have written the change.
      const host = await startHost({ projectFile, rendererDir: dir, dataDir: dir, saveDelayMs: 60_000, log: () => {} });
      const res = await fetch(`http://127.0.0.1:${host.port}/api/invoke/ops:run`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token },
        body: JSON.stringify({ arg: { type: 'createCode', name: 'delays' } }),
      });
      expect(res.status).toBe(200);
      await host.close();
      const file = JSON.parse(await fs.readFile(projectFile, 'utf8'));
      expect(file.codes.map((c: { name: string }) => c.name)).toEqual(['delays']);
      await expect(fs.access(`${projectFile}.lock`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${host.port}/`)).rejects.toThrow();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('writes an imported REFI-QDA project only as a new file it holds the lock of, beside the open one', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-host-'));
    try {
      const projectFile = path.join(dir, 'pilot.gloss');
      // A project of that name is already there: it is never replaced.
      const existing = path.join(dir, 'Field notes.gloss');
      await fs.writeFile(existing, 'not touched');
      const host = await startHost({ projectFile, rendererDir: dir, dataDir: dir, log: () => {} });
      try {
        const qdpx = zipQdpx({
          'project.qde': qde('<Sources><TextSource guid="dddddddd-0000-4000-8000-000000000001" name="T"><PlainTextContent>Hello</PlainTextContent></TextSource></Sources>', {
            name: 'Field notes',
          }),
        });
        const res = await fetch(`http://127.0.0.1:${host.port}/api/invoke/exchange:importQdpx`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Gloss-Token': host.token },
          body: JSON.stringify({ arg: { file: { name: 'field.qdpx', base64: Buffer.from(qdpx).toString('base64') }, positions: 'auto' } }),
        });
        const body = (await res.json()) as { ok: boolean; result: { path: string } };
        expect(body.ok).toBe(true);
        const adopted = path.join(dir, 'Field notes 2.gloss');
        expect(body.result.path).toBe(adopted);
        expect(host.service.file).toBe(adopted);
        expect(await fs.readFile(existing, 'utf8')).toBe('not touched');
        expect(JSON.parse(await fs.readFile(`${adopted}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, kind: 'host' });
        // The project it replaced was saved and let go.
        await expect(fs.access(`${projectFile}.lock`)).rejects.toThrow();
      } finally {
        await host.close();
      }
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to create a missing project read-only', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-host-'));
    try {
      await expect(startHost({ projectFile: path.join(dir, 'none.gloss'), readOnly: true, dataDir: dir, log: () => {} })).rejects.toThrow(
        'none.gloss does not exist; leave out --read-only to create it.',
      );
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
