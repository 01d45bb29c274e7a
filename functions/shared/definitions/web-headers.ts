/**
 * How the web app and the API are delivered, in one place: the CloudFront distribution
 * (infra/constructs/web-distribution.ts) and the local server (infra/local/http/) both build their
 * headers, cache rules and compression from here, and test/local/cdn-agreement.test.ts compares them.
 */

/** One response header; `override: false` keeps a value the origin (a handler) already sent. */
export interface ResponseHeaderRule {
  readonly name: string;
  readonly value: string;
  readonly override: boolean;
}

export const frameOption = 'DENY' as const;
export const referrerPolicy = 'no-referrer' as const;
export const strictTransportSecurity = {
  maxAgeSeconds: 365 * 24 * 60 * 60,
  includeSubdomains: true,
} as const;

// Powerful features the app never uses: off, so an injected script or a framed page cannot ask for them.
// Only names Chromium knows; an unknown one is logged as a console error on every page.
const deniedFeatures = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'serial',
  'usb',
] as const;
export const permissionsPolicy = deniedFeatures.map((feature) => `${feature}=()`).join(', ');

/**
 * Only the console signs in and compiles JSON Schemas in the browser, so only its pages get the
 * looser policy: `/console` and what is under it, the paths that get the console's shell
 * (spa-fallback.ts, web/src/app.tsx), and not `/consoles`. CloudFront gives each of the two path
 * patterns a behaviour (one `/console*` would also take `/consoles`); the local server and the web
 * app ask `isConsolePath`.
 */
export const consolePathPatterns = ['/console', '/console/*'] as const;
export const isConsolePath = (path: string): boolean => path === '/console' || path.startsWith('/console/');

/** Which policy a response gets: the console's, or the one for every other page, file and API answer. */
export type PagePolicy = 'console' | 'public';

/**
 * Two policies. Scripts only from the app's own origin in both.
 *
 * `public`, for everything outside /console (the public form pages on their Preact build, the
 * pages opened from e-mail links: decisions, answers, offers, a volunteer's own page, certificate
 * checks, the home page, and the API's answers): no `'unsafe-eval'`, because none of them compiles
 * a schema (the form page runs the validator the server compiled for its published version,
 * validator.js, issue 12 §3), and `connect-src 'self'` alone, because none of them signs anybody in.
 * These are the pages any stranger can open, so an injected script finds the least there.
 *
 * `console`: `'unsafe-eval'` because the console's form preview, read-only answers and editor
 * compile JSON Schemas with Ajv's `new Function` in the browser; without it the console could not
 * show a form. `connectSources` are where its OpenID client fetches the discovery document and tokens
 * from (Cognito's issuer and managed-login domain on AWS, the local provider on `npm start`);
 * without them the browser refuses the sign-in (which starts and ends under /console).
 *
 * Styles only from the app's own files, no 'unsafe-inline' (a nonce is impossible: the page is a
 * static file on a CDN). What such a policy blocks is markup: <style> elements and style="…"
 * attributes; the CSSOM is not blocked, and that is how the app styles at run time: React's `style`
 * props, CodeMirror's rules in a constructed style sheet (patches/style-mod+4.1.5.patch: without it
 * style-mod writes a <style> element into documents) and the mail preview's inline styles
 * (web/src/features/console/forms/settings/mail-styles.ts). test/browser/csp-styles.test.ts walks
 * the pages under these policies (and fills and sends a form) and fails on any violation.
 */
export function contentSecurityPolicy(page: PagePolicy, connectSources: readonly string[] = []): string {
  const console = page === 'console';
  return [
    "default-src 'self'",
    console ? "script-src 'self' 'unsafe-eval'" : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...(console ? connectSources : [])].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function strictTransportSecurityValue(): string {
  const { maxAgeSeconds, includeSubdomains } = strictTransportSecurity;
  return `max-age=${maxAgeSeconds}${includeSubdomains ? '; includeSubDomains' : ''}`;
}

/**
 * The headers every response carries, web app and API alike. HSTS only over https: on the local
 * server's plain-http 127.0.0.1 a browser ignores it, and were it honoured it would pin localhost
 * (every port) to https for a year.
 */
export function securityHeaders(options: {
  readonly https: boolean;
  readonly page: PagePolicy;
  /** Only the console's policy names them. */
  readonly connectSources?: readonly string[];
}): ResponseHeaderRule[] {
  return [
    // A handler's own policy wins (the logo answers `default-src 'none'`): CloudFront's override off.
    {
      name: 'content-security-policy',
      value: contentSecurityPolicy(options.page, options.connectSources),
      override: false,
    },
    { name: 'x-content-type-options', value: 'nosniff', override: true },
    { name: 'x-frame-options', value: frameOption, override: true },
    { name: 'referrer-policy', value: referrerPolicy, override: true },
    { name: 'permissions-policy', value: permissionsPolicy, override: true },
    ...(options.https
      ? [{ name: 'strict-transport-security', value: strictTransportSecurityValue(), override: true }]
      : []),
  ];
}

/** Vite names every file under assets/ by its content hash, so a new build never reuses a name. */
export const hashedAssetsPrefix = 'assets/';
export const immutableCacheControl = 'public, max-age=31536000, immutable';
/** Stored, but revalidated on every use: a deploy is seen at once (ETag makes it a 304 otherwise). */
export const revalidateCacheControl = 'no-cache';

/** The Cache-Control a file of the build is stored with, by its path relative to the build root. */
export function cacheControlFor(relativePath: string): string {
  return relativePath.replace(/^\/+/, '').startsWith(hashedAssetsPrefix)
    ? immutableCacheControl
    : revalidateCacheControl;
}

/**
 * CloudFront's rules for compressing (managed cache policy CachingOptimized): objects of 1,000 to
 * 10,000,000 bytes whose type is text-like; images and fonts such as png and woff2 are compressed
 * already. https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/ServingCompressedFiles.html
 */
export const compression = {
  minBytes: 1_000,
  maxBytes: 10_000_000,
  types: [
    'text/html',
    'text/css',
    'text/javascript',
    'application/javascript',
    'application/json',
    'application/manifest+json',
    'image/svg+xml',
    'image/x-icon',
    'text/plain',
  ],
} as const;

export function isCompressible(contentType: string, bytes: number): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    bytes >= compression.minBytes &&
    bytes <= compression.maxBytes &&
    (compression.types as readonly string[]).includes(type)
  );
}
