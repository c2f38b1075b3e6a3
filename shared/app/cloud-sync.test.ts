import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cloudSyncOf, cloudSyncWarning } from './cloud-sync';

describe('cloud-synced folders', () => {
  it('recognise each client\'s folders on Windows, macOS and Linux', () => {
    const cases: [string, string | null, string?][] = [
      ['/home/ana/Dropbox/study/study.gloss', 'Dropbox', '/home/ana/Dropbox'],
      ['C:\\Users\\Ana\\Dropbox (Agency)\\study.gloss', 'Dropbox', 'C:\\Users\\Ana\\Dropbox (Agency)'],
      ['/Users/ana/Library/CloudStorage/Dropbox-Personal/study.gloss', 'Dropbox'],
      ['C:\\Users\\Ana\\OneDrive - Contoso\\Research\\study.gloss', 'OneDrive'],
      ['/Users/ana/Library/CloudStorage/OneDrive-Personal/x.gloss', 'OneDrive'],
      ['/Users/ana/Library/Mobile Documents/com~apple~CloudDocs/x.gloss', 'iCloud Drive'],
      ['C:\\Users\\Ana\\iCloudDrive\\x.gloss', 'iCloud Drive'],
      ['G:\\My Drive\\x.gloss', 'Google Drive'],
      ['/Users/ana/Library/CloudStorage/GoogleDrive-ana@example.org/My Drive/x.gloss', 'Google Drive'],
      ['/home/ana/Nextcloud/x.gloss', 'Nextcloud'],
      ['/home/ana/Documents/study.gloss', null],
      // The file's own name is not a folder.
      ['/home/ana/Dropbox', null],
      ['/home/ana/dropbox-notes/x.gloss', null],
      ['/srv/Mobile Documents/x.gloss', null],
      ['/home/ana/my-dropbox-backup/x.gloss', null],
    ];
    for (const [file, client, folder] of cases) {
      const found = cloudSyncOf(file);
      expect(found?.client ?? null, file).toBe(client);
      if (folder) expect(found!.folder).toBe(folder);
    }
  });

  it('name the place, the risk and the way out', () => {
    expect(cloudSyncWarning('study.gloss', { client: 'Dropbox', folder: '/home/ana/Dropbox' })).toBe(
      "study.gloss is in a folder Dropbox syncs (/home/ana/Dropbox). If it is changed on two computers before Dropbox has synced, Dropbox keeps two files, each without the other's work. Bring such copies together with Merge another copy of this project… (Team menu; File menu in the desktop app) or gloss merge, or keep the project outside the synced folder and share copies instead.",
    );
  });

  it('the synced folder is always a leading part of the path', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'Dropbox', 'OneDrive - X', 'My Drive', 'b c', 'Nextcloud'), { maxLength: 6 }), (parts) => {
        const file = `/${parts.join('/')}/p.gloss`;
        const found = cloudSyncOf(file);
        if (found) expect(file.startsWith(`${found.folder}/`)).toBe(true);
        else expect(parts.some((p) => ['Dropbox', 'OneDrive - X', 'My Drive', 'Nextcloud'].includes(p))).toBe(false);
      }),
    );
  });
});
