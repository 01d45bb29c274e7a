/**
 * Drop-in for `lodash/fp/set` and `lodash/fp/unset` as `@jsonforms/core` calls them:
 * `set(path, value, object)` and `unset(path, object)` return a copy in which only the objects along
 * the path are new; everything else is shared. Paths are JSON Forms paths (`languages.0.level`);
 * lodash's bracket form (`languages[0].level`) is understood too.
 */
type Container = Record<string, unknown> | unknown[];

const INDEX = /^(?:0|[1-9]\d*)$/;

export function toPath(path: string | readonly string[]): string[] {
  if (Array.isArray(path)) return path.map(String);
  const text = String(path);
  if (text === '') return [];
  const keys = text.replace(/\[([^\]]*)\]/g, '.$1').split('.');
  if (text.startsWith('[')) keys.shift();
  return keys;
}

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;
// Spread defines properties, so an own "__proto__" key is copied instead of changing the prototype.
const copy = (value: Container): Container => (Array.isArray(value) ? [...value] : { ...value });

/** Assigns without ever touching a prototype: "__proto__" becomes an own property, as lodash does. */
export function put(target: object, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}

/** Keys lodash's `set` refuses to write through. */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** Copies the containers along `keys` (all but the last), creating missing ones like lodash does. */
function copyAlong(
  root: unknown,
  keys: readonly string[],
  create: boolean,
): [Container, Container | undefined] {
  const result = copy(isContainer(root) ? root : {});
  let node: Container | undefined = result;
  for (let i = 0; i < keys.length - 1 && node; i++) {
    const key = keys[i] as string;
    const next: unknown = (node as Record<string, unknown>)[key];
    if (isContainer(next)) put(node, key, copy(next));
    else if (create) put(node, key, INDEX.test(keys[i + 1] as string) ? [] : {});
    else return [result, undefined];
    node = (node as Record<string, unknown>)[key] as Container;
  }
  return [result, node];
}

export function setAtPath(path: string | readonly string[], value: unknown, object: unknown): unknown {
  const keys = toPath(path);
  if (keys.length === 0 || keys.some((key) => UNSAFE.has(key))) return object;
  const [result, parent] = copyAlong(object, keys, true);
  put(parent as Container, keys[keys.length - 1] as string, value);
  return result;
}

export function unsetAtPath(path: string | readonly string[], object: unknown): unknown {
  const keys = toPath(path);
  if (keys.length === 0) return object;
  const [result, parent] = copyAlong(object, keys, false);
  if (parent) delete (parent as Record<string, unknown>)[keys[keys.length - 1] as string];
  return result;
}
