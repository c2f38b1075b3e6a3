import { describe, expect, it } from 'vitest';
import { saveStatusText, windowTitle } from './save-status';

describe('save status', () => {
  it('says what happened to the last edits', () => {
    expect(saveStatusText({ status: 'saved', at: null }, false)).toBe('Saved');
    expect(saveStatusText({ status: 'saving' }, false)).toBe('Saving…');
    expect(saveStatusText({ status: 'pending' }, false)).toBe('Unsaved changes');
    expect(saveStatusText({ status: 'error', message: 'permission denied' }, false)).toBe('Not saved: permission denied');
    expect(saveStatusText({ status: 'saved', at: null }, true)).toBe('Read-only');
  });

  it('puts the project name and a short state in the window title', () => {
    expect(windowTitle('Study', { status: 'saved', at: null }, false)).toBe('Study — Saved — Gloss');
    expect(windowTitle('Study', { status: 'error', message: 'disk full' }, false)).toBe('Study — Not saved — Gloss');
    expect(windowTitle(null, { status: 'saved', at: null }, false)).toBe('Gloss');
  });
});
