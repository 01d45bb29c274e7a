import { Generate } from '@jsonforms/core';
import type { PublishedForm } from '#shared/contracts/form-definition.ts';

interface Example {
  readonly name: string;
  readonly label: string;
  readonly schema?: object | undefined;
  readonly uischema?: object | undefined;
  readonly data?: unknown;
}

/**
 * A JSON Forms example as the published form the page gets: one language, no translations. A few
 * examples have data but no schema (JSON Forms then derives one); a Lotse form always has one, so
 * it is derived here the same way, as an import would.
 */
export function toPreviewForm(example: Example, locale: string): PublishedForm {
  return {
    slug: 'example',
    version: 1,
    locale,
    locales: [locale],
    defaultLocale: locale,
    direction: locale === 'ar' || locale === 'fa' ? 'rtl' : 'ltr',
    title: example.label,
    schema: (example.schema ?? Generate.jsonSchema(example.data as object)) as Record<string, unknown>,
    uischema: (example.uischema ?? {}) as Record<string, unknown>,
    translations: {},
    consent: { version: '1' },
    organisation: { name: 'JSON Forms examples' },
  };
}
