/** The History view's requests: the audit trail and the backups, fetched when shown (never with the snapshot), and restoring a backup. */
import type { AuditEntry } from '../../../shared/model/schema';
import type { BackupListing } from '../../../shared/ipc/contract';
import { call, callOrNotify } from '../bridge/call';
import { useGloss } from '../store';

/** The whole trail, oldest first; null when it could not be fetched (the reason is shown). */
export async function fetchTrail(): Promise<AuditEntry[] | null> {
  return callOrNotify('audit:list', [], (error) => `The project's history could not be read: ${error}`);
}

/** The open project's backups, newest first. */
export async function fetchBackups(): Promise<BackupListing[] | null> {
  return callOrNotify('backups:list', [], (error) => `The backups could not be listed: ${error}`);
}

/** Restores a backup (the host backs up the present first); true when it was restored. */
export async function restoreBackup(backup: BackupListing): Promise<boolean> {
  const reply = await callOrNotify('backups:restore', [backup.id]);
  if (!reply?.ok) return false;
  useGloss.getState().notify(`Restored the backup made before “${backup.reason}”. The project as it was is kept as a backup too; Undo takes the restore back.`, 'info');
  return true;
}

/** Deletes the project's older copies (backups, previous save) after saving it; a sentence saying what went, or the reason nothing did. */
export async function forgetOlderCopies(): Promise<{ ok: boolean; text: string }> {
  const reply = await call('backups:forget');
  if (!reply.ok) return { ok: false, text: reply.error };
  if (!reply.value.ok) return { ok: false, text: reply.value.error };
  const { backups, previousSave } = reply.value;
  const parts = [backups > 0 ? (backups === 1 ? '1 backup' : `${backups} backups`) : '', previousSave ? 'the previous save' : ''].filter(Boolean);
  return { ok: true, text: parts.length > 0 ? `Deleted ${parts.join(' and ')}. The project itself is saved.` : 'There were no older copies to delete. The project itself is saved.' };
}
