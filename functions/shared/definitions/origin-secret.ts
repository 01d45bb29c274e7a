/**
 * Only CloudFront may reach the HTTP API: it adds a secret header to every `/api/*` request, and
 * the HTTP middleware (functions/shared/http/origin-check.ts) refuses requests without it. The
 * stateless stack (infra/stacks/stateless-stack.ts) and the local runtime (infra/local/) both set
 * it up from these names, and the deploy command rotates the secret by them.
 */

/** Stack parameter with the current secret; empty means the random part of the stack's own id. */
export const ORIGIN_SECRET_PARAMETER = 'OriginSecret';
/** Stack parameter with a second secret the API accepts during a rotation (docs/deploy.md). @default '' */
export const PREVIOUS_ORIGIN_SECRET_PARAMETER = 'PreviousOriginSecret';

/** The functions' environment variables holding the two secrets. */
export const ORIGIN_SECRET_ENV = 'ORIGIN_SECRET';
export const PREVIOUS_ORIGIN_SECRET_ENV = 'ORIGIN_SECRET_PREVIOUS';

/** The header CloudFront (locally, the web server) adds to every API request. */
export const ORIGIN_SECRET_HEADER = 'x-lotse-origin-secret';

/**
 * The viewer's address, set by CloudFront (locally, the web server) and overwriting whatever the
 * viewer sent; trusted only on requests that carried the origin secret.
 */
export const VIEWER_ADDRESS_HEADER = 'x-lotse-viewer-ip';
