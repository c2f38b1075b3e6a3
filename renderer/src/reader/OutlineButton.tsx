/** "Outline": the document's headings as a menu, indented by level; choosing one scrolls to it. */
import { useCallback, useRef, useState } from 'react';
import { Menu } from '../common/Menu';
import type { Heading } from './layout';

export function OutlineButton({ headings, onGo }: { headings: readonly Heading[]; onGo: (heading: Heading) => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const close = useCallback(() => setAt(null), []);
  const top = Math.min(...headings.map((h) => h.level));
  return (
    <>
      <button
        ref={button}
        type="button"
        className="small"
        aria-haspopup="menu"
        aria-expanded={at !== null}
        title="Jump to a heading"
        onClick={() => {
          if (at) return setAt(null);
          const rect = button.current!.getBoundingClientRect();
          setAt({ x: rect.left, y: rect.bottom + 2 });
        }}
      >
        Outline <span aria-hidden="true">▾</span>
      </button>
      {at && (
        <Menu
          label="Outline"
          items={headings.map((heading) => ({ label: heading.title || '(untitled heading)', indent: heading.level - top, onSelect: () => onGo(heading) }))}
          at={at}
          onClose={close}
          returnFocusTo={button.current}
        />
      )}
    </>
  );
}
