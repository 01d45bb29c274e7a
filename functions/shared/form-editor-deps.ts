import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormAnswers } from './adapters/form-answers.ts';
import { dynamoFormStore } from './adapters/form-store.ts';
import { dynamoInboxQueries } from './adapters/inbox-queries.ts';
import { parseConfig } from './config.ts';
import type { DraftDeps } from './domain/form-drafts.ts';
import { organisation, tableName } from './env.ts';
import { formTemplates } from './forms/templates/index.ts';
import { organisationSettings } from './mail/branding.ts';

/** Wires the form editor's use cases to DynamoDB and the settings, once per cold start. */
export function formEditorDeps() {
  const config = parseConfig({ ...tableName, ...organisation });
  const client = documentClient();
  const settings = organisationSettings(client, config.TABLE_NAME, config.ORGANISATION_NAME);
  const deps: DraftDeps = {
    forms: dynamoFormStore(client, config.TABLE_NAME),
    now: () => new Date(),
    privacyUrl: async () => (await settings()).privacyUrl,
  };
  return {
    ...deps,
    deps,
    templates: formTemplates,
    answers: dynamoFormAnswers(client, config.TABLE_NAME),
    inbox: dynamoInboxQueries(client, config.TABLE_NAME),
  };
}
