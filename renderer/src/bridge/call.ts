/**
 * The one road from the renderer to its host. Every feature's actions.ts calls `call`; no
 * component touches the bridge. `call` never throws: a request the host refuses, or cannot
 * answer, comes back as `{ ok: false, error }` with the message for the user, and what a
 * reply carries for the store (a Change, another project, the coder, a save state, the
 * export settings; see reply-effects.ts) is applied here, in one place, before the caller
 * sees the reply. Replies that change the project are applied in the order they arrive,
 * each after the new texts of the documents it rewrites are fetched (text-refresh.ts).
 */
import { messageOf } from '../common/errors';
import { useGloss } from '../store';
import { getBridge } from './index';
import type { Channel, ChannelArg, ChannelResult, DocumentContent, HostEvent, HostEvents } from './channels';
import { changeOf, REPLY_EFFECTS, type ReplyEffect } from './reply-effects';
import { fetchRewrittenTexts } from './text-refresh';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** A channel's arguments: none, or its one payload. */
type ArgsOf<C extends Channel> = ChannelArg<C> extends undefined ? [] : [ChannelArg<C>];

/**
 * Applies what a reply carries to the store; the refusal's message when an operation was
 * refused. `texts` are the new texts of held documents its Change rewrites.
 */
function applyEffect(effect: ReplyEffect, texts: readonly DocumentContent[] = []): string | null {
  const store = useGloss.getState();
  if (effect.op && !effect.op.ok) return effect.op.error;
  if (effect.op) store.applyHostChange(effect.op.change, effect.op.history, texts);
  if (effect.opened) store.loadSnapshot(effect.opened);
  if (effect.coder) store.coderNamed(effect.coder);
  if (effect.save) store.setSaveState(effect.save);
  if (effect.text) store.textArrived(effect.text);
  if (effect.exportSettings) store.exportSettingsChanged(effect.exportSettings);
  return null;
}

/** The last reply that changes the project, while it waits for texts: later ones queue behind it. */
let applying: Promise<unknown> = Promise.resolve();

/** Applies an effect, in arrival order when it changes the project. */
function applyInOrder(effect: ReplyEffect): string | null | Promise<string | null> {
  const change = changeOf(effect);
  if (!change && !effect.opened) return applyEffect(effect);
  const applied = applying.then(async () => {
    const texts = change ? await fetchRewrittenTexts(change) : [];
    return applyEffect(effect, texts);
  });
  // A failure is the caller's to see; the queue goes on.
  applying = applied.catch(() => {});
  return applied;
}

/** Asks the host; applies what the reply carries; resolves to the reply or the error, never rejects. */
export async function call<C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<Outcome<ChannelResult<C>>> {
  let value: ChannelResult<C>;
  try {
    const send = getBridge()[channel] as (...a: unknown[]) => Promise<ChannelResult<C>>;
    value = await send(...args);
  } catch (e) {
    return { ok: false, error: messageOf(e) };
  }
  const refused = await applyInOrder((REPLY_EFFECTS[channel] as (v: ChannelResult<C>) => ReplyEffect)(value));
  return refused === null ? { ok: true, value } : { ok: false, error: refused };
}

/**
 * Like `call`, but a failure is shown in the message area (through `describe`, e.g. to name
 * a file or say what failed); resolves to the reply, or null when it failed.
 */
export async function callOrNotify<C extends Channel>(
  channel: C,
  args: ArgsOf<C>,
  describe: (error: string) => string = (error) => error,
): Promise<ChannelResult<C> | null> {
  const outcome = await call(channel, ...args);
  if (outcome.ok) return outcome.value;
  useGloss.getState().notify(describe(outcome.error));
  return null;
}

/** Subscribes to a host event; returns the unsubscribe function. */
export function listen<E extends HostEvent>(event: E, listener: (payload: HostEvents[E]) => void): () => void {
  return getBridge().on(event, listener);
}
