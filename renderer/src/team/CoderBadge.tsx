/** The coder's name in the toolbar. STUB: the teams engineer fills it in. */
export function CoderBadge() {
  return null;
}
