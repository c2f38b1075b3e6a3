/** Plain-words reasons for failed file-system calls, for messages a user reads. */

const COMMON: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EROFS: 'the disk is read-only',
  EISDIR: 'it is a folder, not a file',
  EMFILE: 'too many files are open',
};

/**
 * Why a file call failed, without Node's "EACCES: …, open '/x'" noise. ENOENT means a
 * missing file when reading and a vanished folder when writing.
 */
export function fileErrorReason(e: unknown, doing: 'reading' | 'writing' = 'writing'): string {
  const error = e as NodeJS.ErrnoException;
  if (error?.code === 'ENOENT') return doing === 'reading' ? 'the file does not exist' : 'the folder no longer exists';
  return (error?.code && COMMON[error.code]) || (e instanceof Error ? e.message : String(e));
}
