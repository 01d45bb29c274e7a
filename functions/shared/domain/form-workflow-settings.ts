import { functions } from '../definitions/functions.ts';
import * as z from '../zod.ts';
import { approvalSettings, commonSettings, intakeSettings, type ObjectFactory } from './workflow-settings.ts';

/*
 * The settings a form may give the workflow it names, checked strictly (workflow-settings.ts says
 * why). Apart from the tasks' schemas because only form validation needs it, and it reads the
 * function definitions, which a workflow task's bundle has no use for.
 */

/** The workflows a submission can start: exactly those submission-workflow-start may start. */
export const submissionWorkflows = functions['submission-workflow-start'].access.startExecution;
export type SubmissionWorkflow = (typeof submissionWorkflows)[number];

function settingsSchemas(object: ObjectFactory) {
  return {
    'submission-received': object(commonSettings),
    'volunteer-onboarding': object({ ...commonSettings, approval: z.prefault(approvalSettings(object), {}) }),
    'counselling-intake': object({ ...commonSettings, intake: intakeSettings(object) }),
  } satisfies Record<SubmissionWorkflow, z.ZodMiniType>;
}

/** What a form is checked against: the same rules, and unknown keys are refused. */
const strictSchemas = settingsSchemas(z.strictObject as unknown as ObjectFactory);

export const isSubmissionWorkflow = (workflow: string): workflow is SubmissionWorkflow =>
  (submissionWorkflows as readonly string[]).includes(workflow);

/** The strict settings schema of a workflow a form may name, or undefined for any other name. */
export const formSettingsSchema = (workflow: string): z.ZodMiniType | undefined =>
  isSubmissionWorkflow(workflow) ? strictSchemas[workflow] : undefined;
