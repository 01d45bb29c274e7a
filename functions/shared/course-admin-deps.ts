import { randomUUID } from 'node:crypto';
import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoAuditLog } from './adapters/audit-log.ts';
import { type CourseReader, dynamoCourseReader, dynamoCourseStore } from './adapters/course-store.ts';
import { documentClient } from './adapters/dynamo.ts';
import { dynamoFormStore } from './adapters/form-store.ts';
import { dynamoInboxReader } from './adapters/inbox-store.ts';
import { dynamoStaffReader } from './adapters/staff-store.ts';
import { sfnClient } from './adapters/workflow.ts';
import { parseConfig } from './config.ts';
import { answerParticipant, type ParticipantEvent } from './course-events.ts';
import { stateMachineArnVariable } from './definitions/state-machines.ts';
import type { Participant } from './domain/course-model.ts';
import { DependencyError } from './domain/errors.ts';
import type { Caller } from './domain/staff.ts';
import { site, tableName } from './env.ts';
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

/**
 * What the console's showing and changing course routes share, over the course store or its
 * reader: the courses, staff, the organisation's settings and who an enrolment names.
 */
function courseWiring<Courses extends CourseReader>(
  coursesOf: (client: DynamoDBDocumentClient, tableName: string) => Courses,
) {
  const config = parseConfig({ ...tableName, ...site });
  const client = documentClient();
  const table = config.TABLE_NAME;
  const courses = coursesOf(client, table);
  const inbox = dynamoInboxReader(client, table);
  const settings = organisationSettings(client, table, config.ORGANISATION_NAME);

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
    client,
    settings,
    deps: {
      config,
      courses,
      staff: dynamoStaffReader(client, table),
      person: async (participantId: string) =>
        personOf(await courses.getParticipant(participantId), participantId),
      personOf,
      now: () => new Date(),
    },
  };
}

/** Wires the console's showing course routes to DynamoDB through readers only, once per cold start. */
export function courseAdminReadDeps() {
  return courseWiring(dynamoCourseReader).deps;
}

export type CourseAdminReadDeps = ReturnType<typeof courseAdminReadDeps>;

/** Wires the console's course routes to DynamoDB and Step Functions, once per cold start. */
export function courseAdminDeps() {
  const { client, settings, deps } = courseWiring(dynamoCourseStore);
  const table = deps.config.TABLE_NAME;
  const courses = deps.courses;
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

  return {
    ...deps,
    forms: dynamoFormStore(client, table),
    audit: dynamoAuditLog(client, table, async () => (await settings()).auditRetentionDays),
    actor: (caller: Caller) => ({ sub: caller.sub, username: caller.username }),
    startExecution,
    /** Wakes a participant's parked execution; false when nothing was parked. */
    wake: (participantId: string, event: ParticipantEvent) =>
      answerParticipant({ sfn, courses }, participantId, event),
    newParticipantId: () => `m-${randomUUID()}`,
  };
}

export type CourseAdminDeps = ReturnType<typeof courseAdminDeps>;

let wired: CourseAdminDeps | undefined;
/** One wiring per cold start, shared by every route module of a dispatcher. */
export const courseAdmin = (): CourseAdminDeps => {
  wired ??= courseAdminDeps();
  return wired;
};

let read: CourseAdminReadDeps | undefined;
/** The same for the showing routes: one read-only wiring per cold start. */
export const courseAdminReader = (): CourseAdminReadDeps => {
  read ??= courseAdminReadDeps();
  return read;
};
