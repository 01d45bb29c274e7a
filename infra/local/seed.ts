import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentClient } from '../../functions/shared/adapters/dynamo.ts';
import { dynamoFormStore } from '../../functions/shared/adapters/form-store.ts';
import { publishVersion, saveDraft } from '../../functions/shared/domain/forms.ts';

/** Reads every forms/*.json file. */
export function readFormFiles(
  formsDir: string,
): Array<{ file: string; definition: { slug: string } & Record<string, unknown> }> {
  return readdirSync(formsDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: name, definition: JSON.parse(readFileSync(join(formsDir, name), 'utf8')) }));
}

/**
 * Seeds the default forms into an empty local database: a form that exists already is left alone,
 * so what an admin changed survives a restart. On AWS the same happens through the admin API
 * (`npm run forms -- seed`).
 */
export async function seedForms(formsDir: string, tableName: string): Promise<string[]> {
  const deps = { forms: dynamoFormStore(documentClient(), tableName), now: () => new Date() };
  const seeded: string[] = [];
  for (const { definition } of readFormFiles(formsDir)) {
    if (await deps.forms.getSummary(definition.slug)) continue;
    const saved = await saveDraft(deps, definition.slug, definition, 'seed');
    await publishVersion(deps, saved.slug, saved.version, 'seed');
    seeded.push(saved.slug);
  }
  return seeded;
}
