/**
 * The rendered chunks of the open document, by index. Chunk elements register themselves
 * as React attaches and detaches them; after each render of the text the registry tells
 * its listeners (the reader's own highlights) if the set of rendered chunks changed, so
 * they can draw ranges for the chunks that came into view.
 */
export class ChunkRegistry {
  private readonly elements = new Map<number, HTMLElement>();
  private readonly listeners = new Set<() => void>();
  private changed = false;

  /** Called by each chunk's ref: the element when attached, null when detached. */
  readonly set = (index: number, element: HTMLElement | null): void => {
    if (element) this.elements.set(index, element);
    else this.elements.delete(index);
    this.changed = true;
  };

  readonly get = (index: number): HTMLElement | undefined => this.elements.get(index);

  /** Indexes of the rendered chunks, in order. */
  rendered(): number[] {
    return [...this.elements.keys()].sort((a, b) => a - b);
  }

  /** Called once a render of the text is committed: notifies listeners if chunks came or went. */
  commit(): void {
    if (!this.changed) return;
    this.changed = false;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
