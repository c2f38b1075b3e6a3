/**
 * The texts of the documents shown lately, least recently used evicted first. The renderer
 * holds the project's index without texts (see shared/model/document-index.ts); a text is
 * fetched when its document is shown and kept here, under its content key, so that going
 * back and forth between a few documents fetches nothing. A text is only handed out for
 * the key asked for: after an edit the index entry carries a new key and the old text is
 * never shown again.
 */
import type { DocumentContent } from '../../../shared/model/document-index';

/**
 * At most this many documents: the reader, a side-by-side comparison and a dialog each
 * show one, and a coder switches between a handful; more would only hold memory.
 */
export const MAX_CACHED_TEXTS = 12;
/**
 * At most this many UTF-16 code units in all (16 MB): a few long transcripts, and a small
 * part of what holding every text of a 10-million-character project cost. The newest text
 * is kept whatever its size.
 */
export const MAX_CACHED_UNITS = 8_000_000;

export class TextCache {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly texts = new Map<string, DocumentContent>();
  private units = 0;

  constructor(
    private readonly maxTexts = MAX_CACHED_TEXTS,
    private readonly maxUnits = MAX_CACHED_UNITS,
  ) {}

  /** The text of `id` with this content key, or null; does not count as a use. */
  peek(id: string, contentKey: string): DocumentContent | null {
    const content = this.texts.get(id);
    return content && content.contentKey === contentKey ? content : null;
  }

  /** The key of the text held for `id`, whatever it is (null when none is). */
  keyOf(id: string): string | null {
    return this.texts.get(id)?.contentKey ?? null;
  }

  /** Marks `id` as just used, so it is evicted last. */
  touch(id: string): void {
    const content = this.texts.get(id);
    if (!content) return;
    this.texts.delete(id);
    this.texts.set(id, content);
  }

  /** Keeps `content` (in place of any other text of its document), evicting the least recently used beyond the limits. */
  put(content: DocumentContent): void {
    this.delete(content.id);
    this.texts.set(content.id, content);
    this.units += content.text.length;
    for (const [id] of this.texts) {
      if (this.texts.size <= this.maxTexts && this.units <= this.maxUnits) break;
      if (id === content.id) break;
      this.delete(id);
    }
  }

  delete(id: string): void {
    const content = this.texts.get(id);
    if (!content) return;
    this.texts.delete(id);
    this.units -= content.text.length;
  }

  clear(): void {
    this.texts.clear();
    this.units = 0;
  }

  /** Ids held, least recently used first (for tests). */
  ids(): string[] {
    return [...this.texts.keys()];
  }

  get size(): number {
    return this.texts.size;
  }

  /** UTF-16 code units held. */
  get totalUnits(): number {
    return this.units;
  }
}
