import { dynamoCaseStore } from './adapters/case-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { approvalsDeps } from './approvals-deps.ts';
import type { IntakeSettings } from './domain/intake.ts';
import { intakeSettingsSchema } from './domain/workflow-settings.ts';
import * as z from './zod.ts';

/** Intake steps share the approval wiring (submission, form, mailer, timeline) and add the case store. */
export function intakeDeps() {
  const base = approvalsDeps();
  return {
    ...base,
    cases: dynamoCaseStore(documentClient(), base.config.TABLE_NAME),
    async loadIntake(submissionId: string) {
      // Intake forms have no approval settings, so only the submission part of the approval loading.
      const loaded = await base.loadSubmission(submissionId);
      const intake: IntakeSettings = z.parse(intakeSettingsSchema, loaded.definition.settings?.intake ?? {});
      return { ...loaded, intake };
    },
  };
}
