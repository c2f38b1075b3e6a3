/** Saving exports as file downloads in the browser host (Electron uses a native save dialog). */
import { base64ToBytes } from './base64';

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: revoking at once can cancel the download before the browser reads it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, mimeType: string, content: string): void {
  downloadBlob(fileName, new Blob([content], { type: `${mimeType};charset=utf-8` }));
}

/** An export as the host sent it: text as UTF-8, binary formats (XLSX, QDPX, ZIP) from their base64. */
export function downloadExport(file: { fileName: string; mimeType: string; content: string; encoding: 'utf8' | 'base64' }): void {
  if (file.encoding === 'utf8') return downloadText(file.fileName, file.mimeType, file.content);
  downloadBlob(file.fileName, new Blob([base64ToBytes(file.content)], { type: file.mimeType }));
}
