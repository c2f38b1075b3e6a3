/**
 * The exports the app's menus offer (the desktop File ▸ Export menu and the toolbar's Export
 * menu), with their labels: derived from the export registry (shared/export/registry.ts).
 */
import { EXPORT_FORMATS, type ExportFormat, type OfferedExportId } from '../export/registry';
import type { ExportKind } from './contract';

export const EXPORT_LABELS: Record<ExportKind, string> = Object.fromEntries(EXPORT_FORMATS.map((f) => [f.id, f.label])) as Record<ExportKind, string>;

const MENU_GROUPS: readonly NonNullable<ExportFormat['menu']>[] = ['everyday', 'analysis', 'exchange', 'other'];

/** Menu order, grouped: the everyday exports, the analysis tables, then exchange with other QDA tools, then the rest. */
export const EXPORT_ORDER: readonly OfferedExportId[] = MENU_GROUPS.flatMap((group) =>
  EXPORT_FORMATS.filter((f: ExportFormat) => f.menu === group).map((f) => f.id as OfferedExportId),
);
