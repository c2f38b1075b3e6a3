/**
 * The popover that codes the selected passage: a search-as-you-type list of codes.
 * Enter applies the highlighted code, or creates one with the typed name ("Parent > child"
 * creates it under an existing parent); digits 1–9 apply the numbered codes (pinned, then
 * codebook order: codes/digit-keys.ts) while focus is not in a text field; Escape closes.
 * The highlighted code's description shows below the list, where the coding decision is made. Typing a letter while
 * the text still has focus starts the search, so the mouse hand can stay on the mouse.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useGloss } from '../store';
import type { Span } from '../store/types';
import { selectCodesByName } from '../store/selectors';
import { codePath } from '../../../shared/model/codes';
import { isTextField } from '../common/text-field';
import { pickerOptions, type PickerOption } from './code-options';
import { run } from '../project/actions';
import { useDigitKeys } from '../codes/digit-keys';
import { visibleName } from '../../../shared/text/safe-names';

export interface CodePickerProps {
  span: Span;
  /** Position in the reader page, below the end of the selection; `above`: `top` is where its bottom goes. */
  at: { left: number; top: number; above?: boolean };
  /** The text element: typing there goes to the popover. */
  textRoot: HTMLElement | null;
  /** What gets focus back when the popover closes (the text, or the find bar that opened it). */
  returnFocusTo: HTMLElement | null;
  /** Focus the code name field at once (when opened from the find bar rather than a selection). */
  autoFocus?: boolean;
  /**
   * The span the text's selection covers right now. selectionchange arrives a little after
   * the key that changed the selection, so a fast key right after Shift+Arrow reads it here.
   */
  currentSpan: () => Span | null;
}

export function CodePicker({ span, at, textRoot, returnFocusTo, autoFocus, currentSpan }: CodePickerProps) {
  const codes = useGloss(selectCodesByName);
  const digits = useDigitKeys();
  const project = useGloss((s) => s.project);
  const readOnly = useGloss((s) => s.readOnly);
  const setPending = useGloss((s) => s.setPending);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const busy = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const listId = useId();

  const options = useMemo(
    () => pickerOptions(codes, digits, query, (code) => (project ? codePath(project, code.id) : code.name)),
    [codes, digits, query, project],
  );
  const activeIndex = Math.min(active, options.length - 1);
  const activeOption = options[activeIndex];
  const description = activeOption?.kind === 'code' ? activeOption.code.description.trim() : '';
  const descriptionId = `${listId}-description`;

  const close = () => {
    setPending(null);
    window.getSelection()?.removeAllRanges();
    (returnFocusTo ?? textRoot)?.focus({ preventScroll: true });
  };

  useEffect(() => {
    if (autoFocus) input.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  const apply = async (option: PickerOption | undefined, passage: Span = span) => {
    if (!option || busy.current) return;
    busy.current = true;
    const target =
      option.kind === 'code' ? { codeId: option.code.id } : { newCodeName: option.name, ...(option.parent ? { newCodeParentId: option.parent.id } : {}) };
    const response = await run({ type: 'applyCode', documentId: passage.documentId, start: passage.start, end: passage.end, ...target });
    busy.current = false;
    if (response) close();
  };

  // Keys pressed while focus is still in the text (or anywhere but a text field).
  const latest = useRef({ options, apply, close, currentSpan });
  latest.current = { options, apply, close, currentSpan };
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || isTextField(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (box.current?.contains(event.target as Node)) return;
      if (document.querySelector('dialog[open], [role="menu"]')) return;
      if (/^[1-9]$/.test(event.key)) {
        const n = Number(event.key);
        const option = latest.current.options.find((o) => o.kind === 'code' && o.shortcut === n);
        if (option) {
          event.preventDefault();
          void latest.current.apply(option, latest.current.currentSpan() ?? undefined);
        }
      } else if (event.key === 'Escape') {
        event.preventDefault();
        latest.current.close();
      } else if (event.key.length === 1 && event.key !== ' ' && (event.target === document.body || textRoot?.contains(event.target as Node))) {
        event.preventDefault();
        const fresh = latest.current.currentSpan();
        if (fresh) setPending(fresh);
        setQuery((q) => q + event.key);
        setActive(0);
        input.current?.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [textRoot, setPending]);

  // A press outside the popover and the text closes it (a press in the text makes a new selection).
  useEffect(() => {
    const onMouseDown = (event: MouseEvent) => {
      const target = event.target as Node;
      if (box.current?.contains(target) || textRoot?.contains(target)) return;
      setPending(null);
    };
    document.addEventListener('mousedown', onMouseDown, true);
    return () => document.removeEventListener('mousedown', onMouseDown, true);
  }, [textRoot, setPending]);

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        setActive((activeIndex + 1) % options.length);
        break;
      case 'ArrowUp':
        setActive((activeIndex - 1 + options.length) % options.length);
        break;
      case 'Enter':
        void apply(options[activeIndex]);
        break;
      case 'Escape':
        close();
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  if (readOnly) {
    return (
      <div ref={box} className="code-picker" style={{ left: at.left, top: at.top }}>
        <p className="hint">This project is open read-only, so passages cannot be coded.</p>
      </div>
    );
  }

  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div ref={box} className="code-picker" style={{ left: at.left, top: at.top, transform: at.above ? 'translateY(-100%)' : undefined }} data-testid="code-picker">
      <input
        ref={input}
        className="code-picker-input"
        role="combobox"
        aria-label="Code name"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length ? optionId(activeIndex) : undefined}
        aria-describedby={description ? descriptionId : undefined}
        placeholder="Type a code name…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onInputKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Codes" className="code-picker-list">
        {options.map((option, i) => (
          <li
            key={option.kind === 'code' ? option.code.id : 'create'}
            id={optionId(i)}
            role="option"
            aria-selected={i === activeIndex}
            className={i === activeIndex ? 'option active' : 'option'}
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => void apply(option)}
          >
            {option.kind === 'code' ? (
              <>
                <span className="swatch" style={{ background: option.code.color }} aria-hidden="true" />
                <span className="option-name">{visibleName(option.code.name)}</span>
                {option.code.parentId && project && (
                  <span className="option-path">{visibleName(codePath(project, option.code.parentId))}</span>
                )}
                {option.shortcut && <kbd>{option.shortcut}</kbd>}
              </>
            ) : (
              <span className="option-name">
                Create “{visibleName(option.name)}”{option.parent && project && ` under “${visibleName(codePath(project, option.parent.id))}”`}
              </span>
            )}
          </li>
        ))}
      </ul>
      {description && (
        <p id={descriptionId} className="code-picker-description">
          {description}
        </p>
      )}
      {options.length === 0 && (
        <p className="hint">{query.includes('>') ? 'Type “Parent > new code” with the name of an existing code before “>”.' : 'Type a name to create your first code.'}</p>
      )}
      <p className="hint" aria-hidden="true">
        Enter applies · 1–9 numbered codes · Parent &gt; child · Esc closes
      </p>
    </div>
  );
}
