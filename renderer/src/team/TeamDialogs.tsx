/** Dialogs of team work: coder name, merge preview and conflicts. STUB. */
export function TeamDialogs() {
  return null;
}
