import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormAnswers } from './adapters/form-answers.ts';
import { dynamoFormStore } from './adapters/form-store.ts';
import { dynamoInboxQueries } from './adapters/inbox-queries.ts';
import { parseConfig } from './config.ts';
import type { FormTemplate } from './domain/form-create.ts';
import { blankDefinition } from './domain/form-create.ts';
import type { DraftDeps } from './domain/form-drafts.ts';
import { organisation, tableName } from './env.ts';
import { organisationSettings } from './mail/branding.ts';

/*
 * Stand-in until functions/shared/forms/templates/index.ts lands on main: the merge replaces this
 * constant with `formTemplates` from there (same shape).
 */
const formTemplates: readonly FormTemplate[] = [
  {
    id: 'blank-feedback',
    title: { de: 'Kurze Rückmeldung', en: 'Short feedback' },
    description: { de: 'Ein Feld für eine Rückmeldung.', en: 'One field for feedback.' },
    definition: {
      ...blankDefinition('template', 'de', 'Rückmeldung'),
      schema: {
        type: 'object',
        properties: { feedback: { type: 'string', title: 'Ihre Rückmeldung', maxLength: 2000 } },
        required: ['feedback'],
      },
      uischema: {
        type: 'VerticalLayout',
        elements: [{ type: 'Control', scope: '#/properties/feedback', options: { multi: true } }],
      },
    },
  },
];

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
