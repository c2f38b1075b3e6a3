/** A codebook import preview as plain text lines, for the CLI (and for copying from a dialog). */
import type { CodebookPreview } from './types';

export function previewLines(preview: CodebookPreview): string[] {
  const list = (items: readonly string[]) => (items.length ? `: ${items.join(', ')}` : '');
  const byGuid = preview.matched.filter((m) => m.by === 'guid').length;
  const lines = [
    `Codebook ${preview.fileName}${preview.origin ? ` (written by ${preview.origin})` : ''}`,
    `Added ${preview.added.length}${list(preview.added)}`,
    `Matched ${preview.matched.length}${preview.matched.length ? ` (${byGuid} by GUID, ${preview.matched.length - byGuid} by path)` : ''}`,
  ];
  if (preview.renamed.length) lines.push(`Renamed ${preview.renamed.length}: ${preview.renamed.map((r) => `${r.from} → ${r.to}`).join(', ')}`);
  if (preview.updated.length) lines.push(`Updated ${preview.updated.length} (colour or description)${list(preview.updated)}`);
  if (preview.sets.added.length) lines.push(`Sets added ${preview.sets.added.length}${list(preview.sets.added)}`);
  if (preview.sets.matched.length) lines.push(`Sets matched ${preview.sets.matched.length}${list(preview.sets.matched)}`);
  if (preview.warnings.length) {
    lines.push(`Warnings (${preview.warnings.length}):`);
    for (const warning of preview.warnings) lines.push(`  - ${warning}`);
  }
  return lines;
}
