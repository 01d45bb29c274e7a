import type { FormDraft } from '../contracts/form-editor.ts';
import type { DraftSummary } from './draft-summary.ts';
import { ConflictError, type FieldIssue, NotFoundError } from './errors.ts';
import { foldDefaultTexts } from './form-fold.ts';
import { validateFormDefinition } from './form-validation.ts';
import type { FormDeps, FormStore, FormSummary } from './forms.ts';

type Json = Record<string, unknown>;

/** The one mutable copy of a form being edited; versions stay immutable. */
export interface StoredDraft {
  readonly slug: string;
  readonly revision: number;
  readonly definition: Json;
  readonly basedOn?: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** When each admin's saves (by sub) were last written to the audit log. */
  readonly auditedSaves: Readonly<Record<string, string>>;
}

/** What the forms list shows of a draft, without reading its definition. */
export type DraftHeader = Pick<StoredDraft, 'slug' | 'revision' | 'updatedAt' | 'updatedBy'> & {
  readonly summary: DraftSummary;
};

export interface FormDraftStore {
  getDraft(slug: string): Promise<StoredDraft | undefined>;
  /** Writes the draft if the stored one has revision `expected` (0: there is none); false otherwise. */
  putDraft(draft: StoredDraft, expected: number): Promise<boolean>;
  /** Creates a new form with this draft as its only content; false when the slug is taken. */
  createForm(draft: StoredDraft): Promise<boolean>;
  /** Removes the draft; a form that never had a version goes with it. */
  deleteDraft(slug: string): Promise<void>;
  /** Every form, published or not. */
  listForms(): Promise<FormSummary[]>;
  draftHeaders(slugs: readonly string[]): Promise<Map<string, DraftHeader>>;
}

/** Every read of forms, their versions and drafts: all that the editor's showing routes need. */
export type FormReader = Pick<FormStore, 'getVersion' | 'getSummary' | 'listPublished' | 'listVersions'> &
  Pick<FormDraftStore, 'getDraft' | 'listForms' | 'draftHeaders'>;

export interface DraftReadDeps {
  readonly forms: FormReader;
  readonly now: () => Date;
  /** The organisation's privacy page from the settings, used by forms that name none. */
  readonly privacyUrl: () => Promise<string | undefined>;
}

export interface DraftDeps extends DraftReadDeps, FormDeps {
  readonly forms: FormStore & FormDraftStore;
}

/** Who edits, as the audit log (sub) and the console (e-mail or name) know them. */
export interface Editor {
  readonly sub: string;
  readonly name: string;
}

/** A save or publish named a revision someone else has saved over; carries the draft as it is now. */
export class DraftConflictError extends ConflictError {
  constructor(readonly draft: FormDraft) {
    super(
      `${draft.updatedBy} changed this draft at ${draft.updatedAt} (revision ${draft.revision}). Load their version and apply your change again.`,
    );
  }
}

/** A draft save is audited at most once per admin and form in this time, so autosave does not flood the log. */
export const DRAFT_AUDIT_INTERVAL_MS = 10 * 60 * 1000;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What stands between a definition and publishing it: full validation, its slug, a privacy page. */
export async function draftIssues(
  deps: DraftReadDeps,
  slug: string,
  definition: Json,
): Promise<FieldIssue[]> {
  const checked = validateFormDefinition(definition);
  const issues = checked.ok ? [] : [...checked.issues];
  if (definition.slug !== slug && !issues.some((issue) => issue.field === 'slug'))
    issues.push({ field: 'slug', message: `must be "${slug}", the form this draft belongs to` });
  const consent = isObject(definition.consent) ? definition.consent : {};
  if (!consent.privacyUrl && !(await deps.privacyUrl()))
    issues.push({
      field: 'consent.privacyUrl',
      message:
        'is missing: the form names no privacy page and the organisation settings have none either; add one here or in the settings',
    });
  return issues;
}

export async function toFormDraft(deps: DraftReadDeps, draft: StoredDraft): Promise<FormDraft> {
  return {
    slug: draft.slug,
    revision: draft.revision,
    definition: draft.definition,
    ...(draft.basedOn === undefined ? {} : { basedOn: draft.basedOn }),
    updatedAt: draft.updatedAt,
    updatedBy: draft.updatedBy,
    issues: await draftIssues(deps, draft.slug, draft.definition),
  };
}

/** The draft, or, for a form without one, its published (else latest) version as revision 0. */
export async function loadDraft(deps: DraftReadDeps, slug: string): Promise<StoredDraft> {
  const draft = await deps.forms.getDraft(slug);
  if (draft) return draft;
  const summary = await deps.forms.getSummary(slug);
  const versionNumber = summary?.publishedVersion ?? (summary?.latestVersion || undefined);
  const version = versionNumber === undefined ? undefined : await deps.forms.getVersion(slug, versionNumber);
  if (!version) throw new NotFoundError(`There is no form ${slug}.`);
  return {
    slug,
    revision: 0,
    // The editor edits the documents: an older form's default-language translations move into them.
    definition: foldDefaultTexts(version.definition) as unknown as Json,
    basedOn: version.version,
    updatedAt: version.createdAt,
    updatedBy: version.createdBy,
    auditedSaves: {},
  };
}

/**
 * Saves the editor's definition over revision `revision`, even when it is not valid yet (its
 * issues say why); refused with the current draft when someone saved in between. `audit` says
 * whether this save should be written to the audit log.
 */
export async function saveFormDraft(
  deps: DraftDeps,
  slug: string,
  request: { revision: number; definition: Json },
  editor: Editor,
): Promise<{ draft: StoredDraft; audit: boolean }> {
  deps.forms.checkSize(request.definition, editor.name);
  const current = await loadDraft(deps, slug);
  if (current.revision !== request.revision) throw new DraftConflictError(await toFormDraft(deps, current));
  const now = deps.now();
  const lastAudited = current.auditedSaves[editor.sub];
  const audit = !lastAudited || now.getTime() - Date.parse(lastAudited) >= DRAFT_AUDIT_INTERVAL_MS;
  const next: StoredDraft = {
    ...current,
    revision: current.revision + 1,
    definition: request.definition,
    updatedAt: now.toISOString(),
    updatedBy: editor.name,
    auditedSaves: audit ? { ...current.auditedSaves, [editor.sub]: now.toISOString() } : current.auditedSaves,
  };
  if (!(await deps.forms.putDraft(next, request.revision))) {
    throw new DraftConflictError(await toFormDraft(deps, await loadDraft(deps, slug)));
  }
  return { draft: next, audit };
}

/** Discards the draft; the published version stays as it is. */
export async function discardDraft(deps: DraftDeps, slug: string): Promise<StoredDraft> {
  const draft = await deps.forms.getDraft(slug);
  if (!draft) throw new NotFoundError(`Form ${slug} has no draft.`);
  await deps.forms.deleteDraft(slug);
  return draft;
}
