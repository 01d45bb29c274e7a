import fc from 'fast-check';
import lodash from 'lodash';
import fpSet from 'lodash/fp/set.js';
import fpUnset from 'lodash/fp/unset.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as lite from '../../web/src/lib/lodash-lite.ts';

// The browser build maps lodash/<name> to these (web/vite.config.ts); each must behave like lodash
// for the JSON data, schemas and function predicates @jsonforms/core and @jsonforms/react pass.

const key = fc.constantFrom('a', 'b', 'name', 'languages', 'level', '0', '1', '2');
const path = fc.array(key, { minLength: 1, maxLength: 4 });
const json = fc.jsonValue({ maxDepth: 4 });
const object = fc.dictionary(key, json, { maxKeys: 4 });

describe('lodash-lite behaves like lodash', () => {
  it('fp set and unset: same result, input untouched', () => {
    fc.assert(
      fc.property(object, path, json, (data, segments, value) => {
        // lodash boxes a primitive met halfway down the path (new String('')) and writes into it;
        // the stand-in replaces it with a container. JSON Forms never sets below a primitive.
        const halfway = segments.slice(0, -1).map((_, i) => lodash.get(data, segments.slice(0, i + 1)));
        fc.pre(halfway.every((node) => node === undefined || node === null || typeof node === 'object'));
        const before = structuredClone(data);
        const dotted = segments.join('.');
        expect(lite.setAtPath(dotted, value, data)).toEqual(fpSet(dotted, value, data));
        expect(lite.unsetAtPath(dotted, data)).toEqual(fpUnset(dotted, data));
        expect(data).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('fp set creates arrays for index keys like lodash', () => {
    expect(lite.setAtPath('languages.0.level', 'good', {})).toEqual(fpSet('languages.0.level', 'good', {}));
    expect(lite.setAtPath('a[1].b', 1, {})).toEqual(fpSet('a[1].b', 1, {}));
  });

  it('get and has with dotted and bracket paths', () => {
    fc.assert(
      fc.property(object, path, json, (data, segments, fallback) => {
        for (const p of [
          segments.join('.'),
          segments,
          segments
            .map((s) => (/^\d$/.test(s) ? `[${s}]` : s))
            .join('.')
            .replace(/\.\[/g, '['),
        ]) {
          expect(lite.get(data, p, fallback)).toEqual(lodash.get(data, p, fallback));
          expect(lite.has(data, p)).toBe(lodash.has(data, p));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('isEmpty, keys, toPairs, last, isUndefined, isFunction', () => {
    fc.assert(
      fc.property(
        fc.oneof(json, fc.constant(undefined), fc.constant(new Map()), fc.constant(new Set([1]))),
        (value) => {
          expect(lite.isEmpty(value)).toBe(lodash.isEmpty(value));
          expect(lite.isUndefined(value)).toBe(lodash.isUndefined(value));
          expect(lite.isFunction(value)).toBe(lodash.isFunction(value));
          if (value === null || typeof value !== 'string') {
            expect(lite.keys(value)).toEqual(lodash.keys(value));
            if (!(value instanceof Map) && !(value instanceof Set))
              expect(lite.toPairs(value)).toEqual(lodash.toPairs(value));
          }
          if (Array.isArray(value)) expect(lite.last(value)).toEqual(lodash.last(value));
        },
      ),
      { numRuns: 2000 },
    );
    expect(lite.isFunction(() => 1)).toBe(true);
  });

  it('isEqual and cloneDeep on JSON data', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(lite.isEqual(a, b)).toBe(lodash.isEqual(a, b));
        expect(lite.isEqual(a, structuredClone(a))).toBe(true);
        const copy = lite.cloneDeep(a);
        expect(copy).toEqual(lodash.cloneDeep(a));
        if (typeof a === 'object' && a !== null) expect(copy).not.toBe(a);
      }),
      { numRuns: 2000 },
    );
  });

  it('merge, as JSON Forms merges its configuration', () => {
    fc.assert(
      fc.property(object, object, (defaults, config) => {
        expect(lite.merge({}, defaults, config)).toEqual(lodash.merge({}, defaults, config));
      }),
      { numRuns: 2000 },
    );
    const configDefault = {
      restrict: false,
      trim: false,
      showUnfocusedDescription: false,
      hideRequiredAsterisk: false,
    };
    expect(lite.merge({}, configDefault, { trim: true, extra: { a: [1] } })).toEqual(
      lodash.merge({}, configDefault, { trim: true, extra: { a: [1] } }),
    );
  });

  it('never writes to Object.prototype through a "__proto__" key', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": {"__proto__": {"polluted": true}}}');
    lite.merge({}, hostile);
    lite.cloneDeep(hostile);
    lite.setAtPath('__proto__.polluted', true, {});
    lite.setAtPath('a.constructor.prototype.polluted', true, {});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('range, maxBy, endsWith and the collection helpers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: -3, max: 3 }),
        (a, b, step) => {
          expect(lite.range(a)).toEqual(lodash.range(a));
          expect(lite.range(a, b)).toEqual(lodash.range(a, b));
          if (step !== 0) expect(lite.range(a, b, step)).toEqual(lodash.range(a, b, step));
        },
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer(), fc.constant(Number.NaN), fc.constant(-1))), (scores) => {
        const entries = scores.map((score, i) => ({ score, i }));
        type Entry = (typeof entries)[number];
        const score = (e: Entry) => e.score;
        expect(lite.maxBy(entries, score)).toEqual(lodash.maxBy(entries, score));
        const predicate = (e: Entry) => e.score > 0;
        const sum = (acc: number, e: Entry) => acc + e.i;
        expect(lite.find(entries, predicate)).toEqual(lodash.find(entries, predicate));
        expect(lite.filter(entries, predicate)).toEqual(lodash.filter(entries, predicate));
        expect(lite.reduce(entries, sum, 0)).toBe(lodash.reduce(entries, sum, 0));
        expect(lite.includes(scores, -1)).toBe(lodash.includes(scores, -1));
        expect(lite.includes(scores, Number.NaN)).toBe(lodash.includes(scores, Number.NaN));
        const [mine, theirs] = [structuredClone(entries), structuredClone(entries)];
        expect(lite.remove(mine, predicate)).toEqual(lodash.remove(theirs, predicate));
        expect(mine).toEqual(theirs);
      }),
    );
    expect(lite.find({ a: 1, b: 2 }, (v) => v === 2)).toBe(2);
    expect(lite.endsWith('#/properties/name', 'name')).toBe(lodash.endsWith('#/properties/name', 'name'));
    expect(lite.endsWith(undefined, 'x')).toBe(lodash.endsWith(undefined, 'x'));
  });

  it('startCase for the property names forms use', () => {
    const names = [
      'firstName',
      'lastName',
      'postal_code',
      'e-mail',
      'availabilityDays',
      'legalFormOther',
      'HTTPServer',
      'URL',
      'id',
      'dateOfBirth2',
      'x',
      'Already Spaced',
    ];
    for (const name of names) expect(lite.startCase(name)).toBe(lodash.startCase(name));
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}([A-Z][a-z]{1,8}){0,3}$/), (name) => {
        expect(lite.startCase(name)).toBe(lodash.startCase(name));
      }),
    );
  });
});

describe('lodash-lite debounce', () => {
  afterEach(() => vi.useRealTimers());

  it('calls once, late, with the last arguments; cancel and flush work', () => {
    vi.useFakeTimers();
    const calls: number[] = [];
    const debounced = lite.debounce((n: number) => calls.push(n), 10);
    debounced(1);
    debounced(2);
    vi.advanceTimersByTime(9);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([2]);
    debounced(3);
    debounced.cancel();
    vi.advanceTimersByTime(20);
    expect(calls).toEqual([2]);
    debounced(4);
    debounced.flush();
    expect(calls).toEqual([2, 4]);
  });
});
