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
  'bluetooth',
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
 * `connectSources` are where the console's OpenID client fetches the discovery document and tokens
 * from (Cognito's issuer and managed-login domain on AWS, the local provider on `npm start`); without
 * them the browser refuses the sign-in. Inline styles are allowed for the component library's runtime
 * styles; scripts only from the app's own origin.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...connectSources].join(' '),
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
  readonly connectSources?: readonly string[];
}): ResponseHeaderRule[] {
  return [
    // A handler's own policy wins (the logo answers `default-src 'none'`): CloudFront's override off.
    {
      name: 'content-security-policy',
      value: contentSecurityPolicy(options.connectSources),
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
