import setFp from 'lodash/fp/set.js';
import unsetFp from 'lodash/fp/unset.js';
import { describe, expect, it } from 'vitest';
import { set, unset } from '../../web/src/lib/lodash-fp.ts';

const data = () => ({ name: 'Ada', languages: [{ name: 'de', level: 'good' }], address: { city: 'Köln' } });

describe('lodash/fp set and unset for JSON Forms, compared with lodash', () => {
  it.each([
    ['name', 'Grace'],
    ['languages.0.level', 'basic'],
    ['languages.1.name', 'en'],
    ['address.street', 'Ring 1'],
    ['new.0.deep', true],
    ['languages[0].name', 'fr'],
  ])('sets %s as lodash does, copying only along the path', (path, value) => {
    const before = data();
    const after = set(path, value, before);
    expect(after).toEqual(setFp(path, value, data()));
    expect(before).toEqual(data());
    if (!path.startsWith('address')) expect(after.address).toBe(before.address);
  });

  it.each(['name', 'languages.0.level', 'address.city', 'missing.deep'])(
    'unsets %s as lodash does',
    (path) => {
      const before = data();
      const after = unset(path, before);
      expect(after).toEqual(unsetFp(path, data()));
      expect(before).toEqual(data());
    },
  );

  it('never reaches a prototype', () => {
    const after = set('__proto__.polluted', true, {});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(after).toEqual({});
  });
});
