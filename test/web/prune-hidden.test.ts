import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { scopeToPath, withoutHiddenAnswers } from '../../web/src/features/public-form/utils/prune-hidden.ts';
import { browserAjv as formAjv } from '../../web/src/features/public-form/validation/browser-ajv.ts';

const intake = JSON.parse(readFileSync(join(repositoryRoot, 'forms', 'beratung-anfrage.json'), 'utf8')) as {
  schema: object;
  uischema: object;
};

const person = { topics: ['housing'], languages: ['ar'], age: 30, firstName: 'Samir' };

describe('answers in fields a rule hides', () => {
  it('are dropped before sending, so a stale hidden phone number cannot block an e-mail contact', () => {
    const typed = { ...person, contactMethod: 'email', email: 'samir@example.org', phone: 'not a number' };
    const ajv = formAjv();
    expect(ajv.validate(intake.schema, typed)).toBe(false);
    const { data, errors } = withoutHiddenAnswers(intake.uischema as never, intake.schema, typed, ajv);
    expect(data).not.toHaveProperty('phone');
    expect(data).toMatchObject({ contactMethod: 'email', email: 'samir@example.org' });
    expect(errors).toEqual([]);
  });

  it('keep visible answers and their errors', () => {
    const typed = { ...person, contactMethod: 'phone', phone: 'not a number' };
    const { data, errors } = withoutHiddenAnswers(intake.uischema as never, intake.schema, typed, formAjv());
    expect(data.phone).toBe('not a number');
    expect(errors.map((error) => error.instancePath)).toContain('/phone');
  });

  it('reads nested scopes', () => {
    expect(scopeToPath('#/properties/a/properties/b')).toEqual(['a', 'b']);
  });
});
