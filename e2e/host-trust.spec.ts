/**
 * The browser host as a browser sees it: its Content-Security-Policy arrives as a header
 * (so frame-ancestors holds), nothing about it is said in the console, and the access token
 * leaves the address bar after the first load while the page keeps working on its cookie.
 */
import type { ConsoleMessage, Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.skip(({ appKind }) => appKind !== 'browser', 'the browser host only; the Electron window is covered by electron/main-process.test.ts');

/** Everything the page says in its console (warnings from the CSP parser included) and every uncaught error. */
function recordConsole(page: Page): string[] {
  const said: string[] = [];
  page.on('console', (m: ConsoleMessage) => said.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => said.push(`pageerror: ${e.message}`));
  return said;
}

/** The status of a POST to the invoke API from inside the page, with or without its cookie. */
function invokeFromPage(page: Page, credentials: RequestCredentials): Promise<number> {
  return page.evaluate(
    (c) =>
      fetch('/api/invoke/project:snapshot', {
        method: 'POST',
        credentials: c,
        headers: { 'Content-Type': 'application/json', 'X-Gloss-Request': 'bridge' },
        body: '{}',
      }).then((r) => r.status),
    credentials,
  );
}

test('the CSP is a response header and the console says nothing about it', async ({ app }) => {
  // A fresh context, so the console is recorded from the very first request.
  const context = await app.page.context().browser()!.newContext();
  try {
    const page = await context.newPage();
    const said = recordConsole(page);
    const response = await page.goto(app.url!);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cache-control']).toBe('no-store');
    await expect(page.getByRole('status')).toContainText(/Saved|Unsaved|Saving/);
    await page.reload();
    await expect(page.getByRole('status')).toContainText(/Saved|Unsaved|Saving/);
    expect(said.filter((line) => /content.security.policy|frame-ancestors|csp/i.test(line))).toEqual([]);
    expect(said.filter((line) => line.startsWith('error') || line.startsWith('pageerror'))).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the token leaves the address bar; reloads work on the cookie; requests without it are refused', async ({ app, page }) => {
  const origin = new URL(app.url!).origin;
  expect(page.url()).toBe(`${origin}/`);
  // The history entry was replaced, not added to: one step back is the blank tab, not the token'd address.
  await page.goBack();
  expect(page.url()).toBe('about:blank');
  await page.goForward();
  expect(page.url()).toBe(`${origin}/`);

  await page.reload();
  await expect(page.getByRole('status')).toContainText(/Saved|Unsaved|Saving/);
  expect(page.url()).toBe(`${origin}/`);

  // The page's own request carries the HttpOnly cookie, which page scripts cannot read.
  expect(await invokeFromPage(page, 'same-origin')).toBe(200);
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // The same request without the cookie, and requests from outside the browser without a token, are refused.
  expect(await invokeFromPage(page, 'omit')).toBe(403);
  expect((await fetch(`${origin}/`)).status).toBe(403);
  const outside = await fetch(`${origin}/api/invoke/project:snapshot`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(outside.status).toBe(403);
});
