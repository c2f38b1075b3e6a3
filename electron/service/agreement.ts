/** Host side of inter-coder agreement (channel team:agreement). STUB: the agreement engineer fills this in. */
import type { AgreementResult } from '../../shared/agreement/types';
import type { AgreementRequestPayload } from '../../shared/ipc/contract';
import { HandlerError } from './handler-error';
import type { ProjectService } from './project-service';

export async function agreement(service: ProjectService, request: AgreementRequestPayload): Promise<AgreementResult> {
  void service;
  void request;
  throw new HandlerError('Agreement is not built yet.');
}

