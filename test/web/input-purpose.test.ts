import type { JsonSchema } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import {
  autocompleteFor,
  parseNumber,
  textInputType,
} from '../../web/src/features/public-form/utils/input-purpose.ts';
import { hasAnswers, withStartingEntries } from '../../web/src/features/public-form/utils/starting-data.ts';

describe('input purpose and keyboards', () => {
  it('tells the phone what personal fields are for (WCAG 1.3.5)', () => {
    expect(autocompleteFor('firstName', undefined)).toBe('given-name');
    expect(autocompleteFor('contacts.0.email', undefined)).toBe('email');
    expect(autocompleteFor('postalCode', undefined)).toBe('postal-code');
    expect(autocompleteFor('motivation', undefined)).toBeUndefined();
    expect(autocompleteFor('firstName', 'off')).toBe('off');
  });

  it('opens the e-mail, phone and address keyboards', () => {
    expect(textInputType('email', undefined)).toBe('email');
    expect(textInputType(undefined, 'tel')).toBe('tel');
    expect(textInputType('uri', undefined)).toBe('url');
    expect(textInputType(undefined, 'given-name')).toBe('text');
  });

  it('reads numbers with a decimal comma and keeps what it cannot read', () => {
    expect(parseNumber('1,5', false)).toBe(1.5);
    expect(parseNumber(' 42 ', true)).toBe(42);
    expect(parseNumber('1.5', true)).toBe('1.5');
    expect(parseNumber('zwölf', false)).toBe('zwölf');
    expect(parseNumber('', false)).toBeUndefined();
  });
});

describe('the data a form starts with', () => {
  const schema = {
    type: 'object',
    properties: {
      languages: { type: 'array', minItems: 1, items: { type: 'object', properties: {} } },
      days: { type: 'array', minItems: 1, items: { type: 'string', enum: ['mon'] } },
    },
  } satisfies JsonSchema;

  it('has one empty entry in each required list of entries, and keeps answers', () => {
    expect(withStartingEntries(schema, {})).toEqual({ languages: [{}] });
    expect(withStartingEntries(schema, { languages: [] })).toEqual({ languages: [] });
  });

  it('does not count empty entries as answers', () => {
    expect(hasAnswers({ languages: [{}], days: [] })).toBe(false);
    expect(hasAnswers({ languages: [{ level: 'good' }] })).toBe(true);
    expect(hasAnswers({ consent: false })).toBe(true);
  });
});
