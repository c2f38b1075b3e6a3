/**
 * A save that fails (the project's folder cannot be written) is shown in the status line,
 * the work stays in memory, and once the folder is writable again it is saved.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test, type GlossApp } from './fixtures';

/**
 * Makes the project's folder unwritable and returns how to undo that. chmod is what a user
 * would meet; as root (CI containers) permissions are not enforced, so there the folder is
 * moved away instead, which fails the save the same way a lost network drive does.
 */
async function breakFolder(app: GlossApp): Promise<() => Promise<void>> {
  await fs.chmod(app.dir, 0o555);
  const probe = path.join(app.dir, '.probe');
  try {
    await fs.writeFile(probe, '');
  } catch {
    return () => fs.chmod(app.dir, 0o755);
  }
  await fs.rm(probe);
  await fs.chmod(app.dir, 0o755);
  const away = `${app.dir}-away`;
  await fs.rename(app.dir, away);
  return () => fs.rename(away, app.dir);
}

test('a failed save says "Not saved: …" and saves once the folder is writable again', async ({ page, app }) => {
  const status = page.getByRole('status');
  await expect(status).toContainText('Saved');

  const restore = await breakFolder(app);
  let restored = false;
  try {
    await page.getByRole('button', { name: 'New code' }).click();
    await page.getByRole('textbox', { name: 'New code name' }).fill('Delays');
    await page.getByRole('textbox', { name: 'New code name' }).press('Enter');

    await expect(status).toContainText(/Not saved: Could not save field-study\.gloss: (permission denied|the folder no longer exists)/);
    await expect(page).toHaveTitle(/Field study — Not saved — Gloss/);
    // The edit is still there, in memory.
    await expect(page.getByRole('list', { name: 'Code tree' })).toContainText('Delays');

    await restore();
    restored = true;
    await page.getByRole('button', { name: 'Try saving again' }).click();
    await expect(status).toContainText('Saved');
    await expect(status).not.toContainText('Not saved');
    await expect(page).toHaveTitle('Field study — Saved — Gloss');
  } finally {
    if (!restored) await restore();
  }
  const file = await app.readProject();
  expect(file.codes.map((c) => c.name)).toEqual(['Delays']);
});
