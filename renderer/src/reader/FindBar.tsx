/**
 * The find bar above the text (Ctrl+F): the query, "3 of 12", previous/next (Shift+Enter /
 * Enter, or the buttons), match case, whole-word and regular-expression toggles, and "Code
 * this match", which opens the code popover on the current match. A regular expression that
 * does not compile, or that runs past its time limit, is said under the bar.
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

  const count = !find.query || find.problem ? '' : find.searching && find.matches.length === 0 ? 'Finding…' : matchCountText(find.current, find.matches.length);
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
      {/* Run in a worker with a time limit (regex-finder.ts): a pattern that backtracks without end is stopped there. */}
      <button
        type="button"
        className="small"
        aria-label="Regular expression"
        title="Regular expression (JavaScript syntax)"
        aria-pressed={!!find.options.regex}
        onClick={() => find.setOptions({ ...find.options, regex: !find.options.regex })}
      >
        <span aria-hidden="true">.*</span>
      </button>
      <button type="button" className="small" disabled={!onCode || find.current < 0} onClick={() => onCode?.()}>
        Code this match
      </button>
      <button type="button" className="icon-button" aria-label="Close find bar" title="Close (Esc)" onClick={close}>
        <span aria-hidden="true">×</span>
      </button>
      {find.problem && (
        <p className="error-text find-problem" role="alert">
          {find.problem}
        </p>
      )}
    </div>
  );
}
