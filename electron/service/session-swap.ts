/**
 * The project a host has open, and the one way to replace it, shared by the desktop app
 * (New, Open, Open Recent, Save As, a REFI-QDA import) and the browser host (its project at
 * start, an imported project): open the new one, make it current, close the old one, let
 * the host do its own bookkeeping, then tell the renderer to reload when it did not ask.
 *
 * Events are passed on only from the current project: closing the old one saves it, and
 * its "saved" must not reach a renderer that already shows the new one.
 */
import type { HostEvents } from '../../shared/ipc/contract';
import type { ProjectService, ServiceOptions } from './project-service';

export type EventSink = NonNullable<ServiceOptions['onEvent']>;

export interface SwapHooks {
  /** Where the current project's events go (the window, the browser's event stream). */
  onEvent: EventSink;
  /** After a project became current and the previous one was closed: the recent list, the window title, the menus. */
  adopted?(service: ProjectService): Promise<void> | void;
  /** Closing the previous project failed; the swap goes on regardless. */
  closeFailed(file: string, error: unknown): void;
}

export class SessionSwap {
  private service: ProjectService | null = null;
  /** Counts opens; a project's events are passed on only while its count is the current one. */
  private opened = 0;
  private currentCount = 0;

  constructor(private readonly hooks: SwapHooks) {}

  /** The open project, or null when none is. */
  get current(): ProjectService | null {
    return this.service;
  }

  /**
   * Opens a project with `open`, which gets the event sink to give the new ProjectService,
   * and makes it the current one. Null (and nothing changed) when `open` opened nothing,
   * as when the person cancelled; what `open` throws is thrown and the current project
   * stays. With `announce`, the renderer is told to reload once the swap is done.
   */
  async replace(open: (onEvent: EventSink) => Promise<ProjectService | null>, announce = false): Promise<ProjectService | null> {
    const count = ++this.opened;
    const onEvent: EventSink = (event, payload) => {
      if (count === this.currentCount) this.hooks.onEvent(event, payload);
    };
    const service = await open(onEvent);
    if (!service) return null;
    const previous = this.service;
    this.service = service;
    this.currentCount = count;
    if (previous && previous !== service) {
      await previous.close().catch((e: unknown) => this.hooks.closeFailed(previous.file, e));
    }
    await this.hooks.adopted?.(service);
    if (announce) this.send('reload', null);
    return service;
  }

  /** Closes the current project (saving it; a failed save is thrown) and leaves none open. */
  async close(): Promise<void> {
    const service = this.service;
    this.service = null;
    this.currentCount = -1;
    await service?.close();
  }

  private send<E extends keyof HostEvents>(event: E, payload: HostEvents[E]): void {
    this.hooks.onEvent(event, payload);
  }
}
