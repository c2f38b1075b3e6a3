/**
 * The desktop app's view of settings.json: the recent list and window bounds kept in
 * memory (menus and snapshots need them synchronously) and written one at a time, so two
 * quick updates (open a project, then move the window) never overwrite each other.
 */
import path from 'node:path';
import { loadSettings, rememberRecent, saveSettings, type Settings } from './service/settings';

export type WindowBounds = NonNullable<Settings['window']>;

export class Preferences {
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    private recentFiles: string[],
    private windowBounds: WindowBounds | null,
    private rawCsv: boolean,
    private readonly onRecentChanged: (recent: string[]) => void,
  ) {}

  static async load(dataDir: string, onRecentChanged: (recent: string[]) => void): Promise<Preferences> {
    const settings = await loadSettings(dataDir);
    return new Preferences(dataDir, settings.recent, settings.window, settings.csvRaw, onRecentChanged);
  }

  /** CSV exports write cells raw (no ' before =, +, -, @, TAB, CR). */
  get csvRaw(): boolean {
    return this.rawCsv;
  }

  /** Turns raw CSV cells on or off; in effect at once, saved in the queue's turn. */
  setCsvRaw(raw: boolean): Promise<void> {
    this.rawCsv = raw;
    return this.update((settings) => ({ ...settings, csvRaw: raw }));
  }

  get recent(): string[] {
    return [...this.recentFiles];
  }

  get window(): WindowBounds | null {
    return this.windowBounds;
  }

  /** Puts `file` first in the recent list. */
  rememberRecent(file: string): Promise<void> {
    return this.enqueue(async () => {
      this.setRecent(await rememberRecent(this.dataDir, file));
    });
  }

  /** Drops `file` from the recent list (it was moved or deleted). */
  forgetRecent(file: string): Promise<void> {
    const absolute = path.resolve(file);
    return this.update((settings) => ({ ...settings, recent: settings.recent.filter((p) => p !== absolute) }));
  }

  clearRecent(): Promise<void> {
    return this.update((settings) => ({ ...settings, recent: [] }));
  }

  saveWindow(bounds: WindowBounds): Promise<void> {
    this.windowBounds = bounds;
    return this.update((settings) => ({ ...settings, window: bounds }));
  }

  /** Resolves when every queued write has finished. */
  settled(): Promise<void> {
    return this.queue;
  }

  private update(change: (settings: Settings) => Settings): Promise<void> {
    return this.enqueue(async () => {
      const next = change(await loadSettings(this.dataDir));
      await saveSettings(this.dataDir, next);
      this.setRecent(next.recent);
    });
  }

  private setRecent(recent: string[]): void {
    const changed = recent.join('\n') !== this.recentFiles.join('\n');
    this.recentFiles = recent;
    if (changed) this.onRecentChanged(this.recent);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((e: unknown) => {
      // Settings are a convenience: a read-only profile folder must not stop the work.
      console.error('Gloss: could not update settings:', e);
    });
    this.queue = run;
    return run;
  }
}
