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

/**
 * Sent with every call: the host serves API calls that carry only its cookie when this
 * header says they come from the page (another origin cannot add it). The same name and
 * value as electron/host/auth.ts.
 */
const BRIDGE_HEADER = 'X-Gloss-Request';
const BRIDGE_HEADER_VALUE = 'bridge';

/**
 * Takes `?token=` out of the address bar (and so out of the history entry), keeping the
 * rest of the URL. The host answered the first load by putting the token in an HttpOnly
 * cookie, which carries it from now on, reloads included; no script ever holds it.
 */
export function forgetTokenInAddress(location: Pick<Location, 'href'>, history: Pick<History, 'replaceState' | 'state'>): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

interface InvokeReply {
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** A GlossBridge that talks to the browser host at `base` (same origin by default), on the host's cookie. */
export function createHttpBridge(base = ''): GlossBridge {
  const invoke = async <C extends Channel>(channel: C, arg: ChannelArg<C>): Promise<ChannelResult<C>> => {
    let response: Response;
    try {
      response = await fetch(`${base}/api/invoke/${encodeURIComponent(channel)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', [BRIDGE_HEADER]: BRIDGE_HEADER_VALUE },
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
    // EventSource cannot send headers; the cookie is all it needs (a GET changes nothing).
    if (!source) source = new EventSource(`${base}/api/events`);
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
