/**
 * What the import fuzzer feeds: every importer of the registry (one target per extension
 * whose reading differs), the REFI-QDA project reader and both codebook readers. Each
 * target reads bytes the way the app does and answers with the reader's own Result; the
 * runner (run.ts) decides whether that answer is a result, a clear refusal or a crash.
 */
import { previewCodebookImport } from '../../formats/codebook/match';
import { readCodebook } from '../../formats/codebook/read';
import { readQdpx } from '../../formats/refi/qdpx-import';
import { emptyProjectFile, stateFromFile } from '../../model/state';
import { err, ok, type Result } from '../../result';
import { MAX_TEXT_LENGTH, SNIFF_BYTES } from '../limits';
import { checkedText, importerFor, refusalBeforeReading, refusalForThrow, type ImportedText } from '../registry';

/** What each format's files are made of, for mutations that keep an input close to the format. */
const TOKENS = {
  text: ['\r\n', '\r', '\n\n', '\t', '\u0000', '\ufeff', 'é', '😀', '\u202e', '\ud800'],
  subtitles: ['-->', ' --> ', '00:00:01.000', '00:00:01,000', '99999999999:99:99.9999', 'WEBVTT\n\n', 'NOTE ', '\n\n', '<v Anna>', '</v>', 'ANNA: ', '&amp;', '&#x10FFFF;', '{\\an8}', '>> ', '- '],
  html: ['<p>', '</p>', '<br>', '<table><tr><td colspan="99999">', '</td></tr></table>', '<ul><li>', '</li></ul>', '<h1>', '<pre>', '<nav>', '<math>', '<svg>', '<div hidden>', '<aside epub:type="footnote">', '<!--', '-->', '<![CDATA[', ']]>', '&#x10FFFF;', '&#0;', '<script>', '<meta charset="shift_jis">', '<meta charset="utf-16">'],
  rtf: ['{', '}', '\\par ', '\\u-10179?', "\\'e9", "\\'", '\\bin5 ', '\\bin999999999 ', '\\*', '{\\footnote ', '{\\*\\annotation ', '\\v ', '\\v0 ', '\\uc2 ', '\\ansicpg932 ', '{\\fonttbl{\\f1\\fcharset128 X;}}', '\\f1 ', '\\intbl ', '\\cell ', '\\row ', '\\outlinelevel3 ', '\\ls1 ', '\\ilvl99999 ', '{\\stylesheet{\\s1 heading 1;}}', '\\s1 ', '\\line ', '\\tab '],
  xml: ['<', '>', '/>', '</', '<?xml version="1.0"?>', '<!DOCTYPE x>', '<!-- c -->', '<![CDATA[x]]>', '&amp;', '&#x10FFFF;', '&#0;', '&lt;', '"', "'", ' xmlns="urn:x"', ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'],
  odt: ['<text:p>', '</text:p>', '<text:h text:outline-level="99999">', '</text:h>', '<text:list><text:list-item>', '</text:list-item></text:list>', '<text:s text:c="99999999"/>', '<text:tab/>', '<text:line-break/>', '<table:table><table:table-row><table:table-cell table:number-columns-spanned="999">', '</table:table-cell></table:table-row></table:table>', '<office:annotation><text:p>c</text:p></office:annotation>', '<text:note text:note-class="endnote"><text:p>n</text:p></text:note>'],
  epub: ['<itemref idref="c1"/>', '<itemref idref="nav" linear="no"/>', '<item id="x" href="../../x" media-type="application/xhtml+xml"/>', '<item id="y" href="%zz" media-type="text/html"/>', 'full-path="OEBPS/content.opf"', 'full-path="../x"', '<!ENTITY', '<h1>', '<p>'],
  pdf: ['obj', 'endobj', 'stream', 'endstream', '<<', '>>', '/Length 999999999', '/Type /Page', '/Kids [', ']', 'BT', 'ET', 'Tj', 'TJ', '(', ')', '\\', 'xref', 'trailer', 'startxref', '%%EOF', '/Encrypt', '/PageLabels << /Nums [0 << /S /D /St -5 >>] >>', '0 0 R', '-1'],
  qdpx: ['<PlainTextSelection guid="51000000-0000-4000-8000-000000000009" startPosition="-5" endPosition="999999999">', '</PlainTextSelection>', '<Coding guid="x"><CodeRef targetGUID="x"/></Coding>', '<Code guid="aaaaaaaa-0000-4000-8000-000000000001" name="" isCodable="maybe" color="#12">', '</Code>', '<NoteRef targetGUID="{40000000-0000-4000-8000-000000000001}"/>', 'plainTextPath="internal://../../x.txt"', 'plainTextPath="absolute://C:/x.txt"', 'plainTextPath="internal://%zz"', '<Case guid="c" name=""><SourceRef targetGUID="x"/></Case>', '<Set name="s"><MemberCode targetGUID="x"/></Set>', 'origin="NVivo"', 'origin="ATLAS.ti"', 'creationDateTime="9999-99-99T99:99:99"', '<VariableValue><VariableRef targetGUID="v"/><IntegerValue>NaN</IntegerValue></VariableValue>'],
  codebook: ['code,code_path,parent,description,color\n', ' > ', ' > c', '"', '""', ',', ';', '\t', '\n', '\r\n', '#fff', '#GGGGGG', '<Code name="x" isCodable="true">', '</Code>', '<Set name="">', '<MemberCode guid="{X}"/>', 'guid="{AAAAAAAA-0000-4000-8000-000000000001}"'],
} as const;

export type TokenSet = keyof typeof TOKENS;

/** One reader under fuzzing. */
export interface FuzzTarget {
  /** Short name, for `--target` and the report. */
  name: string;
  /** The file name the bytes are read as (its extension chooses the reader). */
  fileName: string;
  /** Which seeds of the corpus to mutate (see seeds.ts). */
  seeds: string;
  tokens: readonly string[];
  /** Inputs tried by the short run in the normal test suite: a few seconds' worth. */
  shortRuns: number;
  /** Reads `bytes`; a throw or an internal-looking refusal is a crash (see run.ts). */
  read(bytes: Uint8Array): Promise<Result<unknown>>;
}

/** Why a successful document read breaks the text convention of registry.ts, or null. */
function brokenDocument(doc: ImportedText): string | null {
  if (doc.text.length > MAX_TEXT_LENGTH) return `the text is ${doc.text.length} code units, over the limit`;
  if (!doc.text.trim()) return 'the text is empty';
  if (doc.text.includes('\r')) return 'the text holds a CR (line endings must be LF)';
  for (const r of doc.structure) {
    if (!(r.start >= 0 && r.start <= r.end && r.end <= doc.text.length)) return `a ${r.kind} range ${r.start}–${r.end} lies outside the text (${doc.text.length})`;
  }
  return null;
}

/**
 * Whether an exception came from inside a library (its top stack frame is in node_modules):
 * pdf.js throws on damaged files, and readDocument turns that into a refusal. A throw from
 * Gloss's own code is a bug, which readDocument would hide the same way, so it is a crash.
 */
function thrownByLibrary(e: unknown): boolean {
  const frame = e instanceof Error ? (e.stack ?? '').split('\n').find((l) => /^\s+at /.test(l)) : undefined;
  return frame !== undefined && /node_modules/.test(frame);
}

function documentTarget(fileName: string, seeds: string, tokens: readonly string[], shortRuns: number): FuzzTarget {
  const importer = importerFor(fileName);
  if (!importer) throw new Error(`no importer reads ${fileName}`);
  return {
    name: fileName.slice(fileName.lastIndexOf('.') + 1),
    fileName,
    seeds,
    tokens,
    shortRuns,
    // readDocument's steps, with its catch narrowed to what libraries throw.
    async read(bytes) {
      const early = refusalBeforeReading(fileName, bytes.length, bytes.subarray(0, SNIFF_BYTES));
      if (early) return err(early);
      let read: Result<ImportedText>;
      try {
        read = checkedText(await importer.read(bytes, fileName));
      } catch (e) {
        if (!thrownByLibrary(e)) throw e;
        return err(refusalForThrow(fileName, e));
      }
      if (!read.ok) return read;
      const broken = brokenDocument(read.value);
      if (broken) throw new Error(`bad result: ${broken}`);
      return read;
    },
  };
}

const NOW = '2026-01-01T00:00:00.000Z';

/** Every reader of files from outside, each with the file name it reads and what to mutate. */
export const IMPORT_TARGETS: readonly FuzzTarget[] = [
  documentTarget('fuzz.txt', 'text', TOKENS.text, 300),
  documentTarget('fuzz.md', 'text', TOKENS.text, 100),
  documentTarget('fuzz.srt', 'subtitles', [...TOKENS.subtitles, ...TOKENS.text], 300),
  documentTarget('fuzz.vtt', 'subtitles', [...TOKENS.subtitles, ...TOKENS.text], 300),
  documentTarget('fuzz.html', 'html', [...TOKENS.html, ...TOKENS.text], 300),
  documentTarget('fuzz.xhtml', 'html', [...TOKENS.html, ...TOKENS.xml], 150),
  documentTarget('fuzz.rtf', 'rtf', [...TOKENS.rtf, ...TOKENS.text], 200),
  documentTarget('fuzz.odt', 'odt', [...TOKENS.odt, ...TOKENS.xml], 100),
  documentTarget('fuzz.epub', 'epub', [...TOKENS.epub, ...TOKENS.html, ...TOKENS.xml], 150),
  documentTarget('fuzz.docx', 'docx', [...TOKENS.xml, '<w:p>', '</w:p>', '<w:r><w:t>x</w:t></w:r>', '<w:tbl><w:tr><w:tc>', '</w:tc></w:tr></w:tbl>', '<w:footnoteReference w:id="99"/>', '<w:numPr><w:ilvl w:val="99999"/><w:numId w:val="1"/></w:numPr>'], 50),
  documentTarget('fuzz.pdf', 'pdf', TOKENS.pdf, 40),
  {
    name: 'qdpx',
    fileName: 'fuzz.qdpx',
    seeds: 'qdpx',
    tokens: [...TOKENS.qdpx, ...TOKENS.xml],
    shortRuns: 100,
    async read(bytes) {
      let n = 0;
      return readQdpx(bytes, 'fuzz.qdpx', { positions: 'auto', now: NOW, newId: () => `fuzz-${++n}` });
    },
  },
  ...(['qdc', 'csv'] as const).map(
    (extension): FuzzTarget => ({
      name: extension === 'qdc' ? 'qdc' : 'codebook-csv',
      fileName: `fuzz.${extension}`,
      seeds: extension,
      tokens: [...TOKENS.codebook, ...(extension === 'qdc' ? TOKENS.xml : TOKENS.text)],
      shortRuns: 300,
      async read(bytes) {
        const read = readCodebook(bytes, `fuzz.${extension}`);
        if (!read.ok) return read;
        // The preview is what the app shows next; it must take any codebook the reader accepts.
        previewCodebookImport(stateFromFile(emptyProjectFile('Fuzz', NOW)), read.value);
        return ok(read.value);
      },
    }),
  ),
];
