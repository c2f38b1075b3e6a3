/** The ids of the hidden file inputs behind the Exchange menu's imports (rendered by ExchangeDialogs). */
export const QDPX_INPUT_ID = 'gloss-qdpx-input';
export const CODEBOOK_INPUT_ID = 'gloss-codebook-input';
