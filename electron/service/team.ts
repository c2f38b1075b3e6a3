/** Host side of the coder's name (channel team:setCoderName). */
import type { Snapshot } from '../../shared/ipc/contract';
import { HandlerError } from './handler-error';
import type { HostContext } from './handlers';

export async function setCoderName(ctx: HostContext, name: string): Promise<Snapshot> {
  if (!ctx.setCoderName) throw new HandlerError('This host cannot change the coder.');
  await ctx.setCoderName(name);
  const session = ctx.session();
  if (!session) throw new HandlerError('No project is open.');
  return session.snapshot(ctx.kind, ctx.recent());
}
