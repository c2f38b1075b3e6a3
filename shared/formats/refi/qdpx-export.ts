/**
 * The whole project as a REFI-QDA `.qdpx`: a ZIP holding `project.qde` at the root and
 * each document's text as `sources/<GUID>.txt` (UTF-8, LF, no BOM; NOTES.md §1 and §5.2:
 * lower-case `sources/`, which ATLAS.ti needs). Two exports of the same project are
 * byte-identical: entities are written in a fixed order and every ZIP entry carries the
 * project's modification time rather than the clock.
 */
import { zipSync, type Zippable } from 'fflate';
import type { ProjectState } from '../../model/state';
import { ok, type Result } from '../../result';
import type { PositionUnit } from './qde-positions';
import { projectQde } from './qde-project';
import type { ExportBuilder } from '../../export/registry';

export interface QdpxExportOptions {
  /** 'codepoints' as the spec says; 'utf16' for NVivo. */
  positions: PositionUnit;
  /** The writing program, e.g. "Gloss 0.1.0". */
  origin: string;
}

/** ZIP (DOS) times cannot say anything before 1980; fflate throws on them. */
const EARLIEST_ZIP_TIME = Date.UTC(1980, 0, 2);
const LATEST_ZIP_TIME = Date.UTC(2099, 11, 30);

/** The `.qdpx` bytes of `state`. Fails only when the project is internally inconsistent (see projectQde). */
export function projectQdpx(state: ProjectState, options: QdpxExportOptions): Result<Uint8Array> {
  const content = projectQde(state, options);
  if (!content.ok) return content;
  const encoder = new TextEncoder();
  const files: Zippable = { 'project.qde': encoder.encode(content.value.xml) };
  // TextEncoder writes a lone surrogate as U+FFFD: one code point and one UTF-16 unit, like
  // the surrogate it replaces, so positions in the XML stay right for the stored text.
  for (const source of content.value.sources) files[`sources/${source.guid}.txt`] = encoder.encode(source.text);
  return ok(zipSync(files, { level: 6, mtime: zipTime(state.project.modifiedAt) }));
}

/** The time stamped on every entry: the project's last change, kept inside the range ZIP can store. */
function zipTime(modifiedAt: string): number {
  const time = Date.parse(modifiedAt);
  if (Number.isNaN(time)) return EARLIEST_ZIP_TIME;
  return Math.min(Math.max(time, EARLIEST_ZIP_TIME), LATEST_ZIP_TIME);
}

/** The registry's builder for the standard: positions in Unicode code points. */
export const qdpxExport: ExportBuilder = (state) => projectQdpx(state, { positions: 'codepoints', origin: 'Gloss' });

/**
 * The registry's builder for NVivo: positions in UTF-16 code units. The origin says how
 * positions count, so an importer (Gloss's own, too) need not guess.
 */
export const qdpxUtf16Export: ExportBuilder = (state) => projectQdpx(state, { positions: 'utf16', origin: 'Gloss (UTF-16 positions, as NVivo)' });
