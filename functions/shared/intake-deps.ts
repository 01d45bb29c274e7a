import * as z from 'zod';
import { dynamoCaseStore } from './adapters/case-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { approvalsDeps } from './approvals-deps.ts';
import type { IntakeSettings } from './domain/intake.ts';

const email = z.email();
export const intakeSettingsSchema = z.object({
  teams: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        email,
        ageGroup: z.enum(['youth', 'adult']),
        languages: z.array(z.string()).optional(),
      }),
    )
    .min(1),
  youthAgeLimit: z.number().int().positive().default(27),
  pickupWithinHours: z.number().positive().default(48),
  escalationContact: email.optional(),
  ageField: z.string().default('age'),
  languagesField: z.string().default('languages'),
  topicField: z.string().default('topics'),
  locale: z.string().default('de'),
});

/** Intake steps share the approval wiring (submission, form, mailer, timeline) and add the case store. */
export function intakeDeps() {
  const base = approvalsDeps();
  return {
    ...base,
    cases: dynamoCaseStore(documentClient(), base.config.TABLE_NAME),
    async loadIntake(submissionId: string) {
      const loaded = await base.load(submissionId);
      const intake: IntakeSettings = intakeSettingsSchema.parse(loaded.definition.settings?.intake ?? {});
      return { ...loaded, intake };
    },
  };
}
