/** Dialogs of team work: the coder's name (asked on first run) and merging another copy. */
import { useGloss } from '../store';
import { CoderNameDialog } from './CoderNameDialog';
import { MergeDialog } from './MergeDialog';

export function TeamDialogs() {
  const dialog = useGloss((s) => s.teamDialog);
  // First run: ask once a project is open (the name is saved through the open session).
  const unnamed = useGloss((s) => s.coderUnnamed && !!s.project);
  const openTeamDialog = useGloss((s) => s.openTeamDialog);
  const close = () => openTeamDialog(null);
  if (unnamed) return <CoderNameDialog firstRun onClose={close} />;
  if (dialog === 'coder-name') return <CoderNameDialog firstRun={false} onClose={close} />;
  if (dialog === 'merge') return <MergeDialog onClose={close} />;
  return null;
}
