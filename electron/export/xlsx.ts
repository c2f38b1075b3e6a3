/** STUB: the XLSX workbook (Excerpts, Codebook, Code frequencies), built with exceljs. */
import type { ProjectState } from '../../shared/model/state';

export async function workbookXlsx(state: ProjectState): Promise<Uint8Array> {
  void state;
  throw new Error('The XLSX export is not built yet.');
}
