import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { useCallback, useMemo, useState } from 'react';
import type { PublishedForm } from './api/types.ts';
import { FormUiContext } from './components/form-ui-context.tsx';
import { publicFormRenderers } from './components/renderers/index.ts';
import { messagesFor } from './messages.ts';
import { formAjv } from './utils/create-ajv.ts';
import { createErrorTranslator, createTranslator } from './utils/translate.ts';
import './public-form.css';

/**
 * PLACEHOLDER until the renderer engineer's preview lands at this path: the form with the public
 * page's renderers and translator, filled in locally; nothing is sent. "Check" shows every error.
 */
export function FormPreview({ form, organisationName }: { form: PublishedForm; organisationName?: string }) {
  const messages = messagesFor(form.locale);
  // JSON Forms owns the answers after the first render (see README): the prop stays the start.
  const [data] = useState<Record<string, unknown>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const translate = useMemo(() => createTranslator(form.translations), [form.translations]);
  const translateError = useMemo(() => createErrorTranslator(messages), [messages]);
  const i18n = useMemo(
    () => ({ locale: form.locale, translate, translateError }),
    [form.locale, translate, translateError],
  );
  const markTouched = useCallback(
    (path: string) => setTouched((before) => (before.has(path) ? before : new Set(before).add(path))),
    [],
  );
  const ui = useMemo(
    () => ({ messages, touched, submitted, markTouched }),
    [messages, touched, submitted, markTouched],
  );
  return (
    <div className="public-form" lang={form.locale} dir={form.direction}>
      <p className="organisation">{organisationName ?? form.organisation.name}</p>
      <h2>{form.title}</h2>
      {form.description && <p>{form.description}</p>}
      <FormUiContext.Provider value={ui}>
        <JsonForms
          schema={form.schema as JsonSchema}
          uischema={form.uischema as unknown as UISchemaElement}
          data={data}
          renderers={publicFormRenderers}
          ajv={formAjv()}
          i18n={i18n}
          validationMode="ValidateAndShow"
        />
      </FormUiContext.Provider>
      <button type="button" className="primary" onClick={() => setSubmitted(true)}>
        {messages.submit}
      </button>
    </div>
  );
}
