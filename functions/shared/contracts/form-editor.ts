import * as z from '../zod.ts';
import { localeCode, slug } from './form-definition.ts';

/*
 * The contract between the console's form editor and the admin API (issue 10). Drafts are mutable
 * and may be incomplete; versions are immutable and valid. Every write is audited.
 *
 *   GET    /api/admin/forms                               -> { forms: AdminFormSummary[] }
 *   POST   /api/admin/forms                               CreateFormRequest -> 201 FormDraft
 *   GET    /api/admin/forms/templates                     -> { templates: FormTemplateSummary[] }
 *   POST   /api/admin/forms/import                        ImportRequest -> 200 ImportResult (saves nothing)
 *   GET    /api/admin/forms/{slug}/draft                  -> FormDraft (revision 0 = the published version, no draft yet; 404 no such form)
 *   PUT    /api/admin/forms/{slug}/draft                  SaveDraftRequest -> 200 FormDraft | 409 DraftConflict
 *   DELETE /api/admin/forms/{slug}/draft                  -> 204 (discards it)
 *   POST   /api/admin/forms/{slug}/draft/publish          PublishDraftRequest -> 200 PublishResult | 400 | 409
 *   GET    /api/admin/forms/{slug}/diff?from=&to=         (a version number or `draft`) -> FormDiff
 *   GET    /api/admin/forms/{slug}/impact?to=             (a version number or `draft`) -> FormImpact
 *   GET    /api/admin/forms/{slug}/versions/{v}/export    -> JsonFormsDocuments
 * (existing: GET versions, GET versions/{v}, POST versions/{v}/publish, POST rollback)
 */

const jsonObject = z.record(z.string(), z.unknown());
const fieldIssue = z.object({ field: z.string(), message: z.string() });

export const adminFormSummary = z.object({
  slug,
  title: z.record(z.string(), z.string()),
  defaultLocale: localeCode,
  locales: z.array(localeCode),
  workflow: z.string(),
  publishedVersion: z.optional(z.number().check(z.int())),
  publishedAt: z.optional(z.string()),
  latestVersion: z.optional(z.number().check(z.int())),
  draft: z.optional(
    z.object({ revision: z.number().check(z.int()), updatedAt: z.string(), updatedBy: z.string() }),
  ),
  /** Submissions received for the form, all versions. */
  submissions: z.number().check(z.int()),
  listed: z.boolean(),
});
export type AdminFormSummary = z.output<typeof adminFormSummary>;

export const createFormRequest = z.strictObject({
  slug,
  /** The form's default language. */
  locale: localeCode,
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  from: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('blank') }),
    z.strictObject({ kind: z.literal('copy'), slug }),
    z.strictObject({ kind: z.literal('template'), id: z.string().check(z.minLength(1)) }),
    z.strictObject({ kind: z.literal('import'), schema: jsonObject, uischema: z.optional(jsonObject) }),
  ]),
});
export type CreateFormRequest = z.output<typeof createFormRequest>;

export const formTemplateSummary = z.object({
  id: z.string(),
  title: z.record(z.string(), z.string()),
  description: z.record(z.string(), z.string()),
});

export const importRequest = z.strictObject({
  schema: jsonObject,
  /** Without one JSON Forms' generated default UI schema is used. */
  uischema: z.optional(jsonObject),
  locale: localeCode,
  slug: z.optional(slug),
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
});
/** The definition the import would save, and what stands in the way of publishing it. */
export const importResult = z.object({ definition: jsonObject, issues: z.array(fieldIssue) });

export const formDraft = z.object({
  slug,
  /**
   * Goes up by one on every save; a save names the revision it was edited from. A form with no
   * draft yet answers GET with its published version as revision 0, and a PUT with 0 creates it.
   */
  revision: z.number().check(z.int(), z.minimum(0)),
  /** A form definition, possibly incomplete or invalid while being edited. */
  definition: jsonObject,
  /** The version the draft started from, if any. */
  basedOn: z.optional(z.number().check(z.int())),
  updatedAt: z.string(),
  /** Who saved it last, as the console shows people (e-mail or name). */
  updatedBy: z.string(),
  /** What full validation says about it now: must be empty to publish. */
  issues: z.array(fieldIssue),
});
export type FormDraft = z.output<typeof formDraft>;

export const saveDraftRequest = z.strictObject({
  /** The revision the editor loaded; the save is refused with 409 if someone saved since. */
  revision: z.number().check(z.int(), z.minimum(0)),
  definition: jsonObject,
});

/** 409 body of a draft save or publish: who changed the draft in between, and the draft now. */
export const draftConflict = z.object({
  error: z.literal('conflict'),
  message: z.string(),
  draft: formDraft,
});

export const publishDraftRequest = z.strictObject({
  revision: z.number().check(z.int(), z.minimum(1)),
  /** Publish without these languages (e.g. ones whose translations are incomplete). */
  withoutLocales: z.optional(z.array(localeCode)),
});
export const publishResult = z.object({ version: z.number().check(z.int()), publishedAt: z.string() });
/**
 * 400 body of a publish that validation refuses: the issues, and per language the texts that
 * have no translation, so the editor can offer to publish without that language.
 */
export const publishRefused = z.object({
  error: z.literal('validation_failed'),
  message: z.string(),
  issues: z.array(fieldIssue),
  missingTranslations: z.record(localeCode, z.array(z.object({ key: z.string(), text: z.string() }))),
});

const textChange = z.object({
  key: z.string(),
  before: z.optional(z.string()),
  after: z.optional(z.string()),
});
const fieldChange = z.object({
  /** Data path without array indices, such as `address.city`. */
  path: z.string(),
  /** The field's label in the default language (after the change, or before for a removal). */
  label: z.string(),
  /** What changed, for a person: `type: string → number`, `required`, `options: -b`. */
  changes: z.array(z.string()),
});
export const formDiff = z.object({
  from: z.union([z.number().check(z.int()), z.literal('draft')]),
  to: z.union([z.number().check(z.int()), z.literal('draft')]),
  fields: z.object({
    added: z.array(fieldChange),
    removed: z.array(fieldChange),
    changed: z.array(fieldChange),
  }),
  /** Per locale, the texts that were added, removed or changed. */
  texts: z.record(localeCode, z.array(textChange)),
  /** Other changed parts, by top-level name: `settings`, `availability`, `locales`, `workflow`, … */
  other: z.array(z.object({ part: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type FormDiff = z.output<typeof formDiff>;

export const formImpact = z.object({
  /** The published version the change is measured against. */
  against: z.optional(z.number().check(z.int())),
  submissions: z.number().check(z.int()),
  breaking: z.array(
    z.object({
      path: z.string(),
      label: z.string(),
      change: z.enum(['removed', 'renamed', 'retyped', 'narrowed', 'newly-required']),
      detail: z.string(),
      /** Earlier submissions that hold an answer the change affects. */
      submissions: z.number().check(z.int()),
    }),
  ),
});
export type FormImpact = z.output<typeof formImpact>;

/** The two files of a JSON Forms form: they run in any JSON Forms host. */
export const jsonFormsDocuments = z.object({ schema: jsonObject, uischema: jsonObject });
