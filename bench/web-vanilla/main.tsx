import type { JsonSchema, Translator, UISchemaElement } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

/*
 * The reference for `npm run bench:web`: a public form at /f/{slug} as JSON Forms' own vanilla
 * renderers show it, with nothing of ours. Same API call, schema, UI schema and translations as
 * the public page; texts resolved the simple way (the form's translation, else JSON Forms' default).
 * Starts with the data the public page starts with: one empty entry for a list that needs one.
 */

interface Form {
  readonly title: string;
  readonly locale: string;
  readonly schema: JsonSchema;
  readonly uischema: UISchemaElement;
  readonly translations: Record<string, string>;
}

function startingData(schema: JsonSchema): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const items = property.items as JsonSchema | undefined;
    if (property.type === 'array' && items?.type === 'object' && (property.minItems ?? 0) > 0) {
      data[name] = Array.from({ length: property.minItems ?? 0 }, () => ({}));
    }
  }
  return data;
}

function Page({ slug }: { slug: string }) {
  const [form, setForm] = useState<Form>();
  const [data, setData] = useState<unknown>();
  useEffect(() => {
    fetch(`/api/forms/${encodeURIComponent(slug)}?locale=de`)
      .then((response) => response.json() as Promise<Form>)
      .then((loaded) => {
        setData(startingData(loaded.schema));
        setForm(loaded);
      });
  }, [slug]);
  if (!form) return <p>Lädt …</p>;
  const translate = ((key: string, fallback?: string) => form.translations[key] ?? fallback) as Translator;
  return (
    <>
      <h1>{form.title}</h1>
      <form className="public-form-fields" onSubmit={(event) => event.preventDefault()}>
        <JsonForms
          schema={form.schema}
          uischema={form.uischema}
          data={data}
          renderers={vanillaRenderers}
          cells={vanillaCells}
          i18n={{ locale: form.locale, translate }}
          onChange={(change) => setData(change.data)}
        />
        <button type="submit">Absenden</button>
      </form>
    </>
  );
}

const slug = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
createRoot(document.getElementById('root') as HTMLElement).render(<Page slug={slug} />);
