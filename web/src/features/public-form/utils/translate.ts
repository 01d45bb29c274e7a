import type { ErrorTranslator, Translator, UISchemaElement } from '@jsonforms/core';
import { getControlPath, getI18nKeyPrefix } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import { format, type Messages } from '../messages.ts';

/** JSON Forms' `translate`: the form's text for a key, else the default JSON Forms derived. */
export function createTranslator(translations: Readonly<Record<string, string>>): Translator {
  return ((key: string, defaultMessage?: string, values?: unknown) => {
    const text = Object.hasOwn(translations, key) ? translations[key] : undefined;
    if (text === undefined) return defaultMessage;
    const params = (values as { error?: ErrorObject } | undefined)?.error?.params;
    return params ? format(text, params) : text;
  }) as Translator;
}

/** The page's own message for a validation error, by keyword (with `format.x` / `type.x` variants). */
export function builtInMessage(error: ErrorObject, messages: Messages): string {
  const params = error.params as Record<string, unknown>;
  const variant =
    error.keyword === 'format' ? params.format : error.keyword === 'type' ? params.type : undefined;
  const template =
    (variant !== undefined ? messages.errors[`${error.keyword}.${String(variant)}`] : undefined) ??
    messages.errors[error.keyword] ??
    messages.errors.default ??
    error.message ??
    '';
  return format(template, params);
}

/** The i18n key prefix of the field an error is about (`languages.level` for `/languages/0/level`). */
export function errorKeyPrefix(error: ErrorObject, uischema?: UISchemaElement): string {
  // For `required`, parentSchema is the object; its i18n key would be wrong for the missing field.
  const schema = error.keyword === 'required' ? undefined : error.parentSchema;
  return getI18nKeyPrefix(schema as never, uischema as never, getControlPath(error));
}

/**
 * JSON Forms' `translateError`: `<path>.error.<keyword>`, then `error.<keyword>` from the form's
 * translations, then the page's own message in the visitor's language.
 */
export function createErrorTranslator(messages: Messages): ErrorTranslator {
  return (error, translate, uischema) => {
    if (error.keyword === 'server') return error.message ?? messages.errors.default ?? '';
    const values = { error };
    return (
      translate(`${errorKeyPrefix(error, uischema)}.error.${error.keyword}`, undefined, values) ??
      translate(`error.${error.keyword}`, undefined, values) ??
      builtInMessage(error, messages)
    );
  };
}
