/**
 * A small stand-in for `fast-uri`, ajv's URI resolver: enough for `$id`/`$ref` resolution in form
 * schemas (fragments such as `#/definitions/address`, absolute `$id`s, relative file references).
 * The fragment is kept as written; ajv decodes it itself.
 */
export interface UriComponents {
  /** Everything before `#`, already resolved and normalised when it was absolute. */
  readonly base: string;
  readonly fragment: string | undefined;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function parse(uri: string): UriComponents {
  const hash = uri.indexOf('#');
  const before = hash === -1 ? uri : uri.slice(0, hash);
  return { base: normalise(before), fragment: hash === -1 ? undefined : uri.slice(hash + 1) };
}

export function serialize(components: UriComponents): string {
  return components.fragment === undefined ? components.base : `${components.base}#${components.fragment}`;
}

export function resolve(base: string, reference: string): string {
  if (SCHEME.test(reference)) return serialize(parse(reference));
  if (reference.startsWith('#')) return `${base.split('#')[0]}${reference}`;
  if (reference === '') return base.split('#')[0] ?? '';
  if (SCHEME.test(base)) return serialize(parse(new URL(reference, base).href));
  return relativeToRelative(base.split('#')[0] ?? '', reference);
}

/** Both relative (no `$id` with a scheme anywhere): merge the paths as fast-uri does. */
function relativeToRelative(base: string, reference: string): string {
  if (reference.startsWith('/')) return reference;
  const hash = reference.indexOf('#');
  const path = hash === -1 ? reference : reference.slice(0, hash);
  const out: string[] = [];
  for (const segment of `${base.replace(/[^/]*$/, '')}${path}`.split('/')) {
    if (segment === '.') continue;
    const last = out[out.length - 1];
    if (segment !== '..') out.push(segment);
    else if (last === undefined || last === '..') out.push('..');
    else if (last !== '') out.pop();
  }
  return out.join('/') + (hash === -1 ? '' : reference.slice(hash));
}

function normalise(uri: string): string {
  if (!SCHEME.test(uri)) return uri;
  try {
    const url = new URL(uri);
    // URL adds a "/" path to bare hosts; keep the text as written otherwise.
    return uri.endsWith('/') || url.pathname !== '/' ? url.href : url.href.replace(/\/$/, '');
  } catch {
    return uri;
  }
}

const uriResolver = { parse, serialize, resolve };
export default uriResolver;
