/**
 * The find bar above the text (Ctrl+F): the query, "3 of 12", previous/next (Shift+Enter /
 * Enter, or the buttons), match case and whole-word toggles, and "Code this match", which
 * opens the code popover on the current match.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { matchCountText } from './find-count';
import type { FindState } from './use-find';

export interface FindBarProps {
  find: FindState;
  /** Opens the code popover on the current match. */
  onCode: (() => void) | null;
  /** Gives focus back to the text when the bar closes. */
  onClosed: () => void;
  inputRef: (element: HTMLInputElement | null) => void;
}

export function FindBar({ find, onCode, onClosed, inputRef }: FindBarProps) {
  const input = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [find.focusRequest]);

  const close = () => {
    find.close();
    onClosed();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) find.previous();
      else find.next();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const count = find.query ? matchCountText(find.current, find.matches.length) : '';
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={(element) => {
          input.current = element;
          inputRef(element);
        }}
        className="find-input"
        type="search"
        aria-label="Find in document"
        placeholder="Find in document"
        autoComplete="off"
        spellCheck={false}
        value={find.query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <span className="find-count" aria-live="polite">
        {count}
      </span>
      <button type="button" className="small" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={find.matches.length === 0} onClick={find.previous}>
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" className="small" aria-label="Next match" title="Next match (Enter)" disabled={find.matches.length === 0} onClick={find.next}>
        <span aria-hidden="true">↓</span>
      </button>
      <button
        type="button"
        className="small"
        aria-label="Match case"
        title="Match case"
        aria-pressed={find.options.caseSensitive}
        onClick={() => find.setOptions({ ...find.options, caseSensitive: !find.options.caseSensitive })}
      >
        Aa
      </button>
      <button
        type="button"
        className="small"
        aria-label="Whole words"
        title="Whole words only"
        aria-pressed={find.options.wholeWord}
        onClick={() => find.setOptions({ ...find.options, wholeWord: !find.options.wholeWord })}
      >
        <span aria-hidden="true">“ab”</span>
      </button>
      {/* Only a query handed over from the Search view is a regular expression here (checked
          there, in the host's task worker, under a time limit); the toggle lets the person
          turn it back into plain text, never on, since a pattern typed here would run in
          the window with no limit. */}
      {find.options.regex && (
        <button
          type="button"
          className="small"
          aria-label="Regular expression"
          title="Regular expression, from the Search view: press for plain text"
          aria-pressed={true}
          onClick={() => find.setOptions({ ...find.options, regex: false })}
        >
          <span aria-hidden="true">.*</span>
        </button>
      )}
      <button type="button" className="small" disabled={!onCode || find.current < 0} onClick={() => onCode?.()}>
        Code this match
      </button>
      <button type="button" className="icon-button" aria-label="Close find bar" title="Close (Esc)" onClick={close}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
