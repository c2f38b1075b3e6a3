/** The dialogs of REFI-QDA and codebook imports (report, preview). STUB. */
export function ExchangeDialogs() {
  return null;
}
