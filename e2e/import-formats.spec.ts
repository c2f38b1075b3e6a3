/**
 * Word and PDF files imported through the UI: their structure is shown (headings, list
 * items, page numbers), the outline jumps to a heading, a passage in each is coded and
 * exported with exactly its text. Importing the same file again asks before importing a
 * copy; text can also be pasted as a new document.
 */
import { expect, test } from './fixtures';
import { allHighlightedTexts, codeSelectionAs, importThroughChooser, readerText, selectWithMouse } from './helpers';
import { DOCX_BODY, makeDocx, makePdf, type PdfLineSpec } from '../shared/import/fixtures/make-documents';

const line = (y: number, text: string, size = 12): PdfLineSpec => ({ size, x: 72, y, text });

/** Two pages printed as 7 and 8: a heading, a paragraph hyphenated across lines, a second page. */
const PDF = makePdf(
  [
    [line(720, 'Data sharing review', 18), line(690, 'Requests to the council waited for weeks be-'), line(676, 'fore anyone looked at them.')],
    [line(720, 'Partners asked for one contact person.'), line(700, 'Nobody answered the letters.')],
  ],
  { firstPageLabel: 7 },
);

test('a DOCX and a PDF imported through the UI show their structure and can be coded and exported', async ({ page, app }) => {
  await importThroughChooser(page, [
    { name: 'Anna.docx', content: Buffer.from(makeDocx()) },
    { name: 'Review.pdf', content: Buffer.from(PDF) },
  ]);
  const documents = page.getByRole('list', { name: 'Documents' });
  await expect(documents.getByRole('button', { name: 'Anna', exact: true })).toBeVisible({ timeout: 30_000 }); // pdf.js loads on the first PDF: seconds on a busy machine
  await expect(documents.getByRole('button', { name: 'Review', exact: true })).toBeVisible();

  // The Word document: its headings are headings, its list items indented.
  await documents.getByRole('button', { name: 'Anna', exact: true }).click();
  const text = readerText(page);
  await expect(text.getByRole('heading', { name: 'Interview with Anna' })).toBeVisible();
  await expect(text.getByRole('heading', { name: 'Findings' })).toHaveAttribute('aria-level', '4');
  await expect(text.locator('.list-item')).toHaveText(['Training gaps', 'Data sharing']);
  await selectWithMouse(page, 'talked about', 'training');
  await codeSelectionAs(page, 'training');
  await expect.poll(() => allHighlightedTexts(page)).toEqual(['talked about training']);

  // The PDF: hyphenation joined, page numbers beside each page's first line, an outline.
  await documents.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(text).toContainText('waited for weeks before anyone looked at them.');
  await expect(text.locator('[data-page]')).toHaveCount(2);
  expect(await text.locator('[data-page]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-page')}: ${e.textContent}`))).toEqual([
    '7: Data sharing review',
    '8: Partners asked for one contact person. Nobody answered the letters.',
  ]);
  await page.getByRole('button', { name: /^Outline/ }).click();
  await expect(page.getByRole('menu', { name: 'Outline' }).getByRole('menuitem')).toHaveText(['Data sharing review']);
  await page.keyboard.press('Escape');
  await selectWithMouse(page, 'waited for weeks', 'anyone');
  await codeSelectionAs(page, 'delays');

  // The export has each passage's exact text.
  const csv = await app.exportText('excerpts-csv');
  const file = await app.readProject();
  const pdfDoc = file.documents.find((d) => d.name === 'Review')!;
  const docxDoc = file.documents.find((d) => d.name === 'Anna')!;
  expect(docxDoc.text).toBe(DOCX_BODY);
  expect(docxDoc.source).toMatchObject({ fileName: 'Anna.docx', type: expect.stringContaining('wordprocessingml') });
  expect(pdfDoc.structure.filter((r) => r.kind === 'page').map((r) => r.label)).toEqual(['7', '8']);
  expect(csv).toContain(',talked about training,');
  expect(csv).toContain(',waited for weeks before anyone,');
  const delays = file.codings.find((c) => c.documentId === pdfDoc.id)!;
  expect(pdfDoc.text.slice(delays.start, delays.end)).toBe('waited for weeks before anyone');
});

test('importing the same file again asks before importing a copy; text can be pasted as a new document', async ({ page, app }) => {
  const docx = Buffer.from(makeDocx());
  await importThroughChooser(page, [{ name: 'Anna.docx', content: docx }]);
  await expect(readerText(page)).toContainText('Interview with Anna');

  await importThroughChooser(page, [{ name: 'Anna again.docx', content: docx }]);
  const ask = page.getByRole('dialog', { name: 'This file is already in the project' });
  await expect(ask).toContainText('Anna again.docx has the same content as “Anna”.');
  await ask.getByRole('button', { name: 'Skip' }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(1);

  await importThroughChooser(page, [{ name: 'Anna again.docx', content: docx }]);
  await ask.getByRole('button', { name: 'Import a copy' }).click();
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: 'Anna again', exact: true })).toBeVisible();

  // Paste as new document.
  await page.getByRole('button', { name: 'More ways to add or change documents' }).click();
  await page.getByRole('menuitem', { name: 'Paste as new document…' }).click();
  const paste = page.getByRole('dialog', { name: 'Paste as new document' });
  await paste.getByLabel('Name').fill('Field notes');
  await paste.getByLabel('Text').fill('Visited the station.\r\nNobody had been trained.');
  await paste.getByRole('button', { name: 'Add document' }).click();
  await expect(paste).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Field notes' })).toBeVisible();
  await expect(readerText(page)).toContainText('Nobody had been trained.');

  const file = await app.readProject();
  expect(file.documents.map((d) => d.name).sort()).toEqual(['Anna', 'Anna again', 'Field notes']);
  expect(file.documents.find((d) => d.name === 'Field notes')!.text).toBe('Visited the station.\nNobody had been trained.');
});
