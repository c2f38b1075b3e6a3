/**
 * The renderer's Content-Security-Policy, in one place for both hosts: the browser host and
 * the Electron app's app:// scheme send it as a response header. renderer/index.html states
 * it once more in a <meta> tag (a second line of defence wherever the page is opened
 * without the header), minus frame-ancestors, which a <meta> tag cannot carry: Chromium
 * ignores it there and says so in the console on every load.
 */

/** The directives, in the order they are written. */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Components set style attributes (code colours, list offsets).
  ['style-src', "'self' 'unsafe-inline'"],
  // index.html's empty icon (<link rel="icon" href="data:,">), so no favicon is ever fetched.
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta> policy may not hold (CSP Level 3, section 3.3): they work only as a header. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

const join = (directives: readonly (readonly [string, string])[]) => directives.map(([name, value]) => `${name} ${value}`).join('; ');

/** The policy as a response header sends it. */
export const CONTENT_SECURITY_POLICY = join(DIRECTIVES);

/** The policy as renderer/index.html's <meta http-equiv> tag states it. */
export const META_CONTENT_SECURITY_POLICY = join(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));

/** For responses that are not the page (API replies, refusals): nothing may load, nothing may frame them. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
