/** Server-Sent Events: the browser host's way of pushing HostEvents to the renderer. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostEvent, HostEvents } from '../../shared/ipc/contract';
import { SECURITY_HEADERS } from './responses';

/** Proxies and browsers drop idle connections after a minute or two; a comment every 25 s keeps it open. */
export const KEEP_ALIVE_MS = 25_000;

export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(keepAliveMs = KEEP_ALIVE_MS) {
    this.timer = setInterval(() => this.write(': keep-alive\n\n'), keepAliveMs);
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /** Turns the response into an event stream and keeps it until the client goes away. */
  connect(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    // Sent at once so the client knows the stream is open before the first event.
    res.write(': connected\n\n');
    this.clients.add(res);
    req.socket.setKeepAlive(true);
    const drop = () => this.clients.delete(res);
    req.on('close', drop);
    res.on('close', drop);
  }

  /** Sends one event to every client. JSON never holds a raw newline, so `data` is one line. */
  send<E extends HostEvent>(event: E, payload: HostEvents[E]): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  /** Ends every stream (the server cannot close while they are open). */
  close(): void {
    clearInterval(this.timer);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }

  private write(frame: string): void {
    for (const res of this.clients) {
      if (!res.writableEnded) res.write(frame);
    }
  }
}
