import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormAnswers } from './adapters/form-answers.ts';
import { dynamoFormReader, dynamoFormStore } from './adapters/form-store.ts';
import { dynamoInboxQueries } from './adapters/inbox-queries.ts';
import { parseConfig } from './config.ts';
import type { FormReader } from './domain/form-drafts.ts';
import { organisation, tableName } from './env.ts';
import { formTemplates } from './forms/templates/index.ts';
import { organisationSettings } from './mail/branding.ts';

/** Wires the form editor's use cases to DynamoDB and the settings, once per cold start. */
export function formEditorDeps() {
  return editorWiring(dynamoFormStore);
}

/** The same for the editor's showing routes: forms read through the reader, so they hold no write. */
export function formEditorReadDeps() {
  return editorWiring(dynamoFormReader);
}

function editorWiring<Forms extends FormReader>(
  formsOf: (client: DynamoDBDocumentClient, tableName: string) => Forms,
) {
  const config = parseConfig({ ...tableName, ...organisation });
  const client = documentClient();
  const settings = organisationSettings(client, config.TABLE_NAME, config.ORGANISATION_NAME);
  const deps = {
    forms: formsOf(client, config.TABLE_NAME),
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
