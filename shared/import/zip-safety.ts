/**
 * Reading ZIP containers (DOCX, ODT, EPUB, QDPX) without trusting them. Every entry's name
 * and sizes are checked from the central directory before anything is inflated: a name
 * that is absolute or climbs out with "..", an archive that would inflate past 200 MB, a
 * large entry compressed more than 100:1, or a whole archive inflating to more than 100
 * times its size (a ZIP bomb, in one entry or spread over many) refuses the whole file.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { err, ok, type Result } from '../result';
import { decodeText } from './decode-text';
import { MAX_ZIP_ENTRIES, MAX_ZIP_OVERALL_RATIO, MAX_ZIP_RATIO, MAX_ZIP_UNCOMPRESSED, RATIO_CHECK_MIN_SIZE } from './limits';
import { notZip } from './sniffs';
import { sizeInWords } from './sizes';

export { notZip, notZipStart } from './sniffs';

export type ZipEntries = Record<string, Uint8Array>;

/** Why an entry name is unsafe, or null. Names use "/" as the ZIP format says; "\" is treated alike. */
export function unsafeEntryName(name: string): string | null {
  if (/^[\\/]/.test(name) || /^[A-Za-z]:/.test(name)) return `entry “${name}” has an absolute path`;
  if (name.split(/[\\/]/).includes('..')) return `entry “${name}” points outside the archive`;
  if (name.includes('\u0000')) return `entry “${name}” has a broken name`;
  return null;
}


function checkEntries(infos: readonly UnzipFileInfo[]): string | null {
  if (infos.length > MAX_ZIP_ENTRIES) return `the archive holds ${infos.length} entries, more than any document has`;
  let total = 0;
  let compressed = 0;
  for (const info of infos) {
    const unsafe = unsafeEntryName(info.name);
    if (unsafe) return unsafe;
    total += info.originalSize;
    compressed += info.size;
    if (total > MAX_ZIP_UNCOMPRESSED) return 'its content would take over 200 MB uncompressed, far more than a document holds (a ZIP bomb?)';
    if (info.originalSize >= RATIO_CHECK_MIN_SIZE && info.originalSize > Math.max(1, info.size) * MAX_ZIP_RATIO) {
      return `entry “${info.name}” is compressed more than ${MAX_ZIP_RATIO}:1, which real documents never are (a ZIP bomb?)`;
    }
  }
  if (total >= RATIO_CHECK_MIN_SIZE && total > Math.max(1, compressed) * MAX_ZIP_OVERALL_RATIO) {
    const times = Math.floor(total / Math.max(1, compressed));
    return `its ${infos.length} entries would inflate to ${sizeInWords(total)} from ${sizeInWords(compressed)}, ${times} times what the archive holds; real documents never compress that well (a ZIP bomb?)`;
  }
  return null;
}

/** A ZIP container whose directory passed every check; entries are inflated on request. */
export interface ZipArchive {
  /** Every entry name, as the central directory lists them. */
  readonly names: readonly string[];
  /** Inflates the entries `wanted` accepts. */
  read(wanted: (name: string) => boolean): Result<ZipEntries>;
}

/**
 * Checks every entry of the archive from its central directory, inflating nothing.
 * `format` names the file type in the message for a damaged container ("DOCX").
 */
export function openZip(bytes: Uint8Array, format: string): Result<ZipArchive> {
  const infos: UnzipFileInfo[] = [];
  try {
    // The filter sees every entry and accepts none, so this reads the directory only.
    unzipSync(bytes, {
      filter(info) {
        infos.push(info);
        return false;
      },
    });
  } catch {
    return err(notZip(format));
  }
  const problem = checkEntries(infos);
  if (problem) return err(problem);
  return ok({
    names: infos.map((i) => i.name),
    read(wanted) {
      try {
        // fflate inflates each entry into a buffer of the size the directory declared, so an
        // entry that lies about its size is cut short rather than filling memory.
        return ok(unzipSync(bytes, { filter: (info) => wanted(info.name) }));
      } catch {
        return err(`it is not a valid ${format} file (an entry of its ZIP container cannot be unpacked)`);
      }
    },
  });
}

/** Checks the archive and inflates the entries `wanted` accepts (all when omitted). */
export function readZip(bytes: Uint8Array, format: string, wanted: (name: string) => boolean = () => true): Result<ZipEntries> {
  const archive = openZip(bytes, format);
  return archive.ok ? archive.value.read(wanted) : archive;
}

/** The text of an XML or XHTML entry (UTF-8, or UTF-16 with a BOM), or null if it is missing or binary. */
export function entryText(entries: ZipEntries, name: string): string | null {
  const bytes = entries[name];
  if (!bytes) return null;
  const decoded = decodeText(bytes);
  return decoded.ok ? decoded.value.text : null;
}

/**
 * Resolves `href` (a relative URL inside the archive, as OPF and container files use) against
 * the folder `base`, or returns null if it leaves the archive.
 */
export function resolveEntryPath(base: string, href: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(href.split('#')[0]!.split('?')[0]!);
  } catch {
    return null;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith('/')) return null;
  const parts = base ? base.split('/').filter(Boolean) : [];
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}
