/**
 * The find bar's regular expressions run here, off the window's thread: a pattern that
 * backtracks without end cannot be interrupted inside exec(), so the window ends this
 * worker at a time limit instead (regex-finder.ts). It keeps the last text it was sent, so
 * a new pattern over the same document sends only the pattern.
 */
import { findMatches, type FindOptions } from '../../../shared/text/find';

/** A find in the text (the text comes along only when it changed since the last request). */
export interface FindRequest {
  id: number;
  text?: string;
  query: string;
  options: FindOptions;
}

/** The matches as [start, end, start, end, …], transferred rather than copied. */
export interface FindReply {
  id: number;
  spans: Uint32Array;
}

let text = '';

self.onmessage = (event: MessageEvent<FindRequest>) => {
  const request = event.data;
  if (request.text !== undefined) text = request.text;
  const matches = findMatches(text, request.query, request.options);
  const spans = new Uint32Array(matches.length * 2);
  matches.forEach((m, i) => {
    spans[2 * i] = m.start;
    spans[2 * i + 1] = m.end;
  });
  const reply: FindReply = { id: request.id, spans };
  (self as unknown as Worker).postMessage(reply, [spans.buffer]);
};
