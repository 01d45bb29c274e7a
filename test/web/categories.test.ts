import type { Categorization, Category } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import {
  controlPaths,
  errorPathsIn,
  visibleCategories,
} from '../../web/src/features/public-form/utils/categories.ts';
import { browserAjv as formAjv } from '../../web/src/features/public-form/validation/browser-ajv.ts';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1 },
    kind: { type: 'string' },
    phone: { type: 'string' },
    address: { type: 'object', properties: { city: { type: 'string', minLength: 1 } }, required: ['city'] },
  },
  required: ['name', 'address'],
};

const control = (name: string, rule?: object) => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...(rule ? { rule } : {}),
});
const showWhenPhone = {
  effect: 'SHOW',
  condition: { scope: '#/properties/kind', schema: { const: 'phone' } },
};

const first = {
  type: 'Category',
  label: 'One',
  elements: [control('name'), control('phone', showWhenPhone)],
};
const second = {
  type: 'Category',
  label: 'Two',
  elements: [{ type: 'Group', label: 'Where', elements: [control('address')] }],
};
const hidden = { type: 'Category', label: 'Only for phone', elements: [], rule: showWhenPhone };
const categorization = {
  type: 'Categorization',
  elements: [first, { type: 'Categorization', elements: [second, hidden] }],
} as unknown as Categorization;

function errorsOf(data: unknown) {
  const validate = formAjv().compile(schema);
  validate(data);
  return validate.errors ?? [];
}

describe('the steps of a Categorization', () => {
  it('flattens nested categorizations and leaves out categories a rule hides', () => {
    const ajv = formAjv();
    expect(visibleCategories(categorization, {}, '', ajv).map((c) => c.label)).toEqual(['One', 'Two']);
    expect(visibleCategories(categorization, { kind: 'phone' }, '', ajv).map((c) => c.label)).toEqual([
      'One',
      'Two',
      'Only for phone',
    ]);
  });

  it('knows the fields a step shows, without hidden ones', () => {
    const ajv = formAjv();
    expect(controlPaths(first as never, {}, '', ajv)).toEqual(['name']);
    expect(controlPaths(first as never, { kind: 'phone' }, '', ajv)).toEqual(['name', 'phone']);
    expect(controlPaths(second as never, {}, 'person', ajv)).toEqual(['person.address']);
  });

  it("finds a step's errors, also those inside a nested object, and no others", () => {
    const ajv = formAjv();
    const data = { address: {} };
    const errors = errorsOf(data);
    expect(errorPathsIn(first as unknown as Category, errors, data, '', ajv)).toEqual(['name']);
    expect(errorPathsIn(second as unknown as Category, errors, data, '', ajv)).toEqual(['address.city']);
    const filled = { name: 'Olena', address: { city: 'Köln' } };
    expect(errorPathsIn(first as unknown as Category, errorsOf(filled), filled, '', ajv)).toEqual([]);
  });
});
