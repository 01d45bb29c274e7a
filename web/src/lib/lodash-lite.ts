/**
 * The lodash functions @jsonforms/core and @jsonforms/react import, written for how they call them:
 * with plain JSON data, schemas and function predicates (no iteratee shorthands). lodash itself adds
 * ~13 kB gzip to the form page; this is under 2 kB. `web/vite.config.ts` maps `lodash/<name>` to
 * the export of the same name, and the build fails if JSON Forms starts using one not listed here.
 * `test/web/lib-shims.test.ts` compares each with lodash.
 */
import { put, toPath } from './immutable-path.ts';

export { setAtPath, unsetAtPath } from './immutable-path.ts';

type Dict = Record<string, unknown>;
type Collection<T> = readonly T[] | Readonly<Record<string, T>> | null | undefined;

const isObjectLike = (value: unknown): value is Dict => typeof value === 'object' && value !== null;
const isPlainObject = (value: unknown): value is Dict => {
  if (!isObjectLike(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
};
const valuesOf = <T>(collection: Collection<T>): T[] =>
  collection == null ? [] : Array.isArray(collection) ? [...collection] : Object.values(collection);

export function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return true;
}

export const isFunction = (value: unknown): value is (...args: unknown[]) => unknown =>
  typeof value === 'function';
export const isUndefined = (value: unknown): value is undefined => value === undefined;

/** Deep equality of JSON-like values (SameValueZero for primitives, like lodash). */
export function isEqual(a: unknown, b: unknown): boolean {
  if (a === b || Object.is(a, b)) return true;
  if (!isObjectLike(a) || !isObjectLike(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return false;
  if (a instanceof Date || a instanceof RegExp) return String(a) === String(b);
  const keysOfA = Object.keys(a);
  if (keysOfA.length !== Object.keys(b).length) return false;
  return keysOfA.every((k) => Object.hasOwn(b, k) && isEqual(a[k], b[k]));
}

export const keys = (value: unknown): string[] => (value == null ? [] : Object.keys(Object(value)));
export const toPairs = (value: unknown): [string, unknown][] =>
  value == null ? [] : Object.entries(Object(value));
export const last = <T>(array: readonly T[] | null | undefined): T | undefined =>
  array?.length ? array[array.length - 1] : undefined;
export const endsWith = (text: unknown, target: unknown): boolean =>
  String(text ?? '').endsWith(String(target ?? ''));

/** `range(end)`, `range(start, end)`, `range(start, end, step)`, as lodash counts. */
export function range(start: number, end?: number, step?: number): number[] {
  let [from, to] = end === undefined ? [0, start] : [start, end];
  from = Number(from) || 0;
  to = Number(to) || 0;
  const by = step === undefined ? (from < to ? 1 : -1) : Number(step) || 0;
  const count = Math.max(Math.ceil((to - from) / (by || 1)), 0);
  return Array.from({ length: count }, (_, i) => from + i * by);
}

export function get(object: unknown, path: string | readonly string[], fallback?: unknown): unknown {
  let node = object;
  for (const key of toPath(path)) {
    if (node == null) return fallback;
    node = (node as Dict)[key];
  }
  return node === undefined ? fallback : node;
}

export function has(object: unknown, path: string | readonly string[]): boolean {
  const segments = toPath(path);
  let node = object;
  for (const key of segments) {
    if (node == null || !Object.hasOwn(node, key)) return false;
    node = (node as Dict)[key];
  }
  return segments.length > 0;
}

export const find = <T>(collection: Collection<T>, predicate: (value: T) => unknown): T | undefined =>
  valuesOf(collection).find((value) => predicate(value));
export const filter = <T>(collection: Collection<T>, predicate: (value: T) => unknown): T[] =>
  valuesOf(collection).filter((value) => predicate(value));
export const includes = <T>(collection: Collection<T> | string, value: T): boolean =>
  typeof collection === 'string'
    ? collection.includes(String(value))
    : valuesOf(collection).some((item) => Object.is(item, value) || item === value);
export const reduce = <T, A>(collection: Collection<T>, reducer: (acc: A, value: T) => A, initial: A): A =>
  valuesOf(collection).reduce(reducer, initial);

export function maxBy<T>(array: readonly T[] | null | undefined, score: (value: T) => number): T | undefined {
  let best: T | undefined;
  let bestScore: number | undefined;
  for (const value of array ?? []) {
    const current = score(value);
    // lodash skips NaN/undefined scores and keeps the first of equal maxima.
    if (current != null && !Number.isNaN(current) && (bestScore === undefined || current > bestScore)) {
      best = value;
      bestScore = current;
    }
  }
  return best;
}

/** Removes matching items from the array in place; returns them. */
export function remove<T>(array: T[], predicate: (value: T) => unknown): T[] {
  const removed = array.filter((value) => predicate(value));
  for (let i = array.length - 1; i >= 0; i--) if (predicate(array[i] as T)) array.splice(i, 1);
  return removed;
}

export function cloneDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDeep) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (!isPlainObject(value)) return value;
  const copy: Dict = {};
  for (const [key, item] of Object.entries(value)) put(copy, key, cloneDeep(item));
  return copy as T;
}

/** Deep-merges plain objects and arrays (by index) into `target`; `undefined` never overwrites. */
export function merge<T extends object>(target: T, ...sources: unknown[]): T {
  for (const source of sources) if (isObjectLike(source)) mergeInto(target as Dict, source);
  return target;
}

function mergeInto(target: Dict, source: Dict) {
  for (const [key, value] of Object.entries(source)) {
    // Own properties only (lodash's safeGet): never merge into Object.prototype via "__proto__".
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (Array.isArray(value) || isPlainObject(value)) {
      // Like lodash: an object merges into whatever object is there (arrays too); an array needs an array.
      const base = Array.isArray(value)
        ? Array.isArray(current)
          ? current
          : []
        : isObjectLike(current)
          ? current
          : {};
      put(target, key, base);
      mergeInto(base as Dict, value as Dict);
    } else if (value !== undefined || !(key in target)) {
      put(target, key, value);
    }
  }
}

/** "firstName" → "First Name": label fallbacks when a form has neither title nor translation. */
export function startCase(text: unknown): string {
  return (
    String(text ?? '')
      .replace(/['\u2019]/g, '')
      .match(/[A-Z]{2,}(?=[A-Z][a-z]|\d|\b)|[A-Z]?[a-z]+|[A-Z]+|\d+|[^\s\d\p{P}\p{S}a-zA-Z]+/gu) ?? []
  )
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Trailing-edge debounce with `cancel` and `flush`, the part @jsonforms/react uses. */
export function debounce<A extends unknown[]>(fn: (...args: A) => unknown, wait = 0) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const run = () => {
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) fn(...args);
  };
  const debounced = (...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, wait);
  };
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  debounced.flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      run();
    }
  };
  return debounced;
}
