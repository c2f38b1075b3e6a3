/**
 * One open document: the header (outline, find, document actions), the find bar, the text
 * rendered chunk by chunk (VirtualText), its highlights and stripes, and the popovers that
 * act on it (code picker for a selection, coverage tooltip, right-click menu, memo dialog).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { CodingEntry } from '../../../shared/model/coding-columns';
import type { DocumentContent, DocumentEntry } from '../../../shared/model/document-index';
import { useGloss } from '../store';
import { selectCodeLooks, selectCodeOrder, selectCoderMarks, selectDocumentCodings } from '../store/selectors';
import { CoderLegend } from '../team/CoderLegend';
import { isTextField } from '../common/text-field';
import { CodePicker } from './CodePicker';
import { CoverageTooltip, type Coverage } from './CoverageTooltip';
import { FindBar } from './FindBar';
import { HighlightMenu } from './HighlightMenu';
import { startMemo } from '../memos/actions';
import { ReaderHeader } from './ReaderHeader';
import { ReviewBar } from './ReviewBar';
import { VirtualText } from './VirtualText';
import { ChunkRegistry } from './chunk-registry';
import { codingsAt } from '../../../shared/analysis/codings-at';
import { FIND_CURRENT_HIGHLIGHT, FIND_HIGHLIGHT, FLASH_HIGHLIGHT, paintCodeColors, PENDING_HIGHLIGHT } from './highlights';
import { extendSelectionByKey } from './keyboard-selection';
import { chunkIndexAt, readerLayout } from './layout';
import { markReaderPainted } from './reader-timing';
import { characterAtPoint, firstVisibleOffset, offsetOfPoint, offsetsOfRange, rangeOfOffsets, type TextLayout } from './text-range';
import { useFind, useFindShortcuts } from './use-find';
import { useFindHandoff } from '../search/find-handoff';
import { useReveal } from './use-reveal';
import { useSelectionPins } from './use-selection-pins';
import { selectedSpan, useSelectionTracking } from './use-selection-tracking';
import { useStableNumbers, useStableStructure } from './stable-values';
import { useSpecialHighlights, type SpecialLayers, type Spanned } from './use-special-highlights';
import { visibleName } from '../../../shared/text/safe-names';

/** Width of the code popover in px (kept in step with .code-picker in styles.css). */
const PICKER_WIDTH = 300;
/** Height the popover needs above a selection to open there (input, a few codes, hints). */
const PICKER_ROOM = 240;
/** How long a passage reached from the Excerpts view stays flashed. */
const FLASH_MS = 1600;

const NONE: readonly Spanned[] = [];
let layoutVersions = 0;

/** The document's index entry, and its text and structure (fetched, see document-text.ts). */
export function OpenDocument({ doc, content }: { doc: DocumentEntry; content: DocumentContent }) {
  const docText = content.text;
  const structure = useStableStructure(content.structure);
  const layout = useMemo(() => readerLayout(docText, structure), [docText, structure]);
  const layoutVersion = useMemo(() => ++layoutVersions, [layout]);
  const [registry] = useState(() => new ChunkRegistry());
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const text: TextLayout | null = useMemo(() => (root ? { root, layout, chunkElement: registry.get } : null), [root, layout, registry]);

  const codings = useGloss(selectDocumentCodings(doc.id));
  const looks = useGloss(selectCodeLooks);
  const coders = useGloss(selectCoderMarks);
  const codeOrder = useGloss(selectCodeOrder);
  const pending = useGloss((s) => s.pending);
  const flash = useGloss((s) => s.flash);
  const readOnly = useGloss((s) => s.readOnly);
  const setPending = useGloss((s) => s.setPending);
  const reviewing = useGloss((s) => (s.reviewing ? (s.project?.codings.get(s.reviewing) ?? null) : null));
  const page = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement | null>(null);

  useSelectionTracking(text, doc.id, docText);
  const selectionPins = useSelectionPins(text);
  const { targetChunk, reveal } = useReveal(text, scroller);
  useLayoutEffect(() => paintCodeColors(looks, coders), [looks, coders]);

  // The bench (and anyone curious) can see when the first screen of a document is drawn.
  useLayoutEffect(() => {
    if (text) markReaderPainted(doc.id);
  }, [text, doc.id]);

  // A passage reached from the Excerpts view: scroll to it, flash it and focus it.
  const textNow = useRef(text);
  textNow.current = text;
  const [flashed, setFlashed] = useState<readonly Spanned[]>(NONE);
  useLayoutEffect(() => {
    if (!flash || flash.documentId !== doc.id) return;
    reveal(flash.start, flash.end);
    setFlashed([{ start: flash.start, end: flash.end }]);
    const timer = setTimeout(() => setFlashed(NONE), FLASH_MS);
    const stopFocus = focusPassage(() => textNow.current, flash.start);
    return () => {
      clearTimeout(timer);
      stopFocus();
    };
  }, [flash, doc.id, reveal]);

  // Find in document.
  const topOffset = useCallback(() => (text && scroller ? firstVisibleOffset(text, scroller.getBoundingClientRect().top) : 0), [text, scroller]);
  const goToMatch = useCallback((match: Spanned) => reveal(match.start, match.end), [reveal]);
  const find = useFind(docText, topOffset, goToMatch);
  const currentMatch = find.open && find.current >= 0 ? find.matches[find.current]! : null;
  const [pickerFocus, setPickerFocus] = useState<'text' | 'find'>('text');

  useFindShortcuts(find);

  // A hit reached from the Search view: the find bar shows its query, the hit is the current
  // match, and focus lands on the passage (selected, ready to code) once it is on screen.
  const handoff = useFindHandoff((s) => (s.request?.documentId === doc.id ? s.request : null));
  useEffect(() => {
    if (!handoff || !text) return;
    useFindHandoff.getState().taken(handoff.key);
    const { query, start, end } = handoff;
    if (query.text !== '') find.showQuery(query.text, { caseSensitive: query.caseSensitive, wholeWord: query.wholeWord, regex: query.regex }, start);
    reveal(start, end);
    // The hit's chunk is rendered a frame or a few after reveal() scrolls to it.
    let frame = 0;
    let tries = 0;
    const land = () => {
      const range = rangeOfOffsets(text, start, end);
      if (!range && ++tries < 30) {
        frame = requestAnimationFrame(land);
        return;
      }
      text.root.focus({ preventScroll: true });
      if (!range) return;
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    };
    frame = requestAnimationFrame(land);
    return () => cancelAnimationFrame(frame);
  }, [handoff, text, find.showQuery, reveal]);

  const pendingHere = pending && pending.documentId === doc.id ? pending : null;
  const pinned = useStableNumbers(
    [
      ...selectionPins,
      ...(pendingHere ? [chunkIndexAt(layout, pendingHere.start), chunkIndexAt(layout, pendingHere.end)] : []),
      ...(targetChunk === null ? [] : [targetChunk]),
      ...(currentMatch ? [chunkIndexAt(layout, currentMatch.start)] : []),
    ]
      .filter((n, i, all) => all.indexOf(n) === i)
      .sort((a, b) => a - b),
  );

  const pendingSpans = useMemo(() => (pendingHere ? [{ start: pendingHere.start, end: pendingHere.end }] : NONE), [pendingHere]);
  const currentSpans = useMemo(() => (currentMatch ? [currentMatch] : NONE), [currentMatch]);
  const layers: SpecialLayers = useMemo(
    () => ({
      [PENDING_HIGHLIGHT]: pendingSpans,
      [FLASH_HIGHLIGHT]: flashed,
      [FIND_HIGHLIGHT]: find.open ? find.matches : NONE,
      [FIND_CURRENT_HIGHLIGHT]: currentSpans,
    }),
    [pendingSpans, flashed, find.open, find.matches, currentSpans],
  );
  useSpecialHighlights(text, registry, layers);

  // Where the code popover goes: under the last line of the selection, inside the page; but
  // while Shift+Arrow keys extend the selection forward, above its first line, so the popover
  // never covers the lines still being selected.
  const [pickerAt, setPickerAt] = useState<{ left: number; top: number; above?: boolean } | null>(null);
  const extendingForward = useRef(false);
  useLayoutEffect(() => {
    if (!text || !pendingHere || !page.current) return setPickerAt(null);
    const rects = rangeOfOffsets(text, pendingHere.start, pendingHere.end)?.getClientRects();
    const first = rects?.[0];
    const last = rects?.[rects.length - 1];
    const origin = page.current.getBoundingClientRect();
    if (!first || !last) return setPickerAt(null);
    const roomAbove = first.top - (scroller?.getBoundingClientRect().top ?? 0);
    if (extendingForward.current && roomAbove >= PICKER_ROOM) {
      const left = Math.max(0, Math.min(first.left - origin.left, origin.width - PICKER_WIDTH));
      return setPickerAt({ left, top: first.top - origin.top - 6, above: true });
    }
    const left = Math.max(0, Math.min(last.right - origin.left - 40, origin.width - PICKER_WIDTH));
    setPickerAt({ left, top: last.bottom - origin.top + 6 });
  }, [text, pendingHere, scroller]);

  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [menu, setMenu] = useState<{ codings: CodingEntry[]; at: { x: number; y: number } } | null>(null);
  const frame = useRef(0);

  const codingsUnder = (x: number, y: number): CodingEntry[] => {
    if (!text) return [];
    const offset = characterAtPoint(text, x, y);
    return offset === null ? [] : codingsAt(codings, offset);
  };

  const onMouseMove = (event: MouseEvent) => {
    // No tooltip while the code popover is open: it would cover the popover's input.
    if (event.buttons !== 0 || coverage?.pinned || menu || pendingHere) return;
    const { clientX: x, clientY: y } = event;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const under = codingsUnder(x, y);
      setCoverage(under.length ? { codings: under, x, y, pinned: false } : null);
    });
  };

  const onClick = (event: MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const under = codingsUnder(event.clientX, event.clientY);
    setCoverage(under.length ? { codings: under, x: event.clientX, y: event.clientY, pinned: true } : null);
  };

  const onContextMenu = (event: MouseEvent) => {
    const under = codingsUnder(event.clientX, event.clientY);
    if (under.length === 0) return;
    event.preventDefault();
    setCoverage(null);
    setMenu({ codings: under, at: { x: event.clientX, y: event.clientY } });
  };

  // The text's handlers stay the same functions, so the (long) text never re-renders for them.
  const latest = useRef({ text, codings, docText });
  latest.current = { text, codings, docText };
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (extendSelectionByKey(event)) {
      extendingForward.current = ['ArrowRight', 'ArrowDown', 'End'].includes(event.key);
      return;
    }
    if (event.key === 'Escape') setCoverage(null);
    // The keyboard's way to the right-click menu: the Menu key or Shift+F10, at the selection.
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const { text: current, codings: all } = latest.current;
      const at = current && codingsAtSelection(current, all);
      if (!at || at.codings.length === 0) return;
      event.preventDefault();
      setCoverage(null);
      setMenu(at);
    }
  }, []);
  // Copy takes the selected passage from the document text: part of it may not be rendered.
  const onCopy = useCallback((event: ClipboardEvent<HTMLElement>) => {
    const { text: current, docText } = latest.current;
    const selection = window.getSelection();
    if (!current || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    const offsets = offsetsOfRange(current, selection.getRangeAt(0));
    if (!offsets) return;
    event.clipboardData.setData('text/plain', docText.slice(offsets.start, offsets.end));
    event.preventDefault();
  }, []);

  const closeMenu = useCallback(() => setMenu(null), []);
  const currentSpan = useCallback(() => (text ? selectedSpan(text, doc.id, docText) : null), [text, doc.id, docText]);

  // A pinned tooltip closes on a press anywhere else or on Escape.
  const pinnedTooltip = coverage?.pinned ?? false;
  useEffect(() => {
    if (!pinnedTooltip) return;
    const onMouseDown = (event: globalThis.MouseEvent) => {
      if (!page.current?.contains(event.target as Node)) setCoverage(null);
    };
    const onKey = (event: globalThis.KeyboardEvent) => event.key === 'Escape' && !isTextField(event.target) && setCoverage(null);
    document.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [pinnedTooltip]);

  const codeMatch = () => {
    if (!currentMatch) return;
    window.getSelection()?.removeAllRanges();
    setPickerFocus('find');
    setPending({ documentId: doc.id, start: currentMatch.start, end: currentMatch.end });
  };
  const pickerReturnFocus = pickerFocus === 'find' && find.open ? findInput.current : (text?.root ?? null);
  useEffect(() => {
    if (!pendingHere) setPickerFocus('text');
  }, [pendingHere]);

  const review = useMemo(() => codings.filter((c) => c.needsReview).length, [codings]);
  const reviewingHere = reviewing && reviewing.documentId === doc.id && reviewing.needsReview ? reviewing : null;
  const editSelection = () => pendingHere ?? currentSpan();

  return (
    <section className="reader" aria-label="Reader">
      <ReaderHeader
        doc={doc}
        codings={codings.length}
        review={review}
        headings={layout.headings}
        onHeading={(h) => reveal(h.start, h.end, 'start')}
        onFind={find.show}
        selection={editSelection}
      />
      {coders && <CoderLegend coders={coders} />}
      {reviewingHere && <ReviewBar coding={reviewingHere} selection={pendingHere} />}
      {find.open && (
        <FindBar
          find={find}
          onCode={readOnly ? null : codeMatch}
          onClosed={() => text?.root.focus({ preventScroll: true })}
          inputRef={(element) => (findInput.current = element)}
        />
      )}
      <div ref={setScroller} className="reader-scroll" onScroll={() => coverage && !coverage.pinned && setCoverage(null)}>
        <div
          ref={page}
          className={layout.hasPages ? 'reader-page has-pages' : 'reader-page'}
          onMouseMove={onMouseMove}
          onMouseDown={() => (extendingForward.current = false)}
          onMouseLeave={() => !coverage?.pinned && setCoverage(null)}
          onClick={onClick}
          onContextMenu={onContextMenu}
        >
          <VirtualText
            name={visibleName(doc.name)}
            text={docText}
            layout={layout}
            layoutVersion={layoutVersion}
            textLayout={text}
            codings={codings}
            looks={looks}
            coders={coders}
            codeOrder={codeOrder}
            pinned={pinned}
            registry={registry}
            scrollElement={scroller}
            rootRef={setRoot}
            onKeyDown={onKeyDown}
            onCopy={onCopy}
          />
          {pendingHere && pickerAt && !reviewingHere && (
            <CodePicker
              span={pendingHere}
              at={pickerAt}
              textRoot={text?.root ?? null}
              returnFocusTo={pickerReturnFocus}
              autoFocus={pickerFocus === 'find'}
              currentSpan={currentSpan}
            />
          )}
        </div>
      </div>
      {coverage && !menu && !pendingHere && <CoverageTooltip coverage={coverage} />}
      {menu && <HighlightMenu codings={menu.codings} at={menu.at} onClose={closeMenu} onMemo={startMemo} returnFocusTo={text?.root ?? null} />}
    </section>
  );
}

/** Codings under the selection's focus in the text, and where to open a menu for them. */
function codingsAtSelection(text: TextLayout, codings: readonly CodingEntry[]): { codings: CodingEntry[]; at: { x: number; y: number } } | null {
  const selection = window.getSelection();
  if (!selection?.focusNode || !text.root.contains(selection.focusNode)) return null;
  const offset = offsetOfPoint(text, selection.focusNode, selection.focusOffset);
  // The focus sits between characters; the one before it is the last one selected.
  const under = codingsAt(codings, offset > 0 && !selection.isCollapsed ? offset - 1 : offset);
  const rect = rangeOfOffsets(text, offset, offset)?.getBoundingClientRect();
  if (!rect) return null;
  return { codings: under, at: { x: rect.left, y: rect.bottom + 4 } };
}

/** Frames to wait for a revealed passage's chunk to be rendered before giving up on focusing it. */
const FOCUS_TRIES = 30;

/**
 * Keyboard users carry on where they jumped to (from an excerpt): the text gets focus with
 * the caret at the passage's start (collapsed, so no code popover opens), so Shift+Arrow keys
 * select from there and Shift+F10 opens the passage's menu. Returns a stop function.
 */
function focusPassage(textOf: () => TextLayout | null, offset: number): () => void {
  let frame = 0;
  let tries = 0;
  const step = () => {
    const text = textOf();
    const range = text && rangeOfOffsets(text, offset, offset);
    if (text && range) {
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      text.root.focus({ preventScroll: true });
    } else if (++tries < FOCUS_TRIES) frame = requestAnimationFrame(step);
  };
  frame = requestAnimationFrame(step);
  return () => cancelAnimationFrame(frame);
}
