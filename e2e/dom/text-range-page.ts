/**
 * The reader's offset ↔ DOM module (renderer/src/reader/text-range.ts) on its own in a page,
 * for text-range-dom.spec.ts: bundled by esbuild and loaded into a blank page, with a small
 * renderer that builds the same DOM the reader does (ChunkView + ChunkText): one
 * `data-chunk` element per rendered chunk, one `data-seg` element per segment holding
 * exactly its text, speaker marks as spans inside it.
 */
import type { StructureRange } from '../../shared/model/schema';
import { readerLayout, type ReaderLayout } from '../../renderer/src/reader/layout';
import * as textRange from '../../renderer/src/reader/text-range';
import type { TextLayout } from '../../renderer/src/reader/text-range';

function segmentElement(text: string, layout: ReaderLayout, index: number): HTMLElement {
  const segment = layout.segments[index]!;
  const p = document.createElement('p');
  p.dataset.seg = String(index);
  let at = segment.start;
  for (const mark of segment.marks ?? []) {
    if (mark.start > at) p.append(text.slice(at, mark.start));
    const span = document.createElement('span');
    span.className = mark.kind;
    span.textContent = text.slice(mark.start, mark.end);
    p.append(span);
    at = mark.end;
  }
  if (at < segment.end) p.append(text.slice(at, segment.end));
  return p;
}

/** Lays `text` out in small chunks and renders the chunks listed (all when `rendered` is left out) into #root. */
function render(text: string, structure: StructureRange[] = [], rendered?: number[]): TextLayout {
  const layout = readerLayout(text, structure, { chunkChars: 40, chunkSegments: 3, maxSegment: 30 });
  const root = document.getElementById('root')!;
  root.replaceChildren();
  const elements = new Map<number, HTMLElement>();
  for (const chunk of layout.chunks) {
    if (rendered && !rendered.includes(chunk.index)) continue;
    const div = document.createElement('div');
    div.dataset.chunk = String(chunk.index);
    for (let i = chunk.first; i < chunk.last; i++) div.append(segmentElement(text, layout, i));
    root.append(div);
    elements.set(chunk.index, div);
  }
  return { root, layout, chunkElement: (index) => elements.get(index) };
}

(window as unknown as { lab: unknown }).lab = { render, ...textRange };
