import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge, forgetTokenInAddress } from './http-bridge';

/** A location and history pair that records replaceState the way a browser applies it. */
function addressBar(href: string) {
  const location = { href };
  const calls: { state: unknown; url: string }[] = [];
  const history = {
    state: { scroll: 3 } as unknown,
    replaceState(state: unknown, _unused: string, url?: string | URL | null) {
      calls.push({ state, url: String(url) });
      location.href = new URL(String(url), location.href).href;
    },
  };
  return { location, history, calls };
}

describe('forgetTokenInAddress', () => {
  it('takes the token out of the address and keeps everything else', () => {
    const bar = addressBar('http://127.0.0.1:4100/?timing&token=abc_DEF-123&view=codes#doc-2');
    forgetTokenInAddress(bar.location, bar.history);
    expect(bar.location.href).toBe('http://127.0.0.1:4100/?timing=&view=codes#doc-2');
    expect(bar.calls).toEqual([{ state: { scroll: 3 }, url: '/?timing=&view=codes#doc-2' }]);
  });

  it('leaves a bare address as it is', () => {
    const bar = addressBar('http://127.0.0.1:4100/');
    forgetTokenInAddress(bar.location, bar.history);
    forgetTokenInAddress(bar.location, bar.history);
    expect(bar.calls).toEqual([]);
    const only = addressBar('http://127.0.0.1:4100/?token=abc');
    forgetTokenInAddress(only.location, only.history);
    expect(only.location.href).toBe('http://127.0.0.1:4100/');
  });
});

describe('createHttpBridge', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls the host on its cookie with the bridge header, and never puts a token in a request', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      requests.push({ url, init });
      return new Response(JSON.stringify({ ok: true, result: { host: 'browser' } }), { status: 200 });
    });
    const bridge = createHttpBridge('http://127.0.0.1:4100');
    expect(await bridge['project:snapshot']()).toEqual({ host: 'browser' });
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('http://127.0.0.1:4100/api/invoke/project%3Asnapshot');
    expect(requests[0]!.init.credentials).toBe('same-origin');
    expect(requests[0]!.init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Gloss-Request': 'bridge' });
    expect(JSON.stringify(requests[0])).not.toMatch(/token/i);
  });

  it('opens the event stream without a token in its URL', () => {
    const opened: string[] = [];
    vi.stubGlobal(
      'EventSource',
      class {
        constructor(url: string) {
          opened.push(url);
        }
        addEventListener(): void {}
      },
    );
    createHttpBridge('http://127.0.0.1:4100').on('save-state', () => {});
    expect(opened).toEqual(['http://127.0.0.1:4100/api/events']);
  });
});
