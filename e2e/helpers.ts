/** Steps the specs share: importing through the file chooser, selecting with the mouse, reading highlights. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { electronAppOf } from './electron-app';

export interface FileToImport {
  name: string;
  content: string | Buffer;
}

/**
 * Chooses `files` in the file chooser that `trigger` opens: Chromium's chooser in the browser
 * host; in the desktop app the native open dialog, answered by writing the files to a temp
 * folder and stubbing `dialog.showOpenDialog` in the main process for that one call.
 */
export async function chooseFiles(page: Page, files: FileToImport[], trigger: () => Promise<unknown>, options: { multiple?: boolean } = {}): Promise<void> {
  const electron = electronAppOf(page);
  if (electron) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gloss-chosen-'));
    const paths: string[] = [];
    for (const f of files) {
      const file = path.join(dir, f.name);
      await fs.writeFile(file, f.content);
      paths.push(file);
    }
    await electron.evaluate(({ dialog }, chosen) => {
      const original = dialog.showOpenDialog;
      dialog.showOpenDialog = (async () => {
        dialog.showOpenDialog = original;
        return { canceled: false, filePaths: chosen };
      }) as typeof dialog.showOpenDialog;
    }, paths);
    await trigger();
    return;
  }
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger()]);
  if (options.multiple !== undefined) expect(chooser.isMultiple()).toBe(options.multiple);
  await chooser.setFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: f.name.endsWith('.md') ? 'text/markdown' : 'text/plain',
      buffer: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content,
    })),
  );
}

/**
 * Chooses a file in a labelled file field (files/FileField.tsx): the browser's file input in
 * the browser host, the Choose… button and the native dialog in the desktop app.
 */
export async function chooseFileIn(scope: Locator, label: string, file: FileToImport): Promise<void> {
  const page = scope.page();
  if (!electronAppOf(page)) {
    await scope.getByLabel(label).setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.content) });
    return;
  }
  const field = scope.getByRole('group', { name: label });
  await chooseFiles(page, [file], () => field.getByRole('button', { name: 'Choose…' }).click());
  await expect(field).toContainText(file.name);
}

/** Imports files through the toolbar's Import… button (the one entry point) and the system file chooser. */
export async function importThroughChooser(page: Page, files: FileToImport[]): Promise<void> {
  await chooseFiles(page, files, () => page.getByRole('group', { name: 'File' }).getByRole('button', { name: 'Import…' }).click(), { multiple: true });
}

/** The reader's text element. */
export function readerText(page: Page): Locator {
  return page.locator('article.reader-text');
}

interface Box {
  x: number;
  y: number;
}

/**
 * Viewport points just inside the first character of `from` and the last character of
 * `to` (the nth occurrence of `from`, and the first `to` at or after it), found through the
 * text's own layout boxes, independently of the app's offset mapping.
 */
async function pointsFor(page: Page, from: string, to: string, occurrence: number): Promise<{ start: Box; end: Box }> {
  await readerText(page).waitFor();
  const points = await page.evaluate(
    ({ from, to, occurrence }) => {
      const root = document.querySelector('article.reader-text')!;
      const texts: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) texts.push(walker.currentNode as Text);
      const locate = (needle: string, after: { node: number; offset: number } | null, nth: number) => {
        let seen = 0;
        for (let i = after?.node ?? 0; i < texts.length; i++) {
          let at = i === after?.node ? after.offset - 1 : -1;
          for (;;) {
            at = texts[i]!.data.indexOf(needle, at + 1);
            if (at < 0) break;
            if (++seen === nth) return { node: i, offset: at };
          }
        }
        return null;
      };
      const start = locate(from, null, occurrence);
      if (!start) return null;
      const end = locate(to, start, 1);
      if (!end) return null;
      // The mouse can only reach what is on screen.
      texts[start.node]!.parentElement!.scrollIntoView({ block: 'center' });
      const charBox = (node: number, offset: number) => {
        const range = document.createRange();
        range.setStart(texts[node]!, offset);
        range.setEnd(texts[node]!, offset + 1);
        const rects = range.getClientRects();
        return rects[0]!;
      };
      const first = charBox(start.node, start.offset);
      const last = charBox(end.node, end.offset + to.length - 1);
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    },
    { from, to, occurrence },
  );
  if (!points) throw new Error(`"${from}" … "${to}" is not in the reader`);
  return points;
}

/** Selects from the start of `from` to the end of `to` by dragging the mouse, as a user does. */
export async function selectWithMouse(page: Page, from: string, to: string = from, occurrence = 1): Promise<void> {
  const { start, end } = await pointsFor(page, from, to, occurrence);
  await page.mouse.move(start.x - 0.5, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 4 });
  await page.mouse.move(end.x, end.y, { steps: 4 });
  await page.mouse.up();
}

/** A viewport point over the first character of the nth occurrence of `text` in the reader. */
export async function pointOf(page: Page, text: string, occurrence = 1): Promise<Box> {
  const { start } = await pointsFor(page, text, text, occurrence);
  return { x: start.x + 2, y: start.y };
}

/** The texts of the ranges in every code highlight registered in CSS.highlights, by highlight name. */
export function codeHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('code-')) return;
      out[name] = [...highlight].map((range) => range.toString());
    });
    return out;
  });
}

/** All highlighted texts, whichever code they belong to, sorted. */
export async function allHighlightedTexts(page: Page): Promise<string[]> {
  return Object.values(await codeHighlights(page)).flat().sort();
}

/** The row of a code in the Codes pane. */
export function codeRow(page: Page, name: string): Locator {
  return page
    .getByRole('list', { name: 'Code tree' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name, exact: true }) });
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Codes the current selection by typing a code name into the popover and pressing Enter. */
export async function codeSelectionAs(page: Page, name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: 'Code name' });
  await expect(input).toBeVisible();
  await input.fill(name);
  await input.press('Enter');
  await expect(input).toBeHidden();
}
