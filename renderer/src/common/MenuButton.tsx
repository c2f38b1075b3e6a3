/** A button that opens a Menu below itself: a small "⋯", or a labelled "Export ▾" when `text` is given. */
import { useCallback, useRef, useState } from 'react';
import { Menu, type MenuItem } from './Menu';

export function MenuButton({
  label,
  items,
  className,
  text,
  disabled,
}: {
  label: string;
  items: () => readonly MenuItem[];
  className?: string;
  /** Visible text; the button shows "⋯" without it. */
  text?: string;
  disabled?: boolean;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);
  const close = useCallback(() => setAt(null), []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className={className ?? (text ? undefined : 'icon-button')}
        aria-label={label}
        title={label}
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={at !== null}
        onClick={() => {
          if (at) return setAt(null);
          const rect = button.current!.getBoundingClientRect();
          setAt({ x: rect.left, y: rect.bottom + 2 });
        }}
      >
        {text ? (
          <>
            {text} <span aria-hidden="true">▾</span>
          </>
        ) : (
          <span aria-hidden="true">⋯</span>
        )}
      </button>
      {at && <Menu label={label} items={items()} at={at} onClose={close} returnFocusTo={button.current} />}
    </>
  );
}
