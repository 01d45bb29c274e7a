import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../web/src/features/public-form/messages-all.ts';
import {
  createErrorTranslator,
  createTranslator,
} from '../../web/src/features/public-form/utils/translate.ts';
import { browserAjv as formAjv } from '../../web/src/features/public-form/validation/browser-ajv.ts';
import { publishedFormOf, REGISTRATION, shippedForm } from './support/shipped-forms.ts';

function setUp(locale: string) {
  const form = publishedFormOf(shippedForm(REGISTRATION), locale);
  const translate = createTranslator(form.translations);
  const translateError = createErrorTranslator(messagesFor(locale));
  const validate = formAjv().compile(form.schema);
  const errorsFor = (data: unknown) => {
    validate(data);
    return validate.errors ?? [];
  };
  const messageAt = (data: unknown, path: string, keyword: string) => {
    const error = errorsFor(data).find(
      (e) =>
        e.keyword === keyword &&
        (e.keyword === 'required'
          ? `${e.instancePath}/${String(e.params.missingProperty)}`
          : e.instancePath) === `/${path.split('.').join('/')}`,
    );
    if (!error) throw new Error(`no ${keyword} error at ${path}`);
    return translateError(error, translate);
  };
  return { form, translate, messageAt };
}

describe('translating the form into the visitor language', () => {
  it('looks labels, descriptions and options up by JSON Forms key, indices removed', () => {
    const { form, translate } = setUp('uk');
    expect(translate('firstName.label', 'First name')).toBe(form.translations['firstName.label']);
    expect(translate('firstName.label', 'First name')).not.toBe('First name');
    expect(translate('languages.level.native')).toBe(form.translations['languages.level.native']);
    expect(translate('no.such.key', 'fallback')).toBe('fallback');
    expect(translate('no.such.key')).toBeUndefined();
  });

  it('prefers <path>.error.<keyword> over error.<keyword>', () => {
    const { form, messageAt } = setUp('de');
    expect(messageAt({ email: 'not-an-address' }, 'email', 'format')).toBe(
      form.translations['email.error.format'],
    );
    expect(messageAt({ postalCode: '123' }, 'postalCode', 'pattern')).toBe(
      form.translations['postalCode.error.pattern'],
    );
  });

  it('falls back to the generic error.<keyword> of the form', () => {
    const { form, messageAt } = setUp('ar');
    expect(messageAt({}, 'firstName', 'required')).toBe(form.translations['error.required']);
    expect(messageAt({ firstName: 'x'.repeat(201) }, 'firstName', 'maxLength')).toBe(
      form.translations['error.maxLength'],
    );
  });

  it('finds per-field messages for fields inside lists of entries', () => {
    const { form, messageAt } = setUp('de');
    expect(messageAt({ languages: [] }, 'languages', 'minItems')).toBe(
      form.translations['languages.error.minItems'],
    );
  });

  it('uses the page built-in message in the visitor language when the form has none', () => {
    const { messageAt } = setUp('uk');
    // The form has no message for uniqueItems: the page's own Ukrainian one, not ajv's English.
    expect(messageAt({ availabilityDays: ['mon', 'mon'] }, 'availabilityDays', 'uniqueItems')).toBe(
      messagesFor('uk').errors.uniqueItems,
    );
  });

  it('fills placeholders such as {limit} in built-in messages', () => {
    const translateError = createErrorTranslator(messagesFor('en'));
    const message = translateError(
      { keyword: 'minLength', instancePath: '/name', schemaPath: '', params: { limit: 3 }, message: 'x' },
      createTranslator({}),
    );
    expect(message).toBe('Please enter at least 3 characters.');
  });

  it('shows what the server said for a server issue', () => {
    const translateError = createErrorTranslator(messagesFor('de'));
    const message = translateError(
      { keyword: 'server', instancePath: '/x', schemaPath: '', params: {}, message: 'Schon vergeben.' },
      createTranslator({ 'error.server': 'nicht dies' }),
    );
    expect(message).toBe('Schon vergeben.');
  });
});
