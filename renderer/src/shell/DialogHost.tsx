/**
 * The one place dialogs are shown: the store's `dialog` request, drawn by its entry in
 * DIALOGS. On first run the coder's name is asked before anything else.
 */
import type { ComponentType } from 'react';
import { useGloss } from '../store';
import { DIALOGS, type DialogRequest } from './dialogs';

const FIRST_RUN: DialogRequest = { kind: 'coder-name', firstRun: true };

export function DialogHost() {
  const requested = useGloss((s) => s.dialog);
  const key = useGloss((s) => s.dialogKey);
  const hasProject = useGloss((s) => !!s.project);
  // First run: ask once a project is open (the name is saved through the open session).
  const unnamed = useGloss((s) => s.coderUnnamed && !!s.project);
  const openDialog = useGloss((s) => s.openDialog);
  const request = unnamed ? FIRST_RUN : requested;
  if (!request) return null;
  const entry = DIALOGS[request.kind];
  if (entry.needsProject && !hasProject) return null;
  const { kind, ...props } = request;
  const Shown = entry.component as ComponentType<Record<string, unknown> & { onClose: () => void }>;
  return <Shown key={unnamed ? kind : key} {...props} onClose={() => openDialog(null)} />;
}
