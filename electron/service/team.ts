/**
 * Host side of coders, merging and agreement (channels team:*).
 * STUB: the teams engineer fills these in.
 */
import type { AgreementResult } from '../../shared/agreement/types';
import type { AgreementRequestPayload, MergePreview, MergeRequest, OpResponse, Snapshot } from '../../shared/ipc/contract';
import type { MergeReport } from '../../shared/merge/types';
import { HandlerError } from './handler-error';
import type { HostContext } from './handlers';
import type { ProjectService } from './project-service';

export async function setCoderName(ctx: HostContext, name: string): Promise<Snapshot> {
  if (!ctx.setCoderName) throw new HandlerError('This host cannot change the coder.');
  await ctx.setCoderName(name);
  const session = ctx.session();
  if (!session) throw new HandlerError('No project is open.');
  return session.snapshot(ctx.kind, ctx.recent());
}

export async function agreement(service: ProjectService, request: AgreementRequestPayload): Promise<AgreementResult> {
  void service;
  void request;
  throw new HandlerError('Agreement is not built yet.');
}

export async function previewMerge(service: ProjectService, request: MergeRequest): Promise<MergePreview> {
  void service;
  void request;
  throw new HandlerError('Merging is not built yet.');
}

export async function applyMerge(service: ProjectService, request: MergeRequest): Promise<{ result: OpResponse; report: MergeReport }> {
  void service;
  void request;
  throw new HandlerError('Merging is not built yet.');
}
