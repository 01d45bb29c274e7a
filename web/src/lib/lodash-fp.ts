import toPath from 'es-toolkit/compat/toPath';

/*
 * `lodash/fp/set` and `lodash/fp/unset` as @jsonforms/core's reducer calls them, on every keystroke:
 * `set(path, value, object)` and `unset(path, object)` return a copy in which only the containers
 * along the path are new, so untouched answers keep their identity. Why not the originals:
 * lodash/fp's converter brings the whole of lodash (44 kB raw, +15 kB gzip on the form page,
 * measured with `npx tsx bench/web-size.ts`), and es-toolkit has no fp `set`/`unset`. The path
 * syntax is es-toolkit's `toPath`, as lodash parses it; like lodash, a path through `__proto__`,
 * `constructor` or `prototype` changes nothing.
 */

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;
const copyOf = (value: Container): Container => (Array.isArray(value) ? [...value] : { ...value });
const unsafe = (keys: readonly string[]) =>
  keys.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype');

export function set<T>(path: string | readonly string[], value: unknown, object: T): T {
  const keys = toPath(path as string);
  if (keys.length === 0 || unsafe(keys)) return object;
  const put = (node: unknown, index: number): unknown => {
    const key = keys[index] as string;
    const next: Container = isContainer(node) ? copyOf(node) : /^(?:0|[1-9]\d*)$/.test(key) ? [] : {};
    const child = isContainer(node) ? (node as Record<string, unknown>)[key] : undefined;
    (next as Record<string, unknown>)[key] = index === keys.length - 1 ? value : put(child, index + 1);
    return next;
  };
  return put(object, 0) as T;
}

export function unset<T>(path: string | readonly string[], object: T): T {
  const keys = toPath(path as string);
  if (keys.length === 0 || unsafe(keys)) return object;
  const drop = (node: unknown, index: number): unknown => {
    const key = keys[index] as string;
    if (!isContainer(node) || !Object.hasOwn(node, key)) return node;
    const next = copyOf(node) as Record<string, unknown>;
    if (index === keys.length - 1) delete next[key];
    else next[key] = drop(next[key], index + 1);
    return next;
  };
  return drop(object, 0) as T;
}
