/**
 * Exchange with other QDA tools through the UI: a codebook (.qdc) previewed, imported and
 * undone in one step; a REFI-QDA project (.qdpx) imported as a new project with its report;
 * refused files named with nothing changed; the binary and HTML exports downloaded.
 */
import AxeBuilder from '@axe-core/playwright';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { chooseFiles } from './helpers';
import { EXPORT_LABELS } from '../shared/ipc/export-kinds';
import type { ExportKind } from '../shared/ipc/contract';
import type { ProjectFile } from '../shared/model/schema';

const NOW = '2026-01-01T00:00:00.000Z';
const TRAINING = '11111111-1111-4111-8111-111111111111';
const TEXT = 'Officer: We had no training at all, so we learned on the job.';
const QUOTE = 'no training at all';
const AT = TEXT.indexOf(QUOTE);

/** One document with one coded passage, and a second code matched by name in the codebook test. */
const PROJECT: ProjectFile = {
  format: 'gloss-project',
  version: 1,
  project: { name: 'Field study', description: '', createdAt: NOW, modifiedAt: NOW },
  coders: [{ id: 'ana', name: 'Ana', color: '#1f77b4' }],
  documents: [{ id: 'd1', name: 'Interview 1', text: TEXT, createdAt: NOW, source: null, attributes: {}, structure: [] }],
  codes: [
    { id: TRAINING, name: 'training', color: '#2ca02c', description: 'Said they had no training', parentId: null, codable: true, createdAt: NOW },
    { id: 'c-data', name: 'data sharing', color: '#ff7f0e', description: '', parentId: null, codable: true, createdAt: NOW },
  ],
  codings: [
    {
      id: 'k1',
      documentId: 'd1',
      codeId: TRAINING,
      coderId: 'ana',
      start: AT,
      end: AT + QUOTE.length,
      quote: QUOTE,
      prefix: TEXT.slice(0, AT),
      suffix: TEXT.slice(AT + QUOTE.length),
      createdAt: NOW,
      needsReview: false,
    },
  ],
  memos: [],
  cases: [],
  variables: [],
  sets: [],
  summaries: [],
};

/** A codebook that renames one code (matched by GUID), matches one by name, adds a folder with a child, with a #RGB colour and braces around a GUID. */
const QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14">
  <Codes>
    <Code guid="${TRAINING}" name="training gaps" isCodable="true" color="#2CA02C"/>
    <Code guid="{44444444-4444-4444-8444-444444444444}" name="data sharing" isCodable="true" color="#ff7f0e"/>
    <Code guid="55555555-5555-4555-8555-555555555555" name="delays" isCodable="false" color="#D62728">
      <Code guid="66666666-6666-4666-8666-666666666666" name="waiting" isCodable="true" color="#abc"/>
    </Code>
  </Codes>
  <Sets>
    <Set guid="77777777-7777-4777-8777-777777777777" name="Core"><MemberCode guid="55555555-5555-4555-8555-555555555555"/></Set>
  </Sets>
</CodeBook>`;

const U = {
  user: 'aaaaaaaa-0000-4000-8000-000000000001',
  code: 'cccccccc-0000-4000-8000-000000000001',
  text: 'dddddddd-0000-4000-8000-000000000001',
  pdf: 'dddddddd-0000-4000-8000-000000000002',
};
const KIM_TEXT = 'We trust the council, but nobody answers our letters.';

/** A small ATLAS.ti-style project: one text with one coding, and a PDF with two codings but no text to import. */
function qdpx(): Buffer {
  const pdfCoding = (i: number) =>
    `<PDFSelection guid="5200000${i}-0000-4000-8000-000000000001" firstX="0" firstY="0" secondX="1" secondY="1" page="1"><Coding guid="5300000${i}-0000-4000-8000-000000000001"><CodeRef targetGUID="${U.code}"/></Coding></PDFSelection>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Kim study" origin="ATLAS.ti 23">
  <Users><User guid="${U.user}" name="Kim"/></Users>
  <CodeBook><Codes><Code guid="${U.code}" name="trust" isCodable="true" color="#1f77b4"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${U.text}" name="Interview Kim" plainTextPath="internal://${U.text}.txt">
      <PlainTextSelection guid="51000000-0000-4000-8000-000000000001" name="We trust the council" startPosition="0" endPosition="20" creatingUser="${U.user}">
        <Coding guid="54000000-0000-4000-8000-000000000001" creatingUser="${U.user}"><CodeRef targetGUID="${U.code}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="${U.pdf}" name="Scan" path="internal://scan.pdf">${pdfCoding(1)}${pdfCoding(2)}</PDFSource>
  </Sources>
</Project>`;
  return Buffer.from(zipSync({ 'project.qde': strToU8(qde), [`sources/${U.text}.txt`]: strToU8(KIM_TEXT) }));
}

async function chooseFrom(page: Page, item: string, file: { name: string; buffer: Buffer }) {
  await page.getByRole('button', { name: 'Exchange', exact: true }).click();
  await chooseFiles(page, [{ name: file.name, content: file.buffer }], () => page.getByRole('menuitem', { name: item }).click(), { multiple: false });
}

async function axeClean(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Downloads an export through the toolbar's Export menu and returns its bytes. */
async function download(page: Page, kind: ExportKind): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: `${EXPORT_LABELS[kind]}…` }).click()]);
  return { name: file.suggestedFilename(), bytes: await fs.readFile((await file.path())!) };
}

const codeTree = (page: Page) => page.getByRole('list', { name: 'Code tree' });

test.describe('in a project with a coded document', () => {
  test.use({ projectContent: PROJECT });

  test('a codebook is previewed, imported, and undone in one step', async ({ page, app }) => {
    await chooseFrom(page, 'Import codebook (.qdc or .csv)…', { name: 'book.qdc', buffer: Buffer.from(QDC) });
    const preview = page.getByRole('dialog', { name: 'Import codebook' });
    await expect(preview).toContainText('What importing book.qdc (written by NVivo 14) into this project will do.');
    await expect(preview.getByRole('region', { name: 'Codes added' }).getByRole('listitem')).toHaveText(['delays', 'delays > waiting']);
    await expect(preview.getByRole('region', { name: 'Codes renamed' }).getByRole('listitem')).toHaveText(['training → training gaps']);
    const matched = preview.getByRole('region', { name: 'Codes matched' });
    await expect(matched).toContainText('— by GUID');
    await expect(matched).toContainText('data sharing — by path of names');
    await expect(preview.getByRole('region', { name: 'Sets added' })).toContainText('Core');
    await expect(preview.getByRole('region', { name: 'Warnings' }).getByRole('listitem').first()).toBeVisible();
    // Nothing has changed yet.
    await expect(codeTree(page).getByRole('button', { name: 'training', exact: true })).toBeVisible();
    await page.screenshot({ path: '.tmp/shots/exchange-codebook-preview.png' });
    await axeClean(page, 'codebook preview');

    await preview.getByRole('button', { name: 'Import' }).click();
    await expect(preview).toBeHidden();
    await expect(page.getByText('Imported codebook book.qdc: 2 added, 2 matched, 1 renamed')).toBeVisible();
    for (const name of ['training gaps', 'data sharing', 'delays', 'waiting']) {
      await expect(codeTree(page).getByRole('button', { name, exact: true })).toBeVisible();
    }
    const imported = await app.readProject();
    expect(imported.codes.map((c) => c.name).sort()).toEqual(['data sharing', 'delays', 'training gaps', 'waiting']);
    // The coding stays on its code, now renamed.
    expect(imported.codings.map((c) => imported.codes.find((k) => k.id === c.codeId)?.name)).toEqual(['training gaps']);

    await page.getByRole('button', { name: /^Undo/ }).click();
    await expect(codeTree(page).getByRole('button', { name: 'training', exact: true })).toBeVisible();
    await expect(codeTree(page).getByRole('button', { name: 'delays', exact: true })).toHaveCount(0);
    await expect(codeTree(page).getByRole('button', { name: 'waiting', exact: true })).toHaveCount(0);
    const undone = await app.readProject();
    expect(undone.codes.map((c) => c.name).sort()).toEqual(['data sharing', 'training']);
  });

  test('the XLSX, QDPX and HTML report exports download with their content', async ({ page, app }) => {
    test.skip(app.kind === 'electron', 'Electron saves exports through a native save dialog, which Playwright cannot drive; electron/main-process.test.ts drives that dialog for a binary export ("exports a workbook as bytes, …")');
    const xlsx = await download(page, 'xlsx');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = unzipSync(new Uint8Array(xlsx.bytes));
    expect(Object.keys(workbook)).toContain('xl/workbook.xml');
    const sheets = strFromU8(workbook['xl/workbook.xml']!);
    expect(sheets).toContain('name="Excerpts"');
    expect(sheets).toContain('name="Codebook"');

    const project = await download(page, 'project-qdpx');
    expect(project.name).toMatch(/\.qdpx$/);
    const entries = unzipSync(new Uint8Array(project.bytes));
    expect(Object.keys(entries)).toContain('project.qde');
    const qde = strFromU8(entries['project.qde']!);
    expect(qde).toContain('name="training"');
    expect(Object.keys(entries).filter((n) => n.startsWith('sources/')).map((n) => strFromU8(entries[n]!))).toEqual([TEXT]);

    // The report asks which analysis tables go in it; one is ticked, by keyboard.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: `${EXPORT_LABELS['html-report']}…` }).click();
    const options = page.getByRole('dialog', { name: 'Export report (HTML)' });
    await options.getByRole('checkbox', { name: /Code frequencies/ }).focus();
    await page.keyboard.press('Space');
    await expect(options.getByRole('checkbox', { name: /Code frequencies/ })).toBeChecked();
    await expect(options.getByRole('checkbox', { name: /Codes × documents/ })).not.toBeChecked();
    await page.screenshot({ path: '.tmp/shots/exchange-report-options.png' });
    await axeClean(page, 'report options');
    const [file] = await Promise.all([page.waitForEvent('download'), options.getByRole('button', { name: 'Export' }).click()]);
    const report = { name: file.suggestedFilename(), bytes: await fs.readFile((await file.path())!) };
    expect(report.name).toMatch(/\.html$/);
    // The frequencies table: training's one coding in one document, 18 characters ("no training at all"); data sharing none.
    expect(report.bytes.toString('utf8')).toContain('<tr><th scope="row">training</th><td class="number">1</td><td class="number">1</td><td class="number">18</td>');
    expect(report.bytes.toString('utf8')).toContain('<tr><th scope="row">data sharing</th><td class="number">0</td>');
    expect(report.bytes.toString('utf8')).not.toContain('id="analysis-matrix"');
    const html = report.bytes.toString('utf8');
    expect(html).toContain('training');
    expect(html).toContain('Said they had no training');
    expect(html).toContain(QUOTE);
    expect(html).toContain('Interview 1');
  });
});

test('a REFI-QDA project is imported as a new project, with a report of what was skipped', async ({ page, app }) => {
  test.skip(app.kind === 'electron', 'Electron asks where to save the new project with a native dialog, which Playwright cannot drive; electron/main-process.test.ts covers that path ("… imports a REFI-QDA project as a new one …")');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await chooseFrom(page, 'Import REFI-QDA project (.qdpx)…', { name: 'study.qdpx', buffer: qdpx() });
  const ask = page.getByRole('dialog', { name: 'Import REFI-QDA project' });
  await expect(ask).toContainText('study.qdpx');
  await expect(ask.getByRole('radio', { name: /Automatic/ })).toBeChecked();
  await expect(ask.getByRole('radio', { name: /Unicode code points/ })).toBeVisible();
  await expect(ask.getByRole('radio', { name: /UTF-16 \(NVivo\)/ })).toBeVisible();
  await expect(ask).toContainText('It becomes a NEW project, saved beside the open one');
  await page.screenshot({ path: '.tmp/shots/exchange-qdpx-options.png' });
  await axeClean(page, 'qdpx options');
  // The reply carries the new project: the page does not fetch it again.
  const snapshots: string[] = [];
  page.on('request', (request) => request.url().includes('/api/invoke/project%3Asnapshot') && snapshots.push(request.url()));
  await ask.getByRole('button', { name: 'Import' }).click();

  const report = page.getByRole('dialog', { name: 'REFI-QDA project imported' });
  await expect(report).toContainText('Imported study.qdpx (written by ATLAS.ti 23) as a new project');
  const counts = report.getByRole('table', { name: 'Imported' });
  await expect(counts.getByRole('row').filter({ hasText: 'Documents' }).getByRole('cell')).toHaveText('1');
  await expect(counts.getByRole('row').filter({ hasText: 'Codings' }).getByRole('cell')).toHaveText('1');
  await expect(report).toContainText('Text positions read as');
  const skipped = report.getByRole('region', { name: 'Skipped' });
  await expect(skipped).toContainText('PDF “Scan”');
  await expect(skipped).toContainText('(2 codings not imported)');
  await page.screenshot({ path: '.tmp/shots/exchange-qdpx-report.png' });
  await axeClean(page, 'qdpx report');

  await report.getByRole('button', { name: 'Copy report' }).click();
  await expect(report.getByRole('button', { name: 'Copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[0]).toMatch(/^Imported from study\.qdpx \(written by ATLAS\.ti 23\): .*1 document/);
  expect(copied).toContain('PDF “Scan”');
  await report.getByRole('button', { name: 'Close' }).click();

  // The new project is open; the old one is untouched beside it.
  await expect(page.getByRole('list', { name: 'Documents' }).getByRole('button', { name: 'Interview Kim', exact: true })).toBeVisible();
  expect(snapshots).toEqual([]);
  await expect(codeTree(page).getByRole('button', { name: 'trust', exact: true })).toBeVisible();
  const files = (await fs.readdir(app.dir)).filter((f) => f.endsWith('.gloss'));
  expect(files.length).toBe(2);
  const created = files.find((f) => path.join(app.dir, f) !== app.projectFile)!;
  const file = JSON.parse(await fs.readFile(path.join(app.dir, created), 'utf8')) as ProjectFile;
  expect(file.codings.map((c) => file.documents[0]!.text.slice(c.start, c.end))).toEqual(['We trust the council']);
});

test('a refused .qdpx is named with the reason, and nothing changes', async ({ page, app }) => {
  const doctype = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY lol "lol">]><Project xmlns="urn:QDA-XML:project:1.0" name="&lol;"/>`;
  await chooseFrom(page, 'Import REFI-QDA project (.qdpx)…', { name: 'evil.qdpx', buffer: Buffer.from(zipSync({ 'project.qde': strToU8(doctype) })) });
  const ask = page.getByRole('dialog', { name: 'Import REFI-QDA project' });
  await ask.getByRole('button', { name: 'Import' }).click();
  await expect(ask.getByRole('alert')).toContainText('evil.qdpx');
  await expect(ask.getByRole('alert')).toContainText(/DOCTYPE/);
  await expect(ask.getByRole('alert')).toContainText(/nothing was imported/i);
  await page.screenshot({ path: '.tmp/shots/exchange-qdpx-refused.png' });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();

  // Not a ZIP at all.
  await chooseFrom(page, 'Import REFI-QDA project (.qdpx)…', { name: 'notes.qdpx', buffer: Buffer.from('just some notes') });
  await ask.getByRole('button', { name: 'Import' }).click();
  await expect(ask.getByRole('alert')).toContainText('notes.qdpx');
  await ask.getByRole('button', { name: 'Cancel' }).click();

  // A codebook that is not XML is named in the message area, and no dialog opens.
  await chooseFrom(page, 'Import codebook (.qdc or .csv)…', { name: 'broken.qdc', buffer: Buffer.from('<CodeBook><Codes>') });
  await expect(page.getByText(/broken\.qdc/)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  expect((await fs.readdir(app.dir)).filter((f) => f.endsWith('.gloss'))).toEqual([path.basename(app.projectFile)]);
  const file = await app.readProject();
  expect(file.documents).toEqual([]);
});
