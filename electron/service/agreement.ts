/** Host side of inter-coder agreement (channel team:agreement): runs the shared engine on the open project. */
import { agreementSteps, type AgreementState } from '../../shared/agreement/compute';
import type { AgreementResult } from '../../shared/agreement/types';
import type { AgreementRequestPayload } from '../../shared/ipc/contract';
import type { ProjectState } from '../../shared/model/state';
import { HandlerError } from './handler-error';
import type { ProjectService } from './project-service';

/** Work this long without a break before the host reports progress and lets other events through. */
const SLICE_MS = 100;

/**
 * The tables agreement reads, copied: the live state is changed in place, and an edit
 * made while the computation pauses must not leave half the rows from before it and half
 * from after. Entities themselves are replaced, never mutated, so copying the maps is enough.
 */
function snapshot(state: Readonly<ProjectState>): AgreementState {
  return {
    coders: new Map(state.coders),
    codes: new Map(state.codes),
    documents: new Map(state.documents),
    codings: new Map(state.codings),
  };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Agreement on the open project. The engine works one code at a time; every SLICE_MS the
 * host reports how far it is and yields to the event loop, so the progress line can
 * update and the window stays responsive on a big project. Small projects finish inside
 * the first slice and send no progress at all (a line that flashes for a moment helps no one).
 */
export async function agreement(service: Pick<ProjectService, 'current' | 'progress'>, request: AgreementRequestPayload, sliceMs = SLICE_MS): Promise<AgreementResult> {
  const steps = agreementSteps(snapshot(service.current), request);
  let sliceStart = performance.now();
  let reported = false;
  try {
    for (;;) {
      const next = steps.next();
      if (next.done) {
        if (!next.value.ok) throw new HandlerError(`${sentence(next.value.error)}.`);
        return next.value.value;
      }
      if (performance.now() - sliceStart >= sliceMs) {
        service.progress({ task: 'Computing agreement', done: next.value.done, total: next.value.total });
        reported = true;
        await breather();
        sliceStart = performance.now();
      }
    }
  } finally {
    if (reported) service.progress(null);
  }
}
