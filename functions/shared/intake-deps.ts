import { dynamoCaseReader, dynamoCaseStore } from './adapters/case-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormVersionReader } from './adapters/form-store.ts';
import { dynamoSubmissionReader } from './adapters/submission-store.ts';
import { approvalsDeps, submissionLoader } from './approvals-deps.ts';
import { parseConfig } from './config.ts';
import type { IntakeSettings } from './domain/intake.ts';
import { intakeSettingsSchema } from './domain/workflow-settings.ts';
import { tableName } from './env.ts';
import * as z from './zod.ts';

/** Intake steps share the approval wiring (submission, form, mailer, timeline) and add the case store. */
export function intakeDeps() {
  const base = approvalsDeps();
  return {
    ...base,
    cases: dynamoCaseStore(documentClient(), base.config.TABLE_NAME),
    loadIntake: intakeLoader(base.loadSubmission),
  };
}

/**
 * What showing a case needs (GET /api/admin/cases/{id}): the case, the submission and its form
 * version, through readers only, so that route's bundle holds no write.
 */
export function caseViewDeps() {
  const config = parseConfig(tableName);
  const client = documentClient();
  return {
    cases: dynamoCaseReader(client, config.TABLE_NAME),
    loadIntake: intakeLoader(
      submissionLoader(
        dynamoSubmissionReader(client, config.TABLE_NAME),
        dynamoFormVersionReader(client, config.TABLE_NAME),
      ),
    ),
  };
}

/** The submission, its form version and the form's intake settings. */
function intakeLoader(loadSubmission: ReturnType<typeof submissionLoader>) {
  return async (submissionId: string) => {
    // Intake forms have no approval settings, so only the submission part of the approval loading.
    const loaded = await loadSubmission(submissionId);
    const intake: IntakeSettings = z.parse(intakeSettingsSchema, loaded.definition.settings?.intake ?? {});
    return { ...loaded, intake };
  };
}
