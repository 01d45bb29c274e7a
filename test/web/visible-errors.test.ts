import type { JsonSchema } from '@jsonforms/core';
import { getControlPath } from '@jsonforms/core';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../web/src/features/public-form/messages-all.ts';
import { splitIssues } from '../../web/src/features/public-form/utils/server-issues.ts';
import {
  createErrorTranslator,
  createTranslator,
} from '../../web/src/features/public-form/utils/translate.ts';
import {
  isErrorVisible,
  issuesAsErrors,
  openIssues,
  snapshot,
  summarise,
  valueAt,
} from '../../web/src/features/public-form/utils/visible-errors.ts';
import { browserAjv as formAjv } from '../../web/src/features/public-form/validation/browser-ajv.ts';
import { publishedFormOf, REGISTRATION, shippedForm } from './support/shipped-forms.ts';

describe('when a field shows its error', () => {
  it('not while the first answer is typed, once the field is left, and everywhere after submit', () => {
    const touched = new Set(['email']);
    expect(isErrorVisible('firstName', touched, false)).toBe(false);
    expect(isErrorVisible('email', touched, false)).toBe(true);
    expect(isErrorVisible('firstName', touched, true)).toBe(true);
  });
});

describe('the error summary', () => {
  const form = publishedFormOf(shippedForm(REGISTRATION), 'de');
  const translate = createTranslator(form.translations);
  const context = {
    rootSchema: form.schema as JsonSchema,
    translate,
    translateError: createErrorTranslator(messagesFor('de')),
    messages: messagesFor('de'),
  };
  const validate = formAjv().compile(form.schema);

  it('lists each field once, by its label, in the order of the form', () => {
    validate({ languages: [{}], availabilityDays: [], email: 'x' });
    const entries = summarise(validate.errors ?? [], context);
    const paths = entries.map((entry) => entry.path);
    expect(paths).toEqual([...new Set(paths)]);
    expect(entries.find((entry) => entry.path === 'firstName')).toEqual({
      path: 'firstName',
      label: form.translations['firstName.label'],
      message: form.translations['error.required'],
    });
    expect(entries.find((entry) => entry.path === 'email')?.message).toBe(
      form.translations['email.error.format'],
    );
  });

  it('names fields inside a list by their entry: "Sprache 1: Wie gut …"', () => {
    validate({ languages: [{ language: 'de', level: 'native' }, { language: 'ar' }] });
    const entry = summarise(validate.errors ?? [], context).find((e) => e.path === 'languages.1.level');
    expect(entry?.label).toBe(
      `${form.translations['languages.language.label']} 2: ${form.translations['languages.level.label']}`,
    );
  });

  it('leaves out the if/then noise of conditional fields', () => {
    const counselling = publishedFormOf(shippedForm('beratung-anfrage'), 'en');
    const check = formAjv().compile(counselling.schema);
    check({ contactMethod: 'phone' });
    const keywords = (check.errors ?? []).map((e) => e.keyword);
    expect(keywords).toContain('if');
    const entries = summarise(check.errors ?? [], {
      ...context,
      rootSchema: counselling.schema as JsonSchema,
      translate: createTranslator(counselling.translations),
    });
    expect(entries.map((e) => e.path)).toContain('phone');
    expect(entries.every((e) => e.path !== '')).toBe(true);
  });
});

describe('issues the server reported', () => {
  const issue = (data: unknown) => ({
    path: 'languages.0.level',
    message: 'Bitte wählen.',
    value: snapshot(valueAt(data, 'languages.0.level')),
  });

  it('become errors at the same JSON Forms path', () => {
    const [error] = issuesAsErrors([{ path: 'languages.0.level', message: 'm', value: undefined }]);
    expect(error && getControlPath(error)).toBe('languages.0.level');
  });

  it('stay until the value they were about changes', () => {
    const before = { languages: [{ level: 'x' }] };
    const issues = [issue(before)];
    expect(openIssues(issues, structuredClone(before))).toHaveLength(1);
    expect(openIssues(issues, { languages: [{ level: 'good' }] })).toHaveLength(0);
  });
});

describe('a 400 from the server', () => {
  it('puts answer issues on their fields and keeps envelope issues for the summary', () => {
    const data = { languages: [{ level: 'x' }] };
    const { fields, others } = splitIssues(
      [
        { field: 'languages.0.level', message: 'Bitte wählen.' },
        { field: 'consent.accepted', message: 'must be given' },
        { field: 'website', message: 'must be empty' },
        { field: 'data', message: 'must be an object' },
      ],
      data,
    );
    expect(fields).toEqual([{ path: 'languages.0.level', message: 'Bitte wählen.', value: '"x"' }]);
    expect(others.map((issue) => issue.field)).toEqual(['consent.accepted', 'website', 'data']);
  });
});
