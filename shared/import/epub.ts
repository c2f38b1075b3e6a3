/**
 * EPUB e-books: META-INF/container.xml names the package (OPF) file, whose spine lists the
 * chapters in reading order; each chapter's XHTML goes through the HTML walker. The
 * navigation document, auxiliary spine items (linear="no") and notes stay out of the text;
 * all but the navigation (a table of contents) are listed in the import report, and so is a
 * chapter the spine names but the archive lacks.
 */
import { err, ok } from '../result';
import { walkHtml } from './html-walker';
import { LeftOut } from './left-out';
import { MAX_DOCUMENT_BYTES } from './limits';
import type { Importer } from './registry';
import { TextBuilder } from './text-builder';
import { childElements, descendants, parseXml } from './xml';
import { notEpub } from './sniffs';
import { entryText, openZip, resolveEntryPath } from './zip-safety';

const NAMESPACES = {
  'urn:oasis:names:tc:opendocument:xmlns:container': 'container',
  'http://www.idpf.org/2007/opf': 'opf',
};

const XHTML_TYPES = new Set(['application/xhtml+xml', 'text/html']);

/** Fonts are often "obfuscated" (encrypted) harmlessly; encrypted chapters mean DRM. */
function encryptedPaths(xml: string | null): Set<string> {
  const out = new Set<string>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?CipherReference\b[^>]*\bURI\s*=\s*["']([^"']+)["']/g)) {
    const resolved = resolveEntryPath('', m[1]!);
    if (resolved !== null) out.add(resolved);
  }
  return out;
}

export const epubImporter: Importer = {
  extensions: ['.epub'],
  label: 'E-books (EPUB)',
  maxBytes: MAX_DOCUMENT_BYTES,
  sniff: notEpub,
  async read(bytes) {
    if (bytes.length === 0) return err('the file is empty');
    const archive = openZip(bytes, 'EPUB');
    if (!archive.ok) return archive;
    // Images, fonts and styles are never inflated: first the package files, then the chapters.
    const meta = archive.value.read((name) => name.startsWith('META-INF/'));
    if (!meta.ok) return meta;
    const entries = meta.value;

    const containerXml = entryText(entries, 'META-INF/container.xml');
    if (containerXml === null) return err('it is not a valid EPUB file (it has no META-INF/container.xml)');
    const container = parseXml(containerXml, 'META-INF/container.xml', NAMESPACES);
    if (!container.ok) return container;
    const rootfile = descendants(container.value, 'container:rootfile').find(
      (r) => (r.attrs['media-type'] ?? 'application/oebps-package+xml') === 'application/oebps-package+xml',
    );
    const opfPath = rootfile?.attrs['full-path'] ? resolveEntryPath('', rootfile.attrs['full-path']) : null;
    if (!opfPath) return err('it is not a valid EPUB file (its container names no package file)');
    const opfEntry = archive.value.read((name) => name === opfPath);
    if (!opfEntry.ok) return opfEntry;
    const opfXml = entryText(opfEntry.value, opfPath);
    if (opfXml === null) return err(`it is not a valid EPUB file (its package file ${opfPath} is missing)`);
    const opf = parseXml(opfXml, opfPath, NAMESPACES);
    if (!opf.ok) return opf;

    const base = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/')) : '';
    const manifest = new Map<string, { path: string; type: string; nav: boolean }>();
    for (const item of descendants(opf.value, 'opf:item')) {
      const { id, href } = item.attrs;
      if (!id || !href) continue;
      const path = resolveEntryPath(base, href);
      if (path === null) return err(`its package file points at “${href}”, outside the book`);
      manifest.set(id, { path, type: item.attrs['media-type'] ?? '', nav: /\bnav\b/.test(item.attrs.properties ?? '') });
    }
    const spine = descendants(opf.value, 'opf:spine')[0];
    if (!spine) return err('it is not a valid EPUB file (its package file has no spine)');

    const encrypted = encryptedPaths(entryText(entries, 'META-INF/encryption.xml'));
    const leftOut = new LeftOut();
    const spinePaths: string[] = [];
    for (const ref of childElements(spine, 'opf:itemref')) {
      const item = manifest.get(ref.attrs.idref ?? '');
      if (!item || item.nav) continue;
      if (ref.attrs.linear === 'no') {
        leftOut.add('auxiliary', item.path);
        continue;
      }
      if (!XHTML_TYPES.has(item.type)) {
        // Pictures in the spine (a cover, a scanned page) carry no text; anything else might.
        if (!item.type.startsWith('image/')) leftOut.add('notXhtml', item.path);
        continue;
      }
      if (encrypted.has(item.path)) return err('it is protected by DRM (its chapters are encrypted), so its text cannot be read');
      spinePaths.push(item.path);
    }
    const wanted = new Set(spinePaths);
    const chapterEntries = archive.value.read((name) => wanted.has(name));
    if (!chapterEntries.ok) return chapterEntries;
    const out = new TextBuilder();
    let chapters = 0;
    for (const path of spinePaths) {
      const xhtml = entryText(chapterEntries.value, path);
      if (xhtml === null) {
        leftOut.add('missing', path);
        continue;
      }
      // XHTML goes to the HTML walker, which never expands entities; a DOCTYPE is harmless
      // there (EPUB 2 chapters all have one), but an internal entity subset is not.
      if (/<!ENTITY/i.test(xhtml)) {
        return err(`its chapter ${path} declares XML entities, which Gloss refuses to read`);
      }
      out.openBlock(null);
      const unreadable = walkHtml(xhtml, out, { xhtml: true, leftOut });
      if (unreadable) return err(`its chapter ${path}: ${unreadable.replace(/^its /, '')}`);
      out.closeBlock();
      chapters++;
      if (out.overflowed) break;
    }
    if (chapters === 0) return err('it has no readable chapters in its spine');
    return ok({ ...out.result(), type: 'application/epub+zip', notes: leftOut.notes() });
  },
};
