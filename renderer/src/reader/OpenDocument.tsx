/**
 * One open document: the text, its highlights and stripes, and the popovers that act on it
 * (code picker for a selection, coverage tooltip, right-click menu, memo dialog).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Coding, GlossDocument, Memo } from '../../../shared/model/schema';
import { useGloss } from '../store';
import { selectCodeLooks, selectCodeOrder, selectDocumentCodings } from '../store/selectors';
import { MemoDialog } from '../memos/MemoDialog';
import { CodePicker } from './CodePicker';
import { CodingStripes } from './CodingStripes';
import { CoverageTooltip, type Coverage } from './CoverageTooltip';
import { DocumentText } from './DocumentText';
import { HighlightMenu } from './HighlightMenu';
import { codingsAt } from './coverage';
import { extendSelectionByKey } from './keyboard-selection';
import { characterAtPoint, offsetOfPoint, rangeOfOffsets, type TextLayout } from './text-range';
import { useCodeHighlights, useFlash, usePendingHighlight } from './use-reader-highlights';
import { selectedSpan, useSelectionTracking } from './use-selection-tracking';
import { useTextLayout } from './use-text-layout';

/** Width of the code popover in px (kept in step with .code-picker in styles.css). */
const PICKER_WIDTH = 300;

export function OpenDocument({ doc }: { doc: GlossDocument }) {
  const { paragraphs, layout, rootRef } = useTextLayout(doc.text);
  const codings = useGloss(selectDocumentCodings(doc.id));
  const looks = useGloss(selectCodeLooks);
  const codeOrder = useGloss(selectCodeOrder);
  const pending = useGloss((s) => s.pending);
  const flash = useGloss((s) => s.flash);
  const page = useRef<HTMLDivElement>(null);

  useSelectionTracking(layout, doc.id, doc.text);
  useCodeHighlights(layout, codings, looks);
  usePendingHighlight(layout, doc.id, pending);
  useFlash(layout, doc.id, flash);

  // Where the code popover goes: under the last line of the selection, inside the page.
  const [pickerAt, setPickerAt] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    if (!layout || !pending || pending.documentId !== doc.id || !page.current) return setPickerAt(null);
    const rects = rangeOfOffsets(layout, pending.start, pending.end).getClientRects();
    const last = rects[rects.length - 1];
    const origin = page.current.getBoundingClientRect();
    if (!last) return setPickerAt(null);
    const left = Math.max(0, Math.min(last.right - origin.left - 40, origin.width - PICKER_WIDTH));
    setPickerAt({ left, top: last.bottom - origin.top + 6 });
  }, [layout, pending, doc.id]);

  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [menu, setMenu] = useState<{ codings: Coding[]; at: { x: number; y: number } } | null>(null);
  const [memo, setMemo] = useState<{ coding: Coding; memo: Memo | null } | null>(null);
  const frame = useRef(0);

  const codingsUnder = (x: number, y: number): Coding[] => {
    if (!layout) return [];
    const offset = characterAtPoint(layout, x, y);
    return offset === null ? [] : codingsAt(codings, offset);
  };

  const onMouseMove = (event: MouseEvent) => {
    if (event.buttons !== 0 || coverage?.pinned || menu) return;
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

  // The text's key handler stays the same function, so the (long) text never re-renders for it.
  const latest = useRef({ layout, codings });
  latest.current = { layout, codings };
  const onKeyDown = useCallback((event: KeyboardEvent<HTMLElement>) => {
    if (extendSelectionByKey(event)) return;
    if (event.key === 'Escape') setCoverage(null);
    // The keyboard's way to the right-click menu: the Menu key or Shift+F10, at the selection.
    if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) {
      const { layout: text, codings: all } = latest.current;
      const at = text && codingsAtSelection(text, all);
      if (!at || at.codings.length === 0) return;
      event.preventDefault();
      setCoverage(null);
      setMenu(at);
    }
  }, []);

  const closeMenu = useCallback(() => setMenu(null), []);
  const currentSpan = useCallback(() => (layout ? selectedSpan(layout, doc.id, doc.text) : null), [layout, doc.id, doc.text]);

  // A pinned tooltip closes on a press anywhere else or on Escape.
  const pinned = coverage?.pinned ?? false;
  useEffect(() => {
    if (!pinned) return;
    const onMouseDown = (event: globalThis.MouseEvent) => {
      if (!page.current?.contains(event.target as Node)) setCoverage(null);
    };
    const onKey = (event: globalThis.KeyboardEvent) => event.key === 'Escape' && setCoverage(null);
    document.addEventListener('mousedown', onMouseDown, true);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onMouseDown, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [pinned]);

  return (
    <section className="reader" aria-label="Reader">
      <header className="reader-header">
        <h2>{doc.name}</h2>
        <span className="muted">
          {codings.length === 1 ? '1 coding' : `${codings.length} codings`} · {doc.text.length.toLocaleString()} characters
        </span>
      </header>
      <div className="reader-scroll" onScroll={() => coverage && !coverage.pinned && setCoverage(null)}>
        <div
          ref={page}
          className="reader-page"
          onMouseMove={onMouseMove}
          onMouseLeave={() => !coverage?.pinned && setCoverage(null)}
          onClick={onClick}
          onContextMenu={onContextMenu}
        >
          <DocumentText name={doc.name} text={doc.text} paragraphs={paragraphs} rootRef={rootRef} onKeyDown={onKeyDown} />
          <CodingStripes layout={layout} codings={codings} looks={looks} codeOrder={codeOrder} />
          {pending && pending.documentId === doc.id && pickerAt && (
            <CodePicker span={pending} at={pickerAt} textRoot={layout?.root ?? null} currentSpan={currentSpan} />
          )}
        </div>
      </div>
      {coverage && !menu && <CoverageTooltip coverage={coverage} />}
      {menu && <HighlightMenu codings={menu.codings} at={menu.at} onClose={closeMenu} onMemo={(coding, m) => setMemo({ coding, memo: m })} returnFocusTo={layout?.root ?? null} />}
      {memo && <MemoDialog coding={memo.coding} memo={memo.memo} onClose={() => setMemo(null)} />}
    </section>
  );
}

/** Codings under the selection's focus in the text, and where to open a menu for them. */
function codingsAtSelection(layout: TextLayout, codings: readonly Coding[]): { codings: Coding[]; at: { x: number; y: number } } | null {
  const selection = window.getSelection();
  if (!selection?.focusNode || !layout.root.contains(selection.focusNode)) return null;
  const offset = offsetOfPoint(layout, selection.focusNode, selection.focusOffset);
  // The focus sits between characters; the one before it is the last one selected.
  const under = codingsAt(codings, offset > 0 && !selection.isCollapsed ? offset - 1 : offset);
  const rect = rangeOfOffsets(layout, offset, offset).getBoundingClientRect();
  return { codings: under, at: { x: rect.left, y: rect.bottom + 4 } };
}
