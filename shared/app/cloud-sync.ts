/**
 * Whether a project sits in a folder a cloud client syncs (Dropbox, OneDrive, iCloud Drive,
 * Google Drive, Nextcloud), told from its path alone: each client keeps its files under a
 * folder of a known name (macOS puts the newer ones under ~/Library/CloudStorage). A synced
 * project changed on two machines before the client caught up becomes two files ("conflicted
 * copy", "-PC-name"), neither holding the other's work; Merge brings them together. Pure, so
 * the desktop app, the browser host and the CLI say the same thing.
 */

export type CloudClient = 'Dropbox' | 'OneDrive' | 'iCloud Drive' | 'Google Drive' | 'Nextcloud';

export interface CloudSync {
  client: CloudClient;
  /** The synced folder: the path up to and including the client's folder. */
  folder: string;
}

/**
 * Folder names, compared without regard to case (Windows and macOS file names are
 * case-insensitive); `under` is the folder the name must be in, where the name alone would
 * say too little ("Dropbox-Personal" means Dropbox only inside macOS's CloudStorage).
 */
const FOLDERS: readonly { name: RegExp; under?: RegExp; client: CloudClient }[] = [
  { name: /^dropbox( \(.+\))?$/i, client: 'Dropbox' },
  { name: /^onedrive( - .+)?$/i, client: 'OneDrive' }, // "OneDrive - Contoso" for work accounts
  { name: /^icloud ?drive$/i, client: 'iCloud Drive' }, // Windows: C:\Users\NAME\iCloudDrive
  { name: /^mobile documents$/i, under: /^library$/i, client: 'iCloud Drive' }, // macOS: ~/Library/Mobile Documents
  { name: /^google ?drive$/i, client: 'Google Drive' },
  { name: /^my drive$/i, client: 'Google Drive' }, // Google Drive for desktop's G:\My Drive
  { name: /^nextcloud$/i, client: 'Nextcloud' },
  // macOS file providers: ~/Library/CloudStorage/Dropbox-Personal, OneDrive-Contoso, GoogleDrive-ana@…
  { name: /^dropbox-/i, under: /^cloudstorage$/i, client: 'Dropbox' },
  { name: /^onedrive-/i, under: /^cloudstorage$/i, client: 'OneDrive' },
  { name: /^googledrive-/i, under: /^cloudstorage$/i, client: 'Google Drive' },
];

/** The cloud client syncing the folder `file` is in, if its path says so. */
export function cloudSyncOf(file: string): CloudSync | null {
  const parts = file.split(/[\\/]/);
  const separator = file.includes('\\') && !file.includes('/') ? '\\' : '/';
  // The folders only: the file's own name says nothing about where it is.
  for (let i = 0; i < parts.length - 1; i++) {
    const found = FOLDERS.find((f) => f.name.test(parts[i]!) && (!f.under || (i > 0 && f.under.test(parts[i - 1]!))));
    if (found) return { client: found.client, folder: parts.slice(0, i + 1).join(separator) };
  }
  return null;
}

/** The warning a person sees: where the project is, how conflicting copies arise, and the way out. */
export function cloudSyncWarning(fileLabel: string, sync: CloudSync): string {
  return (
    `${fileLabel} is in a folder ${sync.client} syncs (${sync.folder}). If it is changed on two computers before ${sync.client} has synced, ` +
    `${sync.client} keeps two files, each without the other's work. Bring such copies together with Merge another copy of this project… (Team menu; File menu in the desktop app) or gloss merge, ` +
    `or keep the project outside the synced folder and share copies instead.`
  );
}
