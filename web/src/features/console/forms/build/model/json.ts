import type { Json } from './types.ts';

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asObject = (value: unknown): Json => (isObject(value) ? value : {});

/** The object at `key` of `parent`, created when it is missing. */
export function child(parent: Json, key: string): Json {
  const existing = parent[key];
  if (isObject(existing)) return existing;
  const created: Json = {};
  parent[key] = created;
  return created;
}

/** `#/properties/address/properties/city` → ['address', 'city']; undefined for other scopes. */
export function scopeToNames(scope: string): string[] | undefined {
  const parts = scope.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts.length === 0 || parts.length % 2 !== 0) return undefined;
  const names: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i] !== 'properties') return undefined;
    names.push(
      decodeURIComponent(parts[i + 1] as string)
        .replace(/~1/g, '/')
        .replace(/~0/g, '~'),
    );
  }
  return names;
}

export const namesToScope = (names: readonly string[]) =>
  `#/${names.map((n) => `properties/${n.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('/')}`;

/** The schema object that holds the property `names` (its parent), or undefined. */
export function parentSchemaOf(schema: Json, names: readonly string[]): Json | undefined {
  let current: Json = schema;
  for (const name of names.slice(0, -1)) {
    const next = asObject(current.properties)[name];
    if (!isObject(next)) return undefined;
    current = next;
  }
  return current;
}

export function propertySchemaOf(schema: Json, names: readonly string[]): Json | undefined {
  const parent = parentSchemaOf(schema, names);
  const found = parent ? asObject(parent.properties)[names[names.length - 1] as string] : undefined;
  return isObject(found) ? found : undefined;
}

/** `firstName` → `First name`, as JSON Forms shows a property without a title. */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/** "E-Mail-Adresse" → "eMailAdresse": a property name people can still read in exports. */
export function nameFromLabel(label: string): string {
  const ascii = label
    .replace(/[äöüßÄÖÜ]/g, (c) => umlauts[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = ascii.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('');
  const name = camel.slice(0, 40);
  return /^[A-Za-z]/.test(name) ? name : `field${name}`;
}

export function uniqueName(wanted: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted}${n}`)) return `${wanted}${n}`;
}
