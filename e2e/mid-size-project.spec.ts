/**
 * Issue 15, "Done when": a mid-sized generated project (200 documents, 20,000 codings)
 * opens from an index without the documents' texts; the open document's text is fetched on
 * demand and kept (going back to it fetches nothing); applying a code and undoing it send
 * and apply Changes, never a snapshot. Counted on the browser host's HTTP requests.
 */
import type { ElementHandle, Page } from '@playwright/test';
import { expect as baseExpect, test } from './fixtures';
import { codeRow, readerText, selectWithMouse } from './helpers';
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
  /** The reply's body, as the host sent it. */
  body: string;
}

// Writing and opening 20,000 codings, three times, on a busy machine; the fixture's setup counts too.
test.use({ projectContent: PROJECT, actionTimeout: 30_000, navigationTimeout: 60_000 });
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 30_000 });
test.skip(({ appKind }) => appKind === 'electron', 'counts the browser host’s HTTP requests');

/**
 * Starts a clock in the page at the next key pressed, stopped on the frame after `element`
 * reads `want`; the returned function waits for it and gives the milliseconds. Timed in the
 * page, so the test runner's own polling is not counted.
 */
async function timeKeyUntilText(page: Page, element: ElementHandle, want: string): Promise<() => Promise<number>> {
  await page.evaluate(([el, text]) => {
    const clock = new Promise<number>((resolve) => {
      let pressed = 0;
      window.addEventListener('keydown', () => (pressed = performance.now()), { capture: true, once: true });
      const tick = () => {
        if (pressed && el.textContent === text) requestAnimationFrame(() => resolve(performance.now() - pressed));
        else requestAnimationFrame(tick);
      };
      tick();
    });
    (window as unknown as { glossTestClock: Promise<number> }).glossTestClock = clock;
  }, [element, want] as const);
  return async () => Math.round(await page.evaluate(() => (window as unknown as { glossTestClock: Promise<number> }).glossTestClock));
}

/** Milliseconds since `start`, for the report (not asserted: speed is measured by `npm run bench`). */
function since(start: number): number {
  return Math.round(performance.now() - start);
}

test('opens from an index, fetches texts on demand, and applies a code and its undo as Changes', async ({ page }, testInfo) => {
  const timing = (name: string, ms: number) => {
    testInfo.annotations.push({ type: 'timing', description: `${name}: ${ms} ms` });
    console.log(`mid-size project, ${name}: ${ms} ms`);
  };

  // Opening as a user would, requests not intercepted: page load until the first document is shown.
  let start = performance.now();
  await page.reload();
  await expect(readerText(page)).toContainText(FIRST.text.slice(0, 60));
  timing('open (reload until the first document is shown)', since(start));

  // Every request to the host passes through here, so each reply's whole body is kept (the
  // browser's own copy of a big body may already be gone when a test asks for it).
  const calls: Call[] = [];
  await page.route(/\/api\/invoke\//, async (route) => {
    const channel = decodeURIComponent(/\/api\/invoke\/([^?]+)$/.exec(route.request().url())![1]!);
    const sent = route.request().postData();
    const response = await route.fetch();
    const body = await response.text();
    calls.push({ channel, arg: sent ? (JSON.parse(sent) as { arg?: unknown }).arg : undefined, body });
    await route.fulfill({ response, body });
  });
  const of = (channel: string) => calls.filter((c) => c.channel === channel);
  const result = (call: Call) => (JSON.parse(call.body) as { result: Record<string, unknown> }).result;

  // Load the page afresh, now that the requests are counted.
  start = performance.now();
  await page.reload();
  await expect(readerText(page)).toContainText(FIRST.text.slice(0, 60));
  timing('open with every reply read by the test', since(start));
  await expect(page.getByRole('heading', { name: FIRST.name })).toBeVisible();

  // The snapshot is the index: every document, none with its text.
  expect(of('project:snapshot')).toHaveLength(1);
  const snapshot = result(of('project:snapshot')[0]!);
  const documents = (snapshot.index as { documents: Record<string, unknown>[] }).documents;
  expect(documents).toHaveLength(200);
  expect(documents.filter((d) => 'text' in d || 'structure' in d)).toEqual([]);
  expect(of('project:snapshot')[0]!.body).not.toContain(FIRST.text.slice(0, 200));
  // …and the open document's text was fetched, once.
  expect(of('documents:text').map((c) => c.arg)).toEqual([FIRST.id]);
  expect(result(of('documents:text')[0]!).text).toBe(FIRST.text);

  // Apply a code to a passage: the reply is a Change with the one coding, and the counts move.
  const before = Number(await codeRow(page, CODE.name).locator('.count').textContent());
  const documentCount = page.getByRole('list', { name: 'Documents' }).getByRole('listitem').filter({ hasText: FIRST.name }).locator('.count');
  const codingsBefore = Number(await documentCount.textContent());
  const words = FIRST.text.split('\n')[0]!.split(' ');
  await selectWithMouse(page, words[0]!, words[3]!);
  const codeName = page.getByRole('combobox', { name: 'Code name' });
  await codeName.fill(CODE.name);
  const codeCount = await codeRow(page, CODE.name).locator('.count').elementHandle();
  const applyClock = await timeKeyUntilText(page, codeCount!, String(before + 1));
  await codeName.press('Enter');
  timing('apply (Enter in the code picker until the code’s count is painted, in the page)', await applyClock());
  await expect(codeName).toBeHidden();
  await expect(codeRow(page, CODE.name).locator('.count')).toHaveText(String(before + 1));
  await expect(documentCount).toHaveText(String(codingsBefore + 1));
  const applied = result(of('ops:run').at(-1)!);
  expect(Object.keys(applied)).not.toContain('index');
  const patches = (applied.change as { patches: { table: string; op: string }[] }).patches;
  expect(patches.filter((p) => p.table === 'codings')).toEqual([expect.objectContaining({ table: 'codings', op: 'put' })]);
  expect(patches.filter((p) => p.table === 'documents')).toEqual([]);

  // Undo: a Change too, and the counts go back.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const undoClock = await timeKeyUntilText(page, codeCount!, String(before));
  await page.keyboard.press('Control+z');
  timing('undo (Ctrl+Z until the count is painted, in the page)', await undoClock());
  await expect(codeRow(page, CODE.name).locator('.count')).toHaveText(String(before));
  const undone = result(of('history:undo').at(-1)!);
  expect((undone.change as { patches: { table: string; op: string }[] }).patches).toContainEqual(expect.objectContaining({ table: 'codings', op: 'del' }));

  // Another document's text is fetched when it is opened; going back to the first fetches nothing.
  const list = page.getByRole('list', { name: 'Documents' });
  start = performance.now();
  await list.getByRole('button', { name: SECOND.name, exact: true }).click();
  await expect(readerText(page)).toContainText(SECOND.text.slice(0, 60));
  timing('switch to a document not yet fetched', since(start));
  await list.getByRole('button', { name: FIRST.name, exact: true }).click();
  await expect(readerText(page)).toContainText(FIRST.text.slice(0, 60));
  expect(of('documents:text').map((c) => c.arg)).toEqual([FIRST.id, SECOND.id]);

  // Nothing asked for the project again.
  expect(of('project:snapshot')).toHaveLength(1);
});
