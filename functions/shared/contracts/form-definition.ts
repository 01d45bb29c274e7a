import * as z from 'zod';

/**
 * A form definition: the contract between the files in forms/, the admin API, DynamoDB, the public
 * form page and the submission handler. Versions of it are immutable once saved.
 */
export const localeCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { message: 'must be a language code such as de or uk' });
export const slug = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must use only a-z, 0-9 and single hyphens' });

const perLocale = z.record(localeCode, z.string().min(1));
const jsonObject = z.record(z.string(), z.unknown());

/** Languages written right to left; the page sets dir="rtl" for them. */
export const rightToLeftLocales = ['ar', 'fa', 'he', 'ur', 'ps', 'ku'] as const;

export const formDefinition = z.strictObject({
  slug,
  /** Locale used when the visitor's language is not offered, and for anything a translation misses. */
  defaultLocale: localeCode,
  /** Every locale the form is offered in; each one but the default needs a translation of every form text. */
  locales: z.array(localeCode).min(1),
  title: perLocale,
  description: perLocale.optional(),
  /** The state machine a submission starts (id from functions/shared/definitions/state-machines.ts). */
  workflow: z.string().min(1),
  consent: z.strictObject({
    /** Changes whenever the text changes; every submission records the version it was made against. */
    version: z.string().min(1).max(40),
    /** Without it the page's built-in consent sentence (in every shipped locale) is shown. */
    text: perLocale.optional(),
    /** Without it the organisation's privacy page (settings) is linked; publishing needs one of them. */
    privacyUrl: z.url().optional(),
  }),
  /** Days a submission is kept; a DynamoDB TTL removes it afterwards. */
  retentionDays: z.number().int().min(1).max(3650),
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
  settings: jsonObject.optional(),
  /** When and how often the form takes submissions, and whether the home page lists it. */
  availability: z
    .strictObject({
      /** Before this moment the page says when the form opens and takes nothing. */
      opensAt: z.iso.datetime({ offset: true }).optional(),
      /** From this moment on the page says the form is closed and takes nothing. */
      closesAt: z.iso.datetime({ offset: true }).optional(),
      /** Submissions accepted in all (every version of the form); then the form is full. */
      maxSubmissions: z.number().int().min(1).optional(),
      /** Listed on the organisation's home page (default true); unlisted forms open by link only. */
      listed: z.boolean().optional(),
    })
    .optional(),
  /**
   * What the volunteer sees and gets after sending, per locale; placeholders such as
   * `{receiptNumber}`, `{formTitle}`, `{organisation}`, `{firstName}`. Without them built-in texts.
   */
  confirmation: z
    .strictObject({
      page: perLocale.optional(),
      emailSubject: perLocale.optional(),
      emailBody: perLocale.optional(),
    })
    .optional(),
});

export type FormDefinition = z.output<typeof formDefinition>;

/** What GET /api/forms/{slug} returns: the published version, translations for one locale. */
export const publishedForm = z.object({
  slug,
  version: z.number().int().min(1),
  locale: localeCode,
  locales: z.array(localeCode),
  defaultLocale: localeCode,
  direction: z.enum(['ltr', 'rtl']),
  title: z.string(),
  description: z.string().optional(),
  schema: jsonObject,
  uischema: jsonObject,
  translations: z.record(z.string(), z.string()),
  /** Without `text` the page shows its built-in consent sentence; without `privacyUrl` the organisation's. */
  consent: z.object({ version: z.string(), text: z.string().optional(), privacyUrl: z.string().optional() }),
  organisation: z.object({ name: z.string() }),
  /** Whether it takes submissions now; otherwise the page says why (and when it opens). */
  availability: z
    .object({
      state: z.enum(['open', 'not-yet-open', 'closed', 'full']),
      opensAt: z.string().optional(),
      closesAt: z.string().optional(),
    })
    .optional(),
  /** The form's own text for the receipt view; `{receiptNumber}` and `{firstName}` are left for the page. */
  confirmationPage: z.string().optional(),
});

export type PublishedForm = z.output<typeof publishedForm>;

/** POST /api/forms/{slug}/submissions */
export const submissionRequest = z.strictObject({
  /** Chosen by the page (a UUID); sending the same id again returns the same receipt. */
  submissionId: z.uuid({ message: 'must be a UUID' }),
  /** The version the page was rendered from. */
  formVersion: z.number().int().min(1),
  locale: localeCode,
  data: jsonObject,
  consent: z.strictObject({
    version: z.string().min(1),
    accepted: z.literal(true, { message: 'must be given' }),
  }),
  /** Honeypot: a field people never see and bots fill in. Must be empty. */
  website: z.string().max(0, { message: 'must be empty' }).optional(),
});

export const submissionReceipt = z.object({
  submissionId: z.uuid(),
  receiptNumber: z.string(),
  formSlug: slug,
  formVersion: z.number().int(),
  receivedAt: z.iso.datetime(),
});
