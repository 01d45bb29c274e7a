import type { PublishedForm } from '../contracts/form-definition.ts';
import { rightToLeftLocales } from '../contracts/form-definition.ts';
import type { FormVersion } from './forms.ts';

/*
 * The public view of a form version, used by the form API and by the console's preview of a draft
 * (which must look exactly like the public page), so it imports nothing beyond the contract.
 */

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

/** The public view of one version in one locale, with default-locale text where a translation is missing. */
export function toPublishedForm(
  version: FormVersion,
  locale: string,
  organisationName: string,
): PublishedForm {
  const { definition } = version;
  const pick = (texts: Readonly<Record<string, string>> | undefined) =>
    texts?.[locale] ?? texts?.[definition.defaultLocale];
  const description = pick(definition.description);
  return {
    slug: definition.slug,
    version: version.version,
    locale,
    locales: definition.locales,
    defaultLocale: definition.defaultLocale,
    direction: (rightToLeftLocales as readonly string[]).includes(locale) ? 'rtl' : 'ltr',
    title: pick(definition.title) ?? definition.slug,
    ...(description ? { description } : {}),
    schema: definition.schema,
    uischema: definition.uischema,
    translations: {
      ...(definition.translations[definition.defaultLocale] ?? {}),
      ...(definition.translations[locale] ?? {}),
    },
    consent: {
      version: definition.consent.version,
      ...optional('text', pick(definition.consent.text)),
      ...optional('privacyUrl', definition.consent.privacyUrl),
    },
    organisation: { name: organisationName },
  };
}
