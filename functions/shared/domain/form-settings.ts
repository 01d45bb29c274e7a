import type { FormDefinition } from '../contracts/form-definition.ts';
import type { FieldIssue } from './errors.ts';

/*
 * Per-form settings beyond the workflow's own: when a form takes submissions, how many, and the
 * texts of its confirmation. Pure domain code, used by the submit handler, the public form's GET,
 * the confirmation mail and form validation alike.
 */

export const confirmationPlaceholders = ['receiptNumber', 'formTitle', 'organisation', 'firstName'] as const;
export type ConfirmationPlaceholder = (typeof confirmationPlaceholders)[number];

export type AvailabilityState = 'open' | 'not-yet-open' | 'closed' | 'full';

type Availability = FormDefinition['availability'];

/** The window alone (no counting): `full` needs the number received, see `availabilityState`. */
export function windowState(availability: Availability, now: Date): Exclude<AvailabilityState, 'full'> {
  if (availability?.opensAt && now.getTime() < Date.parse(availability.opensAt)) return 'not-yet-open';
  if (availability?.closesAt && now.getTime() >= Date.parse(availability.closesAt)) return 'closed';
  return 'open';
}

/** Whether the form takes submissions now, given how many it has received under its limit. */
export function availabilityState(
  availability: Availability,
  now: Date,
  received: number,
): AvailabilityState {
  const window = windowState(availability, now);
  if (window !== 'open') return window;
  const max = availability?.maxSubmissions;
  return max !== undefined && received >= max ? 'full' : 'open';
}

/** A form without the setting is listed, as every form was before the setting existed. */
export const isListed = (availability: Availability): boolean => availability?.listed !== false;

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/**
 * Fills `{name}` placeholders. An empty value takes the space before it along, so "Hello
 * {firstName}," reads "Hello," when the form asked for no first name.
 */
export function fillPlaceholders(
  text: string,
  values: Partial<Record<ConfirmationPlaceholder, string>>,
): string {
  return text.replace(/([ \t]*)\{([^{}\s]*)\}/g, (whole, space: string, name: string) => {
    if (!(confirmationPlaceholders as readonly string[]).includes(name)) return whole;
    const value = values[name as ConfirmationPlaceholder];
    return value ? `${space}${value}` : '';
  });
}

/** The per-locale confirmation texts with the locale and the text, for checks and the mail. */
const confirmationTexts = (confirmation: FormDefinition['confirmation']) =>
  (['page', 'emailSubject', 'emailBody'] as const).flatMap((part) =>
    // A draft may hold anything here; the contract's own check reports what is not a text.
    Object.entries(confirmation?.[part] ?? {})
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
      .map(([locale, text]) => ({ part, locale, text })),
  );

const MAX_SUBJECT_LENGTH = 150;

/**
 * What form validation adds for these settings: unknown placeholders, texts for languages the
 * form does not offer, a first name the form never asks for, and a window that closes before it opens.
 */
export function checkFormSettings(
  definition: Pick<FormDefinition, 'locales' | 'schema' | 'settings' | 'availability' | 'confirmation'>,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const known = confirmationPlaceholders.map((name) => `{${name}}`).join(', ');
  for (const { part, locale, text } of confirmationTexts(definition.confirmation)) {
    const field = `confirmation.${part}.${locale}`;
    if (!definition.locales.includes(locale))
      issues.push({ field, message: `is for ${locale}, which is not one of the form's languages` });
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!(confirmationPlaceholders as readonly string[]).includes(name ?? '')) {
        issues.push({ field, message: `uses the unknown placeholder {${name}}; known are ${known}` });
      } else if (name === 'firstName' && !asksForFirstName(definition)) {
        issues.push({
          field,
          message: `uses {firstName}, but the form has no field "${firstNameField(definition)}" (settings.firstNameField)`,
        });
      }
    }
    if (part === 'emailSubject' && /[\r\n]/.test(text)) issues.push({ field, message: 'must be one line' });
    if (part === 'emailSubject' && text.length > MAX_SUBJECT_LENGTH)
      issues.push({ field, message: `must be at most ${MAX_SUBJECT_LENGTH} characters` });
  }
  const { opensAt, closesAt } = definition.availability ?? {};
  if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt))
    issues.push({ field: 'availability.closesAt', message: 'must be later than opensAt' });
  return issues;
}

const firstNameField = (definition: Pick<FormDefinition, 'settings'>): string => {
  const field = (definition.settings as { firstNameField?: unknown } | undefined)?.firstNameField;
  return typeof field === 'string' ? field : 'firstName';
};

function asksForFirstName(definition: Pick<FormDefinition, 'schema' | 'settings'>): boolean {
  const properties = (definition.schema as { properties?: Record<string, unknown> }).properties;
  return Boolean(properties && firstNameField(definition) in properties);
}

/**
 * The form's own confirmation texts in one language (else its default language), placeholders
 * filled; a part the form does not set is absent, so the built-in text is used.
 */
export function confirmationFor(
  definition: Pick<FormDefinition, 'confirmation' | 'defaultLocale'>,
  locale: string,
  values: Partial<Record<ConfirmationPlaceholder, string>>,
): { page?: string; subject?: string; body?: string } {
  const pick = (texts: Readonly<Record<string, string>> | undefined) => {
    const text = texts?.[locale] ?? texts?.[definition.defaultLocale];
    return text === undefined ? undefined : fillPlaceholders(text, values);
  };
  const { confirmation } = definition;
  const page = pick(confirmation?.page);
  const subject = pick(confirmation?.emailSubject);
  const body = pick(confirmation?.emailBody);
  return { ...(page ? { page } : {}), ...(subject ? { subject } : {}), ...(body ? { body } : {}) };
}
