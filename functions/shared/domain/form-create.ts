import type { CreateFormRequest } from '../contracts/form-editor.ts';
import { ConflictError, ValidationError } from './errors.ts';
import { type DraftDeps, type Editor, loadDraft, type StoredDraft } from './form-drafts.ts';
import { importJsonForms } from './form-import.ts';

type Json = Record<string, unknown>;

/** A starting point for a new form (volunteer registration, counselling intake, …). */
export interface FormTemplate {
  readonly id: string;
  readonly title: Record<string, string>;
  readonly description: Record<string, string>;
  readonly definition: Json;
}

/** What a new form holds before anyone adds a field: valid apart from needing a field or two. */
export function blankDefinition(slug: string, locale: string, title: string): Json {
  return {
    slug,
    defaultLocale: locale,
    locales: [locale],
    title: { [locale]: title },
    workflow: 'submission-received',
    consent: { version: '1' },
    retentionDays: 365,
    schema: { type: 'object', properties: {}, required: [] },
    uischema: { type: 'VerticalLayout', elements: [] },
    translations: {},
  };
}

/** Another form's content under a new slug and title; its languages stay, the new default first. */
function retitled(source: Json, slug: string, locale: string, title: string): Json {
  const locales = Array.isArray(source.locales) ? source.locales.map(String) : [];
  return {
    ...structuredClone(source),
    slug,
    defaultLocale: locale,
    locales: locales.includes(locale) ? locales : [locale, ...locales],
    title: { [locale]: title },
  };
}

async function startingPoint(
  deps: DraftDeps,
  request: CreateFormRequest,
  templates: readonly FormTemplate[],
): Promise<Json> {
  const { slug, locale, title, from } = request;
  switch (from.kind) {
    case 'blank':
      return blankDefinition(slug, locale, title);
    case 'copy':
      return retitled((await loadDraft(deps, from.slug)).definition, slug, locale, title);
    case 'template': {
      const template = templates.find((candidate) => candidate.id === from.id);
      if (!template)
        throw new ValidationError([
          {
            field: 'from.id',
            message: `is not a template; there are ${templates.map((t) => t.id).join(', ')}`,
          },
        ]);
      return retitled(template.definition, slug, locale, title);
    }
    case 'import':
      return importJsonForms({ schema: from.schema, uischema: from.uischema, locale, slug, title });
  }
}

/** Creates a new form as a draft (revision 1); nothing is published. */
export async function createForm(
  deps: DraftDeps,
  request: CreateFormRequest,
  editor: Editor,
  templates: readonly FormTemplate[],
): Promise<StoredDraft> {
  const definition = await startingPoint(deps, request, templates);
  deps.forms.checkSize(definition, editor.name);
  const now = deps.now().toISOString();
  const draft: StoredDraft = {
    slug: request.slug,
    revision: 1,
    definition,
    updatedAt: now,
    updatedBy: editor.name,
    // The first save after creating is audited too: form.create says nothing of what was edited.
    auditedSaves: {},
  };
  if (!(await deps.forms.createForm(draft)))
    throw new ConflictError(`There is already a form ${request.slug}; choose another address (slug).`);
  return draft;
}
