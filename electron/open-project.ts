/**
 * Opening a project the way a user expects: a project locked by another Gloss offers a
 * read-only view; a damaged project is never overwritten, and its backup is offered as a
 * recovered copy under a new name; a moved or deleted file leaves the recent list.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ProjectOpenError, writeFileDurably } from './service/durable-file';
import { firstFreePath } from './service/free-path';
import { fileErrorReason, fileErrorWayOut } from './service/fs-reasons';
import { withProjectLock } from './service/project-lock';
import { ProjectService } from './service/project-service';
import { ask, chooseProjectPath, showError, type Parent } from './dialogs';

export interface OpenContext {
  parent: Parent;
  /** Opens `file` as a service (the caller supplies coder and event wiring). */
  open(file: string, readOnly: boolean): Promise<ProjectService>;
  /** Called when a file turns out not to exist, to drop it from the recent list. */
  forget(file: string): Promise<void>;
  /** The project open in this window, which a recovered copy must never replace. */
  openHere: string | null;
}

/** True if two paths name the same file (case-insensitively where the file system usually is). */
export function samePath(a: string, b: string): boolean {
  const x = path.resolve(a);
  const y = path.resolve(b);
  return process.platform === 'win32' || process.platform === 'darwin' ? x.toLowerCase() === y.toLowerCase() : x === y;
}

/** `<name> (recovered).gloss` beside `file`, numbered if that is taken. */
function recoveredName(file: string): Promise<string> {
  const base = path.join(path.dirname(file), path.basename(file, path.extname(file)));
  return firstFreePath((n) => `${base} (recovered${n > 1 ? ` ${n}` : ''}).gloss`);
}

/** Opens `file`, asking the user what to do when it is locked, damaged or missing. Null if nothing was opened. */
export async function openProjectInteractively(file: string, ctx: OpenContext, readOnly = false): Promise<ProjectService | null> {
  try {
    return await ctx.open(file, readOnly);
  } catch (e) {
    if (!(e instanceof ProjectOpenError)) {
      console.error(`Gloss: opening ${file} failed:`, e);
      await showError(ctx.parent, `Gloss could not open ${path.basename(file)}.`, e instanceof Error ? e.message : String(e));
      return null;
    }
    switch (e.kind) {
      case 'locked': {
        const choice = await ask(ctx.parent, {
          type: 'warning',
          message: e.message,
          detail: 'Opened read-only, you can read, search and export, but not change it.',
          buttons: ['Open read-only', 'Cancel'],
          defaultId: 0,
          cancelId: 1,
        });
        return choice === 0 ? openProjectInteractively(file, ctx, true) : null;
      }
      case 'unwritable': {
        // A read-only folder (a CD, a shared drive, a folder of someone else's): it can still be read.
        const choice = await ask(ctx.parent, {
          type: 'warning',
          message: e.message,
          detail: `Opened read-only, you can read, search and export, but not change it. ${fileErrorWayOut(e.fsError, 'app')}`.trim(),
          buttons: ['Open read-only', 'Cancel'],
          defaultId: 0,
          cancelId: 1,
        });
        return choice === 0 ? openProjectInteractively(file, ctx, true) : null;
      }
      case 'invalid': {
        if (!e.backup) {
          await showError(ctx.parent, `Gloss could not open ${path.basename(file)}.`, e.message);
          return null;
        }
        const choice = await ask(ctx.parent, {
          type: 'error',
          message: `Gloss could not open ${path.basename(file)}.`,
          detail: `${e.message}\n\nGloss can open the backup as a new project and leave the damaged file as it is.`,
          buttons: ['Open the backup', 'Cancel'],
          defaultId: 0,
          cancelId: 1,
        });
        return choice === 0 ? recoverFromBackup(file, e.backup, ctx) : null;
      }
      case 'missing':
        await ctx.forget(file);
        await showError(ctx.parent, `Gloss could not open ${path.basename(file)}.`, `${e.message} It may have been moved, renamed or deleted.`);
        return null;
      case 'unreadable':
        await showError(ctx.parent, `Gloss could not open ${path.basename(file)}.`, e.message);
        return null;
    }
  }
}

/**
 * Copies a valid backup to a new file the user names (by default `<name> (recovered).gloss`
 * beside it) and opens that copy. The damaged project and the backup are left untouched.
 */
async function recoverFromBackup(file: string, backup: string, ctx: OpenContext): Promise<ProjectService | null> {
  let text: string;
  try {
    await ProjectService.read(backup);
    text = await fs.readFile(backup, 'utf8');
  } catch (e) {
    await showError(ctx.parent, `The backup ${path.basename(backup)} cannot be opened either.`, e instanceof Error ? e.message : String(e));
    return null;
  }
  const target = await chooseProjectPath(ctx.parent, {
    title: 'Save the recovered project as',
    defaultPath: await recoveredName(file),
    buttonLabel: 'Save and open',
  });
  if (!target) return null;
  if (samePath(target, file) || samePath(target, backup)) {
    await showError(
      ctx.parent,
      'Choose another name for the recovered project.',
      `Gloss never writes over the damaged ${path.basename(file)} or its backup, so that nothing more is lost.`,
    );
    return recoverFromBackup(file, backup, ctx);
  }
  if (!(await writeUnlessOpen(target, text, ctx.parent, ctx.openHere))) return null;
  return openProjectInteractively(target, ctx);
}

/**
 * Writes a whole project to `target` durably (keeping a replaced file as its .bak), unless
 * another Gloss has `target` open. False (after telling the user) if it was not written.
 */
export async function writeUnlessOpen(target: string, text: string, parent: Parent, openHere: string | null): Promise<boolean> {
  const name = path.basename(target);
  // Checked by path because the lock would not stop us: it counts our own pid as stale.
  if (openHere && samePath(target, openHere)) {
    await showError(parent, `${name} is the project open in this window.`, 'Choose another name for the copy.');
    return false;
  }
  try {
    await withProjectLock(target, { holder: 'app', wayOut: 'Close it there first, or choose another name.' }, () => writeFileDurably(target, text, true));
    return true;
  } catch (e) {
    if (e instanceof ProjectOpenError) await showError(parent, `Could not save ${name}.`, e.message);
    else await showError(parent, `Could not save ${name}.`, `${fileErrorReason(e)}. ${fileErrorWayOut(e, 'export')}`.trim());
    return false;
  }
}
