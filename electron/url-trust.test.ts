import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_PAGE_URL, isAppPageUrl, safeExternalUrl } from './url-trust';

describe('isAppPageUrl', () => {
  it('accepts our own page on the app scheme, with or without a query or hash', () => {
    expect(APP_PAGE_URL).toBe('app://gloss/index.html');
    expect(isAppPageUrl(APP_PAGE_URL)).toBe(true);
    expect(isAppPageUrl(`${APP_PAGE_URL}?view=excerpts#doc-1`)).toBe(true);
  });

  it('refuses other pages, other hosts, file: URLs (where the page used to be) and remote pages', () => {
    const index = path.resolve('/opt/Gloss App/resources/app.asar/dist/renderer/index.html');
    expect(isAppPageUrl(pathToFileURL(index).href)).toBe(false);
    expect(isAppPageUrl('app://gloss/other.html')).toBe(false);
    expect(isAppPageUrl('app://gloss/assets/index.html')).toBe(false);
    expect(isAppPageUrl('app://gloss/')).toBe(false);
    expect(isAppPageUrl('app://evil/index.html')).toBe(false);
    expect(isAppPageUrl('app://gloss:8080/index.html')).toBe(false);
    expect(isAppPageUrl('app://user:pw@gloss/index.html')).toBe(false);
    expect(isAppPageUrl('app://gloss/%69ndex.html')).toBe(false);
    expect(isAppPageUrl('gloss://app/index.html')).toBe(false);
    expect(isAppPageUrl('https://gloss/index.html')).toBe(false);
    expect(isAppPageUrl('data:text/html,<p>hi</p>')).toBe(false);
    expect(isAppPageUrl('')).toBe(false);
    expect(isAppPageUrl('about:blank')).toBe(false);
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
