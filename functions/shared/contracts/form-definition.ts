import * as z from '../zod.ts';

/**
 * A form definition: the contract between the files in forms/, the admin API, DynamoDB, the public
 * form page and the submission handler. Versions of it are immutable once saved.
 */
export const localeCode = z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'must be a language code such as de or uk' }));
export const slug = z
  .string()
  .check(
    z.minLength(3),
    z.maxLength(64),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must use only a-z, 0-9 and single hyphens' }),
  );

const perLocale = z.record(localeCode, z.string().check(z.minLength(1)));
const jsonObject = z.record(z.string(), z.unknown());

/** Languages written right to left; the page sets dir="rtl" for them. */
export const rightToLeftLocales = ['ar', 'fa', 'he', 'ur', 'ps', 'ku'] as const;

export const formDefinition = z.strictObject({
  slug,
  /** Locale used when the visitor's language is not offered, and for anything a translation misses. */
  defaultLocale: localeCode,
  /** Every locale the form is offered in; each one but the default needs a translation of every form text. */
  locales: z.array(localeCode).check(z.minLength(1)),
  title: perLocale,
  description: z.optional(perLocale),
  /** The state machine a submission starts (id from functions/shared/definitions/state-machines.ts). */
  workflow: z.string().check(z.minLength(1)),
  consent: z.strictObject({
    /** Changes whenever the text changes; every submission records the version it was made against. */
    version: z.string().check(z.minLength(1), z.maxLength(40)),
    /** Without it the page's built-in consent sentence (in every shipped locale) is shown. */
    text: z.optional(perLocale),
    /** Without it the organisation's privacy page (settings) is linked; publishing needs one of them. */
    privacyUrl: z.optional(z.url()),
  }),
  /** Days a submission is kept; a DynamoDB TTL removes it afterwards. */
  retentionDays: z.number().check(z.int(), z.minimum(1), z.maximum(3650)),
  /** JSON Schema (draft-07) of the answers. */
  schema: jsonObject,
  /** JSON Forms UI schema. */
  uischema: jsonObject,
  /**
   * Per locale, JSON Forms i18n keys to text: `<path>.label`, `<path>.description`,
   * `<path>.<enum value>`, `<path>.error.<ajv keyword>`, `error.<ajv keyword>`, `<i18n>.label` of UI
   * schema Groups and `<i18n>.text` of Labels, and the array keys (`<path>.addTooltip`, …). The path
   * has no array indices (`languages.level.label`). See functions/shared/domain/form-validation.ts.
   */
  translations: z.record(localeCode, z.record(z.string(), z.string())),
  /** Workflow settings such as coordinators or routing rules; read by the workflow's tasks. */
  settings: z.optional(jsonObject),
  /** When and how often the form takes submissions, and whether the home page lists it. */
  availability: z.optional(
    z.strictObject({
      /** Before this moment the page says when the form opens and takes nothing. */
      opensAt: z.optional(z.iso.datetime({ offset: true })),
      /** From this moment on the page says the form is closed and takes nothing. */
      closesAt: z.optional(z.iso.datetime({ offset: true })),
      /** Submissions accepted in all (every version of the form); then the form is full. */
      maxSubmissions: z.optional(z.number().check(z.int(), z.minimum(1))),
      /** Listed on the organisation's home page (default true); unlisted forms open by link only. */
      listed: z.optional(z.boolean()),
    }),
  ),
  /**
   * What the volunteer sees and gets after sending, per locale; placeholders such as
   * `{receiptNumber}`, `{formTitle}`, `{organisation}`, `{firstName}`. Without them built-in texts.
   */
  confirmation: z.optional(
    z.strictObject({
      page: z.optional(perLocale),
      emailSubject: z.optional(perLocale),
      emailBody: z.optional(perLocale),
    }),
  ),
});

export type FormDefinition = z.output<typeof formDefinition>;

/** What GET /api/forms/{slug} returns: the published version, translations for one locale. */
export const publishedForm = z.object({
  slug,
  version: z.number().check(z.int(), z.minimum(1)),
  locale: localeCode,
  locales: z.array(localeCode),
  defaultLocale: localeCode,
  direction: z.enum(['ltr', 'rtl']),
  title: z.string(),
  description: z.optional(z.string()),
  schema: jsonObject,
  uischema: jsonObject,
  translations: z.record(z.string(), z.string()),
  /** Without `text` the page shows its built-in consent sentence; without `privacyUrl` the organisation's. */
  consent: z.object({
    version: z.string(),
    text: z.optional(z.string()),
    privacyUrl: z.optional(z.string()),
  }),
  organisation: z.object({ name: z.string() }),
  /** Whether it takes submissions now; otherwise the page says why (and when it opens). */
  availability: z.optional(
    z.object({
      state: z.enum(['open', 'not-yet-open', 'closed', 'full']),
      opensAt: z.optional(z.string()),
      closesAt: z.optional(z.string()),
    }),
  ),
  /** The form's own text for the receipt view; `{receiptNumber}` and `{firstName}` are left for the page. */
  confirmationPage: z.optional(z.string()),
});

export type PublishedForm = z.output<typeof publishedForm>;

/** POST /api/forms/{slug}/submissions */
export const submissionRequest = z.strictObject({
  /** Chosen by the page (a UUID); sending the same id again returns the same receipt. */
  submissionId: z.uuid({ message: 'must be a UUID' }),
  /** The version the page was rendered from. */
  formVersion: z.number().check(z.int(), z.minimum(1)),
  locale: localeCode,
  data: jsonObject,
  consent: z.strictObject({
    version: z.string().check(z.minLength(1)),
    accepted: z.literal(true, { message: 'must be given' }),
  }),
  /** Honeypot: a field people never see and bots fill in. Must be empty. */
  website: z.optional(z.string().check(z.maxLength(0, { message: 'must be empty' }))),
});

export const submissionReceipt = z.object({
  submissionId: z.uuid(),
  receiptNumber: z.string(),
  formSlug: slug,
  formVersion: z.number().check(z.int()),
  receivedAt: z.iso.datetime(),
});
