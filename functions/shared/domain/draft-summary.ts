type Json = Record<string, unknown>;

/*
 * Its own module so that the form store (and with it every handler that reads forms, the submit
 * handler among them) does not load the form validation and JSON Forms with the drafts' logic.
 */

export interface DraftSummary {
  readonly title: Record<string, string>;
  readonly defaultLocale: string;
  readonly locales: string[];
  readonly workflow: string;
  readonly listed: boolean;
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The list columns of a definition that may be incomplete. */
export function draftSummary(definition: Json): DraftSummary {
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((one) => typeof one === 'string') : [];
  const title = isObject(definition.title)
    ? Object.fromEntries(Object.entries(definition.title).filter(([, text]) => typeof text === 'string'))
    : {};
  const availability = isObject(definition.availability) ? definition.availability : {};
  return {
    title: title as Record<string, string>,
    defaultLocale: typeof definition.defaultLocale === 'string' ? definition.defaultLocale : '',
    locales: strings(definition.locales),
    workflow: typeof definition.workflow === 'string' ? definition.workflow : '',
    listed: availability.listed !== false,
  };
}
