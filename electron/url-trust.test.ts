import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppPageUrl, safeExternalUrl } from './url-trust';

const index = path.resolve('/opt/Gloss App/resources/app.asar/dist/renderer/index.html');
const indexUrl = pathToFileURL(index).href;

describe('isAppPageUrl', () => {
  it('accepts our own page, with or without a query or hash', () => {
    expect(indexUrl).toContain('Gloss%20App');
    expect(isAppPageUrl(indexUrl, index)).toBe(true);
    expect(isAppPageUrl(`${indexUrl}?view=excerpts#doc-1`, index)).toBe(true);
  });

  it('refuses other files, other schemes and remote hosts', () => {
    expect(isAppPageUrl(pathToFileURL(path.join(path.dirname(index), 'other.html')).href, index)).toBe(false);
    expect(isAppPageUrl(pathToFileURL(path.resolve('/tmp/index.html')).href, index)).toBe(false);
    expect(isAppPageUrl(`https://example.org/dist/renderer/index.html`, index)).toBe(false);
    expect(isAppPageUrl('data:text/html,<p>hi</p>', index)).toBe(false);
    expect(isAppPageUrl('file://evil-host/opt/Gloss%20App/resources/app.asar/dist/renderer/index.html', index)).toBe(false);
    expect(isAppPageUrl('', index)).toBe(false);
    expect(isAppPageUrl('about:blank', index)).toBe(false);
  });
});

describe('safeExternalUrl', () => {
  it('passes web and mail links, normalised', () => {
    expect(safeExternalUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeExternalUrl('http://example.org')).toBe('http://example.org/');
    expect(safeExternalUrl('mailto:someone@example.org')).toBe('mailto:someone@example.org');
  });

  it('refuses anything that could launch a program or read a file', () => {
    expect(safeExternalUrl('file:///etc/passwd')).toBeNull();
    expect(safeExternalUrl('javascript:alert(1)')).toBeNull();
    expect(safeExternalUrl('smb://server/share')).toBeNull();
    expect(safeExternalUrl('ms-settings:privacy')).toBeNull();
    expect(safeExternalUrl('https://user:secret@example.org/')).toBeNull();
    expect(safeExternalUrl('not a url')).toBeNull();
    expect(safeExternalUrl('//example.org/x')).toBeNull();
  });
});
