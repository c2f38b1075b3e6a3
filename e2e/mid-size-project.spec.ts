/**
 * Issue 15, "Done when": a mid-sized generated project (200 documents, 20,000 codings)
 * opens from an index without the documents' texts; the open document's text is fetched on
 * demand and kept (going back to it fetches nothing); applying a code and undoing it send
 * and apply Changes, never a snapshot. Counted on the browser host's HTTP requests.
 */
import { expect, test } from './fixtures';
import { codeRow, codeSelectionAs, readerText, selectWithMouse } from './helpers';
import { syntheticProject } from '../scripts/bench/synthetic-project';
import { codeTree } from '../shared/model/codes';

const PROJECT = syntheticProject({ documents: 200, characters: 1_000_000, codings: 20_000, codes: 40, memos: 100, seed: 15 });
const byName = [...PROJECT.documents].sort((a, b) => a.name.localeCompare(b.name));
const FIRST = byName[0]!;
const SECOND = byName[1]!;
/** The first code of the tree: at the top of the Codes pane. */
const CODE = codeTree(PROJECT.codes)[0]!.code;

interface Call {
  channel: string;
  arg: unknown;
  /** The reply's body, read as it arrives (the browser does not keep big bodies for long). */
  body: Promise<string>;
}

test.use({ projectContent: PROJECT });
test.skip(({ appKind }) => appKind === 'electron', 'counts the browser host’s HTTP requests');

test('opens from an index, fetches texts on demand, and applies a code and its undo as Changes', async ({ page }) => {
  test.setTimeout(90_000);
  const calls: Call[] = [];
  page.on('response', (response) => {
    const match = /\/api\/invoke\/([^?]+)$/.exec(response.url());
    if (!match) return;
    const body = response.request().postData();
    calls.push({ channel: decodeURIComponent(match[1]!), arg: body ? (JSON.parse(body) as { arg?: unknown }).arg : undefined, body: response.text().catch(() => '') });
  });
  const of = (channel: string) => calls.filter((c) => c.channel === channel);
  const result = async (call: Call) => (JSON.parse(await call.body) as { result: Record<string, unknown> }).result;

  // Load the page afresh, now that the requests are counted.
  await page.reload();
  // Opening 20,000 codings takes a moment on a busy machine.
  await expect(readerText(page)).toContainText(FIRST.text.slice(0, 60), { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: FIRST.name })).toBeVisible();

  // The snapshot is the index: every document, none with its text.
  expect(of('project:snapshot')).toHaveLength(1);
  const snapshot = await result(of('project:snapshot')[0]!);
  const documents = (snapshot.index as { documents: Record<string, unknown>[] }).documents;
  expect(documents).toHaveLength(200);
  expect(documents.filter((d) => 'text' in d || 'structure' in d)).toEqual([]);
  expect(await of('project:snapshot')[0]!.body).not.toContain(FIRST.text.slice(0, 200));
  // …and the open document's text was fetched, once.
  expect(of('documents:text').map((c) => c.arg)).toEqual([FIRST.id]);
  expect((await result(of('documents:text')[0]!)).text).toBe(FIRST.text);

  // Apply a code to a passage: the reply is a Change with the one coding, and the counts move.
  const before = Number(await codeRow(page, CODE.name).locator('.count').textContent());
  const documentCount = page.getByRole('list', { name: 'Documents' }).getByRole('listitem').filter({ hasText: FIRST.name }).locator('.count');
  const codingsBefore = Number(await documentCount.textContent());
  const words = FIRST.text.split('\n')[0]!.split(' ');
  await selectWithMouse(page, words[0]!, words[3]!);
  await codeSelectionAs(page, CODE.name);
  await expect(codeRow(page, CODE.name).locator('.count')).toHaveText(String(before + 1));
  await expect(documentCount).toHaveText(String(codingsBefore + 1));
  const applied = await result(of('ops:run').at(-1)!);
  expect(Object.keys(applied)).not.toContain('index');
  const patches = (applied.change as { patches: { table: string; op: string }[] }).patches;
  expect(patches.filter((p) => p.table === 'codings')).toEqual([expect.objectContaining({ table: 'codings', op: 'put' })]);
  expect(patches.filter((p) => p.table === 'documents')).toEqual([]);

  // Undo: a Change too, and the counts go back.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(codeRow(page, CODE.name).locator('.count')).toHaveText(String(before));
  const undone = await result(of('history:undo').at(-1)!);
  expect((undone.change as { patches: { table: string; op: string }[] }).patches).toContainEqual(expect.objectContaining({ table: 'codings', op: 'del' }));

  // Another document's text is fetched when it is opened; going back to the first fetches nothing.
  const list = page.getByRole('list', { name: 'Documents' });
  await list.getByRole('button', { name: SECOND.name, exact: true }).click();
  await expect(readerText(page)).toContainText(SECOND.text.slice(0, 60));
  await list.getByRole('button', { name: FIRST.name, exact: true }).click();
  await expect(readerText(page)).toContainText(FIRST.text.slice(0, 60));
  expect(of('documents:text').map((c) => c.arg)).toEqual([FIRST.id, SECOND.id]);

  // Nothing asked for the project again.
  expect(of('project:snapshot')).toHaveLength(1);
});
