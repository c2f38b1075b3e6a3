/**
 * Per-user settings shared by the desktop app, the browser host and the CLI: who the
 * coder is, recent projects, window size. Stored as JSON in the app's data folder, which
 * is Electron's userData folder for "Gloss" so that the CLI and the app agree.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { Coder } from '../../shared/model/schema';
import type { ExportSettings } from '../../shared/ipc/contract';
import { coderColorForIndex, CODER_COLORS } from '../../shared/model/colors';
import { writeFileDurably } from './durable-file';

const settingsSchema = z.object({
  coder: z.object({ id: z.string().min(1), name: z.string().min(1), color: z.string().regex(/^#[0-9a-f]{6}$/i) }).nullable().catch(null),
  /** The person has said their name (first run asks); an OS user name taken as a default has not. */
  coderConfirmed: z.boolean().catch(false),
  recent: z.array(z.string()).catch([]),
  window: z.object({ width: z.number(), height: z.number(), x: z.number().optional(), y: z.number().optional(), maximized: z.boolean().optional() }).nullable().catch(null),
  /**
   * CSV exports from the app write cells raw: no ' before a cell starting with =, +, -, @,
   * TAB or CR. Off unless the person turned it on (Export menu); the CLI has --csv-raw.
   */
  csvRaw: z.boolean().catch(false),
});
export type Settings = z.infer<typeof settingsSchema>;

const MAX_RECENT = 10;

/** Gloss's data folder: GLOSS_DATA_DIR, else the platform's app-data folder for "Gloss". */
export function defaultDataDir(): string {
  if (process.env.GLOSS_DATA_DIR) return path.resolve(process.env.GLOSS_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Gloss');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Gloss');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Gloss');
}

const settingsFile = (dataDir: string) => path.join(dataDir, 'settings.json');

/** Reads settings; a missing or damaged file gives defaults (settings are not precious). */
export async function loadSettings(dataDir: string): Promise<Settings> {
  try {
    const raw = JSON.parse(await fs.readFile(settingsFile(dataDir), 'utf8')) as unknown;
    const parsed = settingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to defaults
  }
  return { coder: null, coderConfirmed: false, recent: [], window: null, csvRaw: false };
}

/** Writes the settings file (durably, no backup). */
export async function saveSettings(dataDir: string, settings: Settings): Promise<void> {
  await fs.mkdir(dataDir, { recursive: true });
  await writeFileDurably(settingsFile(dataDir), JSON.stringify(settings, null, 2) + '\n', false);
}

/** A coder for `name` with a fresh id. */
export function newCoder(name: string): Coder {
  return { id: randomUUID(), name: name.trim(), color: coderColorForIndex(Math.floor(Math.random() * CODER_COLORS.length)) };
}

/** The coder from settings, or one named after the OS user (saved for next time). */
export async function ensureCoder(dataDir: string, preferredName?: string): Promise<Coder> {
  const settings = await loadSettings(dataDir);
  if (settings.coder && (!preferredName || settings.coder.name === preferredName)) return settings.coder;
  let name = preferredName?.trim();
  if (!name) {
    try {
      name = (await accountFullName(os.userInfo().username)) ?? os.userInfo().username;
    } catch {
      name = 'Coder';
    }
  }
  const coder = newCoder(name || 'Coder');
  if (!preferredName || !settings.coder) {
    try {
      await saveSettings(dataDir, { ...settings, coder, coderConfirmed: !!preferredName });
    } catch {
      // Settings are a convenience: a read-only home folder must not stop the work.
    }
  }
  return coder;
}

/**
 * The full name the system keeps for `account` (the first field of its GECOS entry in
 * /etc/passwd on Linux), or null; first run offers it only when it reads as a person's name.
 */
async function accountFullName(account: string): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  try {
    const passwd = await fs.readFile('/etc/passwd', 'utf8');
    const entry = passwd.split('\n').find((line) => line.startsWith(`${account}:`));
    const gecos = entry?.split(':')[4]?.split(',')[0]?.trim();
    return gecos || null;
  } catch {
    return null;
  }
}

/** Whether the person has given their name, so first run knows to ask. */
export async function coderConfirmed(dataDir: string): Promise<boolean> {
  const settings = await loadSettings(dataDir);
  return !!settings.coder && settings.coderConfirmed;
}

/**
 * The person's coder under a new name. The id stays (the same person, spelled as they
 * like), so codings already made keep pointing at them, unless `same` says who they are.
 */
export async function renameCoder(dataDir: string, name: string, same?: Coder): Promise<Coder> {
  const settings = await loadSettings(dataDir);
  // `same`: the person is a coder a project already knows; they take that coder's id.
  const coder = same ? { ...same, name: name.trim() } : settings.coder ? { ...settings.coder, name: name.trim() } : newCoder(name);
  await saveSettings(dataDir, { ...settings, coder, coderConfirmed: true });
  return coder;
}

/** Puts `file` first in the recent list. */
export async function rememberRecent(dataDir: string, file: string): Promise<string[]> {
  const settings = await loadSettings(dataDir);
  const recent = [path.resolve(file), ...settings.recent.filter((p) => p !== path.resolve(file))].slice(0, MAX_RECENT);
  await saveSettings(dataDir, { ...settings, recent });
  return recent;
}

/** The export settings (raw CSV cells or not). */
export async function loadExportSettings(dataDir: string): Promise<ExportSettings> {
  return { csvRaw: (await loadSettings(dataDir)).csvRaw };
}

/** Saves the export settings, keeping every other setting; resolves to what was saved. */
export async function saveExportSettings(dataDir: string, exportSettings: ExportSettings): Promise<ExportSettings> {
  const settings = await loadSettings(dataDir);
  await saveSettings(dataDir, { ...settings, csvRaw: exportSettings.csvRaw });
  return { csvRaw: exportSettings.csvRaw };
}
