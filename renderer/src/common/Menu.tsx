/**
 * A popup menu (ARIA menu pattern): opens with focus on the first item, Arrow keys and
 * Home/End move, Enter/Space choose, Escape or a click elsewhere closes and gives focus back.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
  /** Indentation steps (an outline's levels). */
  indent?: number;
  /** A setting that is on or off: the item is a menuitemcheckbox showing a tick when on. */
  checked?: boolean;
}

/** Both kinds of item the keyboard moves between. */
const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemcheckbox"]';

export interface MenuProps {
  label: string;
  items: readonly MenuItem[];
  /** Viewport position of the menu's top-left corner. */
  at: { x: number; y: number };
  onClose: () => void;
  /** Where focus goes back to when the menu closes without a choice being made elsewhere. */
  returnFocusTo?: HTMLElement | null;
}

export function Menu({ label, items, at, onClose, returnFocusTo }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(at);

  // Keep the menu on screen: flip left/up when it would overflow the window.
  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPosition({
      x: Math.max(4, Math.min(at.x, window.innerWidth - width - 4)),
      y: at.y + height > window.innerHeight - 4 ? Math.max(4, at.y - height) : at.y,
    });
    [...menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR)].find((item) => item.getAttribute('aria-disabled') !== 'true')?.focus();
  }, [at]);

  useEffect(() => {
    const onPointerDown = (event: MouseEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    document.addEventListener('mousedown', onPointerDown, true);
    return () => document.removeEventListener('mousedown', onPointerDown, true);
  }, [onClose]);

  const close = () => {
    onClose();
    returnFocusTo?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>(ITEM_SELECTOR) ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => buttons[(to + buttons.length) % buttons.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(index + 1);
        break;
      case 'ArrowUp':
        move(index - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(buttons.length - 1);
        break;
      case 'Escape':
        close();
        break;
      case 'Tab':
        close();
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  // Roving tabindex: the first item one can choose is the menu's stop in the tab order, so a
  // menu taller than a small window, which scrolls, is reachable from the keyboard (the
  // arrows then move focus, and the focused item scrolls into view).
  const tabStop = items.findIndex((item) => !item.disabled);

  return createPortal(
    <div ref={ref} role="menu" aria-label={label} className="menu" style={{ left: position.x, top: position.y }} onKeyDown={onKeyDown}>
      {items.map((item, i) => (
        <button
          key={`${i}:${item.label}`}
          type="button"
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked}
          className={item.danger ? 'menu-item danger' : 'menu-item'}
          aria-disabled={item.disabled || undefined}
          tabIndex={i === tabStop ? 0 : -1}
          style={item.indent ? { paddingLeft: `${0.6 + item.indent}rem` } : undefined}
          onClick={() => {
            if (item.disabled) return;
            onClose();
            item.onSelect();
            // An item that opens something outside the page (a file chooser) leaves focus on
            // the removed item, i.e. nowhere: give it back to the menu's button.
            requestAnimationFrame(() => {
              const active = document.activeElement;
              if (!active || active === document.body || !active.isConnected) returnFocusTo?.focus();
            });
          }}
        >
          {item.checked !== undefined && (
            <span className="menu-check" aria-hidden="true">
              {item.checked ? '✓' : ''}
            </span>
          )}
          {item.label}
        </button>
      ))}
    </div>,
    // Inside the page's main landmark, so assistive technology (and axe) find it in one; it
    // is placed with fixed coordinates, so where it sits in the DOM does not move it.
    document.querySelector('main') ?? document.body,
  );
}
