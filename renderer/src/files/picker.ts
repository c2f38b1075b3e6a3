/** Opens the system file chooser of the hidden file input with this id (see HiddenPicker). */
export function openPicker(id: string): void {
  document.getElementById(id)?.click();
}
