import { randomUUID } from 'node:crypto';
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { dynamoAuditLog } from './adapters/audit-log.ts';
import { dynamoCourseStore } from './adapters/course-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormStore } from './adapters/form-store.ts';
import { dynamoInboxStore } from './adapters/inbox-store.ts';
import { dynamoSettingsReader } from './adapters/settings-store.ts';
import { dynamoStaffReader } from './adapters/staff-store.ts';
import { sfnClient } from './adapters/workflow.ts';
import { parseConfig } from './config.ts';
import { answerParticipant, type ParticipantEvent } from './course-events.ts';
import { stateMachineArnVariable } from './definitions/state-machines.ts';
import type { Participant } from './domain/course-model.ts';
import { DependencyError } from './domain/errors.ts';
import type { Caller } from './domain/staff.ts';
import { mail, tableName } from './env.ts';
import { organisationSettings } from './mail/branding.ts';

/** The course workflows (functions/shared/definitions/workflows) the console starts. */
type CourseMachine = 'volunteer-course' | 'course-certification';

/** Who an enrolment names: from the manual participant record or the application's inbox entry. */
export interface PersonView {
  readonly name: string;
  readonly email?: string;
  readonly locale: string;
  readonly source: 'form' | 'manual';
}

/** Wires the console's course routes to DynamoDB and Step Functions, once per cold start. */
export function courseAdminDeps() {
  const config = parseConfig({
    ...tableName,
    ORGANISATION_NAME: mail.ORGANISATION_NAME,
    PUBLIC_BASE_URL: mail.PUBLIC_BASE_URL,
  });
  const client = documentClient();
  const table = config.TABLE_NAME;
  const courses = dynamoCourseStore(client, table);
  const inbox = dynamoInboxStore(client, table);
  const settingsStore = dynamoSettingsReader(client, table);
  const settings = organisationSettings(client, table, config.ORGANISATION_NAME);
  const sfn = sfnClient();

  /** Starts an execution named so that a repeated request can never start a second one. */
  async function startExecution(machine: CourseMachine, name: string, input: unknown): Promise<void> {
    const stateMachineArn = process.env[stateMachineArnVariable(machine as never)];
    if (!stateMachineArn) throw new DependencyError(`The workflow ${machine} is not configured.`);
    try {
      await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }));
    } catch (error) {
      if (error instanceof ExecutionAlreadyExists) return;
      throw new DependencyError('The workflow could not be started; please try again shortly.', {
        cause: error,
      });
    }
  }

  async function personOf(participant: Participant | undefined, participantId: string): Promise<PersonView> {
    if (participant?.source === 'manual')
      return {
        name: [participant.firstName, participant.lastName].filter(Boolean).join(' ') || participantId,
        ...(participant.email ? { email: participant.email } : {}),
        locale: participant.locale,
        source: 'manual',
      };
    const entry = await inbox.getEntry(participantId);
    return {
      name: entry?.applicantName || participantId,
      ...(entry?.applicantEmail ? { email: entry.applicantEmail } : {}),
      locale: participant?.locale ?? entry?.locale ?? 'de',
      source: 'form',
    };
  }

  return {
    config,
    courses,
    forms: dynamoFormStore(client, table),
    staff: dynamoStaffReader(client, table),
    audit: dynamoAuditLog(client, table, async () => (await settings()).auditRetentionDays),
    actor: (caller: Caller) => ({ sub: caller.sub, username: caller.username }),
    organisation: async () => {
      const [current, logo] = await Promise.all([settings(), settingsStore.getLogo()]);
      return { name: current.name, logo };
    },
    startExecution,
    /** Wakes a participant's parked execution; false when nothing was parked. */
    wake: (participantId: string, event: ParticipantEvent) =>
      answerParticipant({ sfn, courses }, participantId, event),
    person: async (participantId: string) =>
      personOf(await courses.getParticipant(participantId), participantId),
    personOf,
    newParticipantId: () => `m-${randomUUID()}`,
    now: () => new Date(),
  };
}

export type CourseAdminDeps = ReturnType<typeof courseAdminDeps>;

let wired: CourseAdminDeps | undefined;
/** One wiring per cold start, shared by every route module of a dispatcher. */
export const courseAdmin = (): CourseAdminDeps => {
  wired ??= courseAdminDeps();
  return wired;
};
