import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FunctionId } from './functions.ts';

/**
 * Every state machine of Lotse. Each definition is an ASL file (JSONPath) in ./workflows that
 * refers to Lambda functions only through `${<Name>FunctionArn}` substitutions; CDK fills them
 * with the deployed ARNs, the local engine with local ARNs that it routes to the same handlers.
 */
export interface StateMachineDefinition {
  /** File name in functions/shared/definitions/workflows. */
  readonly file: string;
  readonly description: string;
  /** Functions the definition invokes; CDK grants invoke on exactly these. */
  readonly invokes: readonly FunctionId[];
}

export const stateMachines = {
  'system-check': {
    file: 'system-check.asl.json',
    description: 'Proves that data, workflows and mail work: sends a code by e-mail and waits for it',
    invokes: ['system-check-send-mail', 'system-check-record-outcome'],
  },
  'submission-received': {
    file: 'submission-received.asl.json',
    description: 'Default workflow of a submission: confirms receipt to the submitter',
    invokes: ['submission-send-confirmation'],
  },
  'volunteer-onboarding': {
    file: 'volunteer-onboarding.asl.json',
    description:
      'Approval by e-mail with reminders, escalation, expiry and questions; the outcome to the applicant',
    invokes: [
      'approval-prepare',
      'approval-request',
      'approval-ask-applicant',
      'approval-outcome',
      'approval-expire',
      'course-step',
    ],
  },
  'counselling-intake': {
    file: 'counselling-intake.asl.json',
    description:
      'Counselling intake: routing by age and language, team notification, acknowledgement, escalation',
    invokes: [
      'intake-route',
      'intake-notify-team',
      'intake-acknowledge',
      'intake-await-pickup',
      'intake-mark-unassigned',
    ],
  },
  'volunteer-course': {
    file: 'volunteer-course.asl.json',
    description:
      "A volunteer's path to a course: offers holding a seat, waiting list, reminders, changes, certification",
    invokes: ['course-step'],
  },
  'course-certification': {
    file: 'course-certification.asl.json',
    description: "Certifies a course's participants: certificates, credentials, mails; then marks it done",
    invokes: ['course-certify', 'course-step'],
  },
} as const satisfies Record<string, StateMachineDefinition>;

export type StateMachineId = keyof typeof stateMachines;

export const stateMachineIds = Object.keys(stateMachines) as StateMachineId[];

export const workflowPath = (id: StateMachineId): string =>
  fileURLToPath(new URL(`./workflows/${stateMachines[id].file}`, import.meta.url));

export const readWorkflow = (id: StateMachineId): string => readFileSync(workflowPath(id), 'utf8');

/** Environment variable through which handlers learn a state machine's ARN. */
export const stateMachineArnVariable = (id: StateMachineId): string =>
  `${id.toUpperCase().replaceAll('-', '_')}_STATE_MACHINE_ARN`;

/** Replaces `${Key}` placeholders the way Step Functions' DefinitionSubstitutions does. */
export const substitute = (definition: string, values: Readonly<Record<string, string>>): string =>
  definition.replace(/\$\{([A-Za-z0-9_]+)\}/g, (match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No substitution for ${match} in state machine definition`);
    return value;
  });
