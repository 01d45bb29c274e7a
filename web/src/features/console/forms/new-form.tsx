import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CreateFormRequest } from '#shared/contracts/form-editor.ts';
import { ApiError, SignInRequired } from '../api.ts';
import { createForm, formsKey, useFormsList, useTemplates } from './forms-api.ts';
import { titleOf } from './forms-list.tsx';
import { languageName, useFormsText } from './messages.ts';
import { SHIPPED_LOCALES } from './translations/form-text.ts';

type Start = 'blank' | 'copy' | 'template' | 'import';

const parseObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/** `/console/forms/new`: slug, title, main language and what to start from. */
export function NewForm() {
  const { t, locale: uiLocale } = useFormsText();
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const forms = useFormsList().data?.forms ?? [];
  const templates = useTemplates().data?.templates ?? [];
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [locale, setLocale] = useState<string>(uiLocale);
  const [start, setStart] = useState<Start>('blank');
  const [copyOf, setCopyOf] = useState('');
  const [template, setTemplate] = useState('');
  const [schema, setSchema] = useState('');
  const [uischema, setUischema] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  function source(): CreateFormRequest['from'] | Record<string, string> {
    if (start === 'copy') return { kind: 'copy', slug: copyOf || (forms[0]?.slug ?? '') };
    if (start === 'template') return { kind: 'template', id: template || (templates[0]?.id ?? '') };
    if (start !== 'import') return { kind: 'blank' };
    const parsedSchema = parseObject(schema);
    const parsedUi = uischema.trim() ? parseObject(uischema) : undefined;
    const problems: Record<string, string> = {};
    if (!parsedSchema) problems['from.schema'] = t.notJson('JSON Schema');
    if (uischema.trim() && !parsedUi) problems['from.uischema'] = t.notJson('UI schema');
    if (Object.keys(problems).length > 0 || !parsedSchema) return problems;
    return { kind: 'import', schema: parsedSchema, ...(parsedUi ? { uischema: parsedUi } : {}) };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const from = source();
    if (!('kind' in from)) return setErrors(from);
    setBusy(true);
    setErrors({});
    try {
      const draft = await createForm({ slug, title, locale, from: from as CreateFormRequest['from'] });
      await client.invalidateQueries({ queryKey: formsKey });
      navigate(`/console/forms/${draft.slug}/build`);
    } catch (error) {
      if (error instanceof SignInRequired) return;
      const issues = error instanceof ApiError ? error.issues : [];
      const byField = Object.fromEntries(issues.map((issue) => [issue.field, issue.message]));
      setErrors(issues.length > 0 ? byField : { '': error instanceof Error ? error.message : t.failed });
    } finally {
      setBusy(false);
    }
  }

  const readFile = (set: (text: string) => void) => async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) set(await file.text());
  };
  const errorFor = (field: string) =>
    errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
  const described = (field: string) =>
    errorFor(field) ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};
  const fieldError = (field: string) =>
    errorFor(field) && (
      <p className="error" id={`${id}-${field}-error`}>
        {errorFor(field)}
      </p>
    );

  return (
    <>
      <p>
        <Link to="/console/forms">{t.back}</Link>
      </p>
      <h1>{t.newTitle}</h1>
      <form className="new-form" onSubmit={submit} noValidate>
        {errors[''] && (
          <p role="alert" className="error">
            {errors['']}
          </p>
        )}
        {Object.keys(errors).length > 0 && !errors[''] && (
          <p role="alert" className="error">
            {t.invalid}
          </p>
        )}
        <label htmlFor={`${id}-slug`}>{t.slug}</label>
        <input
          id={`${id}-slug`}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          {...described('slug')}
        />
        {fieldError('slug')}
        <label htmlFor={`${id}-title`}>{t.formTitle}</label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          {...described('title')}
        />
        {fieldError('title')}
        <label htmlFor={`${id}-locale`}>{t.defaultLocale}</label>
        <select id={`${id}-locale`} value={locale} onChange={(e) => setLocale(e.target.value)}>
          {SHIPPED_LOCALES.map((code) => (
            <option key={code} value={code}>
              {languageName(code, uiLocale)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t.startFrom}</legend>
          {(['blank', 'copy', 'template', 'import'] as const).map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="start" checked={start === kind} onChange={() => setStart(kind)} />{' '}
              {{ blank: t.fromBlank, copy: t.fromCopy, template: t.fromTemplate, import: t.fromImport }[kind]}
            </label>
          ))}
        </fieldset>
        {start === 'copy' && (
          <>
            <label htmlFor={`${id}-copy`}>{t.copyOf}</label>
            <select
              id={`${id}-copy`}
              value={copyOf}
              onChange={(e) => setCopyOf(e.target.value)}
              {...described('from')}
            >
              {forms.map((form) => (
                <option key={form.slug} value={form.slug}>
                  {titleOf(form)} ({form.slug})
                </option>
              ))}
            </select>
          </>
        )}
        {start === 'template' && (
          <>
            <label htmlFor={`${id}-template`}>{t.template}</label>
            <select
              id={`${id}-template`}
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
              {...described('from')}
            >
              {templates.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.title[uiLocale] ?? entry.title.en ?? entry.id}
                </option>
              ))}
            </select>
          </>
        )}
        {start === 'import' && (
          <>
            <label htmlFor={`${id}-schema-file`}>{t.schemaFile}</label>
            <input
              id={`${id}-schema-file`}
              type="file"
              accept=".json,application/json"
              onChange={readFile(setSchema)}
            />
            <label htmlFor={`${id}-schema`}>{t.schemaText}</label>
            <textarea
              id={`${id}-schema`}
              rows={6}
              value={schema}
              onChange={(e) => setSchema(e.target.value)}
              {...described('from.schema')}
            />
            {fieldError('from.schema')}
            <label htmlFor={`${id}-ui-file`}>{t.uischemaFile}</label>
            <input
              id={`${id}-ui-file`}
              type="file"
              accept=".json,application/json"
              onChange={readFile(setUischema)}
            />
            <label htmlFor={`${id}-ui`}>{t.uischemaText}</label>
            <textarea
              id={`${id}-ui`}
              rows={6}
              value={uischema}
              onChange={(e) => setUischema(e.target.value)}
              {...described('from.uischema')}
            />
            {fieldError('from.uischema')}
          </>
        )}
        {start !== 'import' && fieldError('from')}
        <p className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t.creating : t.create}
          </button>
        </p>
      </form>
    </>
  );
}
