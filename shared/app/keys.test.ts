import { describe, expect, it } from 'vitest';
import { keysLabel, parseKeys, pressMatches, toAccelerator } from './keys';

describe('shortcut keys', () => {
  it('reads modifiers in any order and case, and refuses what is not one key', () => {
    expect(parseKeys('Mod+Shift+N')).toEqual({ mod: true, shift: true, alt: false, key: 'n' });
    expect(parseKeys('shift+mod+n')).toEqual(parseKeys('Mod+Shift+N'));
    expect(parseKeys('F3')).toEqual({ mod: false, shift: false, alt: false, key: 'f3' });
    for (const bad of ['', 'Mod+', 'Mod+Shift', 'Ctrl+N', 'Mod+Mod+N', 'Hyper+N']) expect(parseKeys(bad), bad).toBeNull();
  });

  it('matches a press with exactly those modifiers', () => {
    const combo = parseKeys('Mod+Shift+Z')!;
    const press = { key: 'Z', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false };
    expect(pressMatches(combo, press)).toBe(true);
    expect(pressMatches(combo, { ...press, ctrlKey: false, metaKey: true })).toBe(true);
    expect(pressMatches(combo, { ...press, shiftKey: false })).toBe(false);
    expect(pressMatches(combo, { ...press, altKey: true })).toBe(false);
    expect(pressMatches(combo, { ...press, ctrlKey: false })).toBe(false);
  });

  it('matches a punctuation key whether or not the keyboard needed Shift for it, but never with Ctrl', () => {
    const question = parseKeys('?')!;
    const press = { key: '?', ctrlKey: false, metaKey: false, altKey: false };
    expect(pressMatches(question, { ...press, shiftKey: true })).toBe(true);
    expect(pressMatches(question, { ...press, shiftKey: false })).toBe(true);
    expect(pressMatches(question, { ...press, shiftKey: true, ctrlKey: true })).toBe(false);
    // Letters still need Shift exactly as written.
    expect(pressMatches(parseKeys('Mod+N')!, { key: 'N', ctrlKey: true, metaKey: false, altKey: false, shiftKey: true })).toBe(false);
  });

  it('writes Electron accelerators and labels for people', () => {
    expect(toAccelerator(parseKeys('Mod+Shift+N')!)).toBe('CmdOrCtrl+Shift+N');
    expect(toAccelerator(parseKeys('Mod+1')!)).toBe('CmdOrCtrl+1');
    expect(keysLabel(parseKeys('Mod+Shift+N')!, false)).toBe('Ctrl+Shift+N');
    expect(keysLabel(parseKeys('Mod+Shift+N')!, true)).toBe('⇧⌘N');
    expect(keysLabel(parseKeys('F3')!, false)).toBe('F3');
  });
});
