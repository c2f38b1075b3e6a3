/** The hidden file inputs behind the Exchange menu's imports (rendered by ExchangeDialogs). */
export const QDPX_INPUT_ID = 'gloss-qdpx-input';
export const CODEBOOK_INPUT_ID = 'gloss-codebook-input';

/** Opens the system file chooser of one of the inputs above. */
export function openPicker(id: string): void {
  document.getElementById(id)?.click();
}
