/**
 * A project with dangling references opens, says what is wrong in a dialog, and mends it
 * only when asked, as one step that Undo reverts.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { emptyProjectFile } from '../shared/model/state';

const file = emptyProjectFile('Damaged study', '2026-01-01T00:00:00.000Z');
file.coders.push({ id: 'c1', name: 'Ana', color: '#112233' });
file.documents.push({ id: 'd1', name: 'Interview', text: 'Nobody trained us.', createdAt: 't', source: null, attributes: {}, structure: [] });
file.memos.push({ id: 'm1', target: { kind: 'document', id: 'deleted-doc' }, title: 'Orphan', text: 'still here', coderId: 'c1', createdAt: 't', modifiedAt: 't' });
file.sets.push({ id: 's1', name: 'Key', description: '', kind: 'documents', memberIds: ['d1', 'gone'] });

test.use({ projectContent: file });

test('a damaged project lists its problems after opening, and Repair mends them undoably', async ({ page, app }) => {
  const dialog = page.getByRole('dialog', { name: 'This project has 2 problems' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Problems found' }).getByRole('listitem')).toHaveText([
    'Memo “Orphan” is on document deleted-doc, which is not in the project, so it is shown nowhere. Repair makes it a memo on the project, where it is shown.',
    'Set “Key” lists document gone, which is not in the project. Repair takes gone off the list.',
  ]);
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Nothing changed until asked.
  expect((await app.readProject()).memos[0]!.target).toEqual({ kind: 'document', id: 'deleted-doc' });

  await dialog.getByRole('button', { name: 'Repair' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Repair 2 problems: done. Undo puts the project back as it was.')).toBeVisible();
  const repaired = await app.readProject();
  expect(repaired.memos[0]).toMatchObject({ target: { kind: 'project' }, title: 'Orphan', text: 'still here' });
  expect(repaired.sets[0]!.memberIds).toEqual(['d1']);

  await page.getByRole('button', { name: /^Undo/ }).click();
  await expect.poll(async () => (await app.readProject()).sets[0]!.memberIds).toEqual(['d1', 'gone']);
});

test('"Not now" closes it and changes nothing', async ({ page, app }) => {
  const dialog = page.getByRole('dialog', { name: 'This project has 2 problems' });
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toBeHidden();
  expect((await app.readProject()).sets[0]!.memberIds).toEqual(['d1', 'gone']);
});
