/** Host side of merging copies (channels team:previewMerge, team:applyMerge). STUB: the merge engineer fills these in. */
import type { MergePreview, MergeRequest, OpResponse } from '../../shared/ipc/contract';
import type { MergeReport } from '../../shared/merge/types';
import { HandlerError } from './handler-error';
import type { ProjectService } from './project-service';

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
