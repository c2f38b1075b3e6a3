/** Host side of the coder's name (channel team:setCoderName). */
import type { Coder } from '../../shared/model/schema';
import type { CoderNamed } from '../../shared/ipc/contract';
import { HandlerError } from './handler-error';
import type { HostContext } from './handlers';

/**
 * The coder of the open project the person names themselves as: the one with that name,
 * unless it is already them. A coder who set their name on another computer (or in a fresh
 * profile) would otherwise become a second "Alice" beside the first, and agreement and
 * merges would count one person twice. Two coders of that name: none is guessed.
 */
export function sameCoder(coders: Iterable<Coder>, name: string, me: Coder): Coder | undefined {
  const wanted = name.trim().toLocaleLowerCase();
  const named = [...coders].filter((c) => c.name.trim().toLocaleLowerCase() === wanted);
  if (named.some((c) => c.id === me.id)) return undefined;
  return named.length === 1 ? named[0] : undefined;
}

/** Saves the person's name and answers with who codes now (the project itself does not change). */
export async function setCoderName(ctx: HostContext, name: string): Promise<CoderNamed> {
  if (!ctx.setCoderName) throw new HandlerError('This host cannot change the coder.');
  const session = ctx.session();
  if (!session) throw new HandlerError('No project is open.');
  const coder = await ctx.setCoderName(name, sameCoder(session.current.coders.values(), name, ctx.coder()));
  return { coder, coderUnnamed: false };
}
