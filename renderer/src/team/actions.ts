/** Team work started from the toolbar's Team menu and the host's menus. STUB: the teams engineer fills these in. */
import type { MenuItem } from '../common/Menu';
import { useGloss } from '../store';

/** File ▸ Merge project…: pick another coder's copy (and optionally the base), preview, resolve, merge. */
export function startMerge(): void {}

/** Asks for the coder's name (first run, or to change it). */
export function askCoderName(): void {}

export function showAgreement(): void {
  useGloss.getState().setView('agreement');
}

export function teamMenuItems(readOnly: boolean): MenuItem[] {
  return [
    { label: 'Merge another copy of this project…', onSelect: startMerge, disabled: readOnly },
    { label: 'Inter-coder agreement', onSelect: showAgreement },
    { label: 'Change my coder name…', onSelect: askCoderName },
  ];
}
