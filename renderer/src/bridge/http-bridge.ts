/**
 * The bridge over HTTP, for the browser host: one POST per channel call and one
 * EventSource for host events. It implements the same GlossBridge as the Electron preload.
 */
import {
  CHANNELS,
  type Channel,
  type ChannelArg,
  type ChannelResult,
  type GlossBridge,
  type HostEvent,
  type HostEvents,
} from './channels';

const TOKEN_HEADER = 'X-Gloss-Token';

/** The token from `?token=`, remembered for the tab so that a reload without it still works. */
export function tokenFromLocation(location: Pick<Location, 'search'>, storage?: Pick<Storage, 'getItem' | 'setItem'>): string {
  const fromUrl = new URLSearchParams(location.search).get('token');
  if (fromUrl) {
    storage?.setItem('gloss-token', fromUrl);
    return fromUrl;
  }
  return storage?.getItem('gloss-token') ?? '';
}

interface InvokeReply {
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** A GlossBridge that talks to the browser host at `base` (same origin by default). */
export function createHttpBridge(token: string, base = ''): GlossBridge {
  const invoke = async <C extends Channel>(channel: C, arg: ChannelArg<C>): Promise<ChannelResult<C>> => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ arg }),
      });
    } catch {
      throw new Error('Gloss could not reach its host. Is `npm run serve` still running?');
    }
    let reply: InvokeReply;
    try {
      reply = (await response.json()) as InvokeReply;
    } catch {
      throw new Error(`The host answered ${response.status} ${response.statusText} to ${channel}.`);
    }
    if (!reply.ok) throw new Error(reply.error ?? `The host refused ${channel} (${response.status}).`);
    return reply.result as ChannelResult<C>;
  };

  let source: EventSource | null = null;
  const listening = new Map<HostEvent, Set<(payload: never) => void>>();

  const ensureSource = (): EventSource => {
    if (!source) source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    return source;
  };

  const on = <E extends HostEvent>(event: E, listener: (payload: HostEvents[E]) => void): (() => void) => {
    const events = ensureSource();
    let set = listening.get(event);
    if (!set) {
      set = new Set();
      listening.set(event, set);
      const listeners = set;
      events.addEventListener(event, (message) => {
        let payload: unknown = null;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return; // a malformed event is dropped rather than crashing the UI
        }
        for (const l of listeners) (l as (p: unknown) => void)(payload);
      });
    }
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  };

  const bridge = { on } as Record<string, unknown>;
  for (const channel of CHANNELS) {
    bridge[channel] = (arg?: unknown) => invoke(channel, arg as never);
  }
  return bridge as unknown as GlossBridge;
}
