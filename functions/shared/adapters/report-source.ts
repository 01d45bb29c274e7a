import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CourseStore } from '../domain/course-model.ts';
import type { ReportInput } from '../domain/course-report.ts';
import { inboxKeys } from '../domain/inbox.ts';
import { queryAll } from './dynamo.ts';

export type ReportRecords = Pick<
  ReportInput,
  'registrations' | 'approvals' | 'courses' | 'enrolments' | 'certificates'
>;

const BATCH_GET_LIMIT = 100;
/** Sorts after every `<receivedAt>#<id>` of the day, so `to` is inclusive. */
const END_OF_DAY = '~';

/**
 * Loads what the funders' report counts, by index queries only (never a scan): registrations from
 * the inbox projection (`receivedAt`), approvals from the approval items' `decidedAt` for entries
 * now approved, and the programmes' courses with their enrolments and certificates through the
 * CourseStore. Only ids, times and figures are read; no names or answers.
 */
export function dynamoReportSource(
  client: DynamoDBDocumentClient,
  tableName: string,
  courses: Pick<CourseStore, 'listCourses' | 'listEnrolments' | 'certificatesOfCourse'>,
) {
  async function registrations(formSlug: string, from: string, to: string) {
    const items = await queryAll(client, {
      TableName: tableName,
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': inboxKeys.byForm(formSlug),
        ':from': from,
        ':to': `${to}${END_OF_DAY}`,
      },
      ProjectionExpression: 'receivedAt',
    });
    return items.map((item) => ({ formSlug, receivedAt: String(item.receivedAt) }));
  }

  /**
   * An approval can come long after the registration, so every entry approved and received by the
   * period's end is read, then its decision time. Approval items expire with their submission;
   * an entry without one counts on the day it was received.
   */
  async function approvals(formSlug: string, to: string) {
    const entries = await queryAll(client, {
      TableName: tableName,
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :to',
      ExpressionAttributeValues: {
        ':pk': inboxKeys.byFormAndStatus(formSlug, 'approved'),
        ':to': `${to}${END_OF_DAY}`,
      },
      ProjectionExpression: 'submissionId, receivedAt',
    });
    const decided = await decisionTimes(entries.map((entry) => String(entry.submissionId)));
    return entries.map((entry) => ({
      formSlug,
      approvedAt: decided.get(String(entry.submissionId)) ?? String(entry.receivedAt),
    }));
  }

  async function decisionTimes(submissionIds: readonly string[]): Promise<Map<string, string>> {
    const times = new Map<string, string>();
    for (let i = 0; i < submissionIds.length; i += BATCH_GET_LIMIT) {
      let keys: Record<string, unknown>[] = submissionIds
        .slice(i, i + BATCH_GET_LIMIT)
        .map((id) => ({ pk: `SUBMISSION#${id}`, sk: 'APPROVAL' }));
      while (keys.length > 0) {
        const { Responses, UnprocessedKeys } = await client.send(
          new BatchGetCommand({
            RequestItems: {
              [tableName]: {
                Keys: keys,
                ProjectionExpression: 'submissionId, decidedAt, #decision',
                ExpressionAttributeNames: { '#decision': 'decision' },
              },
            },
          }),
        );
        for (const item of Responses?.[tableName] ?? [])
          if (item.decision === 'approve' && item.decidedAt)
            times.set(String(item.submissionId), String(item.decidedAt));
        keys = (UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
    return times;
  }

  /** Courses of these programmes created by the period's end, with everything counted about them. */
  async function courseRecords(forms: ReadonlySet<string>, to: string) {
    const all = (await courses.listCourses()).filter(
      (course) => forms.has(course.formSlug) && course.createdAt.slice(0, 10) <= to,
    );
    const [enrolments, certificates] = await Promise.all([
      Promise.all(all.map((course) => courses.listEnrolments(course.courseId))),
      Promise.all(all.map((course) => courses.certificatesOfCourse(course.courseId))),
    ]);
    return { courses: all, enrolments: enrolments.flat(), certificates: certificates.flat() };
  }

  return {
    async load(input: { forms: readonly string[]; from: string; to: string }): Promise<ReportRecords> {
      const [registered, approved, courseData] = await Promise.all([
        Promise.all(input.forms.map((slug) => registrations(slug, input.from, input.to))),
        Promise.all(input.forms.map((slug) => approvals(slug, input.to))),
        courseRecords(new Set(input.forms), input.to),
      ]);
      return { registrations: registered.flat(), approvals: approved.flat(), ...courseData };
    },
  };
}
