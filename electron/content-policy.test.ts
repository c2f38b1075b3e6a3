import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './content-policy';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The content of index.html's CSP <meta> tags. */
async function metaPolicies(): Promise<string[]> {
  const html = await fs.readFile(path.join(root, 'renderer', 'index.html'), 'utf8');
  const tags = html.match(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi) ?? [];
  return tags.map((tag) => /content="([^"]*)"/.exec(tag)?.[1] ?? '');
}

describe('the content security policy', () => {
  it('forbids framing, plugins, base and form targets, and anything not from the app itself', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it('is stated in index.html exactly as sent, minus what a meta tag cannot carry', async () => {
    expect(await metaPolicies()).toEqual([META_CONTENT_SECURITY_POLICY]);
    expect(META_CONTENT_SECURITY_POLICY).not.toContain('frame-ancestors');
    expect(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
  });
});
