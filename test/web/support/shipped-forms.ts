import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type FormDefinition,
  formDefinition,
  type PublishedForm,
} from '#shared/contracts/form-definition.ts';
import { toPublishedForm } from '#shared/domain/forms.ts';

const formsDir = join(import.meta.dirname, '..', '..', '..', 'forms');

/** Every form definition shipped in forms/*.json, parsed with the contract. */
export function shippedForms(): FormDefinition[] {
  return readdirSync(formsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => formDefinition.parse(JSON.parse(readFileSync(join(formsDir, file), 'utf8'))));
}

export function shippedForm(slug: string): FormDefinition {
  const found = shippedForms().find((form) => form.slug === slug);
  if (!found) throw new Error(`forms/${slug}.json is missing`);
  return found;
}

/** What GET /api/forms/{slug}?locale= answers for a definition, built by the server's own function. */
export function publishedFormOf(definition: FormDefinition, locale: string, version = 1): PublishedForm {
  return toPublishedForm(
    { slug: definition.slug, version, definition, createdAt: '2026-11-01T00:00:00.000Z', createdBy: 'test' },
    locale,
    'Lotse',
  );
}

/** The volunteer registration: the form the page is mostly tested with. */
export const REGISTRATION = 'integrationslotsen-registrierung';
