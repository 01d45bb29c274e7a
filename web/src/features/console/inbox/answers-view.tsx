import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { useMemo } from 'react';
import {
  createTranslator,
  FormUiContext,
  JsonForms,
  loadBrowserAjv,
  messagesFor,
  NO_ERRORS_SHOWN,
  publicFormRenderers,
  useValidator,
} from '../../public-form/components/public-form-page.tsx';
import type { FormDefinition } from './inbox-api.ts';
import '../../public-form/public-form.css';

interface Props {
  readonly form: FormDefinition;
  readonly answers: Record<string, unknown>;
  /** The console's language: labels in it when the form has it, else in the form's default. */
  readonly locale: string;
}

const noop = () => {};

/**
 * The answers in the public form's own renderers, read-only, from the exact version the applicant
 * filled in: the same fields, order, groups and choices they saw. Loaded only on the detail page,
 * so JSON Forms and ajv stay out of the list.
 */
export default function AnswersView({ form, answers, locale }: Props) {
  const labelLocale = form.locales.includes(locale) ? locale : form.defaultLocale;
  const i18n = useMemo(() => {
    const translations = { ...form.translations[form.defaultLocale], ...form.translations[labelLocale] };
    return { locale: labelLocale, translate: createTranslator(translations) };
  }, [form, labelLocale]);
  const ui = useMemo(
    () => ({
      messages: messagesFor(labelLocale),
      errorsShown: NO_ERRORS_SHOWN,
      markTouched: noop,
    }),
    [labelLocale],
  );
  // Rules (which fields were shown) need an ajv; this view validates nothing.
  const { ajv } = useValidator('browser', loadBrowserAjv);
  if (!ajv) return null;
  return (
    <FormUiContext.Provider value={ui}>
      <div className="public-form answers-readonly" lang={labelLocale}>
        <JsonForms
          schema={form.schema as JsonSchema}
          uischema={form.uischema as unknown as UISchemaElement}
          data={answers}
          ajv={ajv}
          renderers={publicFormRenderers}
          i18n={i18n}
          readonly
          validationMode="NoValidation"
        />
      </div>
    </FormUiContext.Provider>
  );
}
