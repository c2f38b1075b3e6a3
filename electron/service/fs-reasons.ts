/**
 * Plain words for failed file-system calls, for messages a user reads: why it failed, and
 * what to do about it where they are (the command line, the app, the browser host, an
 * export). Every place that reads or writes a project or an export takes its words from here.
 */

const COMMON: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  ENAMETOOLONG: 'the file name or its path is too long',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file is in use by another program',
  EIO: 'the disk reported an error',
  ELOOP: 'its path has too many symbolic links',
};

/** A file-system error with a known code (EROFS, EACCES, ENOSPC, …), as opposed to a bug. */
export function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && (code === 'ENOENT' || code in COMMON);
}

/**
 * Why a file call failed, without Node's "EACCES: …, open '/x'" noise. ENOENT means a
 * missing file when reading and a vanished folder when writing.
 */
export function fileErrorReason(e: unknown, doing: 'reading' | 'writing' = 'writing'): string {
  const error = e as NodeJS.ErrnoException;
  if (error?.code === 'ENOENT') return doing === 'reading' ? 'the file does not exist' : 'the folder no longer exists';
  return (error?.code && COMMON[error.code]) || (e instanceof Error ? e.message : String(e));
}

/** The kind of trouble, for choosing the way out. */
type Trouble = 'not-writable' | 'full' | 'too-long' | 'other';

function troubleOf(e: unknown): Trouble {
  switch ((e as NodeJS.ErrnoException | null)?.code) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'not-writable';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'full';
    case 'ENAMETOOLONG':
      return 'too-long';
    default:
      return 'other';
  }
}

/** Where the user meets the failure: a `gloss` command changing a project, the app, the browser host, or an export anywhere. */
export type FailurePlace = 'cli' | 'app' | 'host' | 'export';

const WAYS_OUT: Record<FailurePlace, Record<Trouble, string>> = {
  cli: {
    'not-writable':
      'Commands that only read it (gloss info, gloss export, --dry-run) still work; to change it, copy it to a folder you can write to.',
    full: 'Free some space and run the command again.',
    'too-long': 'Move or rename it to a shorter path and run the command again.',
    other: '',
  },
  app: {
    'not-writable': 'Use File > Save As to keep it in a folder you can write to.',
    full: 'Free some space, or use File > Save As to keep it on another disk.',
    'too-long': 'Use File > Save As with a shorter name or in a folder nearer the top.',
    other: '',
  },
  host: {
    'not-writable': 'To look at it without changing it, add --read-only; to change it, copy it to a folder you can write to.',
    full: 'Free some space; Gloss keeps trying to save.',
    'too-long': 'Move or rename it to a shorter path.',
    other: '',
  },
  export: {
    'not-writable': 'Choose another folder.',
    full: 'Free some space, or choose a folder on another disk.',
    'too-long': 'Choose a shorter name or a folder nearer the top.',
    other: '',
  },
};

/** What the user can do about a failed write where they are; '' when there is nothing to say beyond the reason. */
export function fileErrorWayOut(e: unknown, place: FailurePlace): string {
  return WAYS_OUT[place][troubleOf(e)];
}
