/**
 * The whole project as a REFI-QDA `.qdpx` (ZIP: project.qde + sources/<GUID>.txt).
 * STUB: the exchange engineer replaces the body.
 */
import type { ProjectState } from '../../model/state';
import { err, type Result } from '../../result';

export interface QdpxExportOptions {
  /** 'codepoints' as the spec says; 'utf16' for NVivo. */
  positions: 'codepoints' | 'utf16';
  /** The writing program, e.g. "Gloss 0.1.0". */
  origin: string;
}

export function projectQdpx(state: ProjectState, options: QdpxExportOptions): Result<Uint8Array> {
  void state;
  void options;
  return err('REFI-QDA project export is not built yet');
}
