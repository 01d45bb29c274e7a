export type ContentEncoding = 'br' | 'gzip';

/**
 * Picks the encoding for an Accept-Encoding header as CloudFront does: Brotli when the viewer takes
 * it, else gzip, else none. q-values count (RFC 9110 §12.5.3): `q=0` refuses an encoding, a higher q
 * wins (`identity` too), a tie goes to Brotli; `*` stands for whatever is not named. Thirty lines of our own rather
 * than `negotiator` (in node_modules only as a dependency of a dependency), whose tie-break is the
 * header's order, not CloudFront's preference for Brotli.
 */
export function negotiateEncoding(acceptEncoding: string | undefined): ContentEncoding | undefined {
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    // A q that is not a number counts as a refusal rather than as 1.
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(token.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (encoding: ContentEncoding) => weights.get(encoding) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  // Only an identity named with a higher q than both beats compression.
  if ((weights.get('identity') ?? 0) > Math.max(br, gzip)) return undefined;
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : undefined;
}
