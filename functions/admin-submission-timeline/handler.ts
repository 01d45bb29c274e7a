import { NotFoundError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { inboxViewDeps } from '#shared/inbox-read-deps.ts';
import { mailActions } from '#shared/mail-delivery.ts';
import { assertSubmissionInScope, staffStore } from '#shared/staff-access.ts';
import * as z from '#shared/zod.ts';

// Reads only: the inbox's DynamoDB wiring, without the approvals' SES and Step Functions clients.
const deps = inboxViewDeps();
const staff = staffStore();
const path = z.object({ submissionId: z.uuid() });

/** Events a person has to act on: mail that reached nobody, decisions and answers no workflow took. */
const NEEDS_STAFF = new Set<string>([
  ...Object.values(mailActions),
  'decision-undelivered',
  'answer-undelivered',
]);

/**
 * Every step of an application, with who and when, for coordinators and admins; `attention` lists
 * what needs a person (refused addresses, nobody reachable, decisions that came too late).
 */
export const handler = httpHandler(async ({ event }) => {
  const { scope } = await authorize(event, ['admin', 'coordinator'], staff);
  const { submissionId } = parseOrThrow(path, event.pathParameters ?? {});
  const submission = await deps.submissions.get(submissionId);
  if (!submission) throw new NotFoundError('There is no submission with this id.');
  assertSubmissionInScope(scope, submission.formSlug);
  const approval = await deps.approvals.get(submissionId);
  const events = await deps.timeline.listEvents(submissionId);
  return json(200, {
    submissionId,
    formSlug: submission.formSlug,
    formVersion: submission.formVersion,
    receiptNumber: submission.receiptNumber,
    receivedAt: submission.receivedAt,
    workflowStatus: submission.workflowStatus,
    approval: approval
      ? {
          status: approval.status,
          decision: approval.decision,
          decidedBy: approval.decidedBy,
          decidedAt: approval.decidedAt,
          ...(approval.lateDecision ? { lateDecision: approval.lateDecision } : {}),
        }
      : null,
    attention: events.filter((event) => NEEDS_STAFF.has(event.action)),
    timeline: [{ at: submission.receivedAt, action: 'received', actor: 'applicant' }, ...events],
  });
});
