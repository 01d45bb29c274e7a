import { NotFoundError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { submissionInScope, submissionPath } from '#shared/inbox-http.ts';
import { inboxViewDeps } from '#shared/inbox-read-deps.ts';

const deps = inboxViewDeps();

/**
 * An application in full for staff: the answers as submitted with the exact form version's
 * definition (so the console renders them read-only as the applicant saw them), the applicant's
 * language, the consent given, the approval or case, the assignee, the notes and the timeline.
 * Task tokens stay on the server.
 */
export const handler = httpHandler(async ({ event }) => {
  const { scope } = await authorize(event, ['admin', 'coordinator', 'viewer'], deps.staff);
  const { submissionId } = parseOrThrow(submissionPath, event.pathParameters ?? {});
  const submission = await submissionInScope(deps.submissions, scope, submissionId);
  const [version, approval, intakeCase, entry, events] = await Promise.all([
    deps.forms.getVersion(submission.formSlug, submission.formVersion),
    deps.approvals.get(submissionId),
    deps.cases.get(submissionId),
    deps.inbox.getEntry(submissionId),
    deps.timeline.listEvents(submissionId),
  ]);
  if (!version) throw new NotFoundError('The form version of this application is gone.');
  const { taskToken: _a, ...approvalView } = approval ?? {};
  const { taskToken: _c, ...caseView } = intakeCase ?? {};
  return json(200, {
    submissionId,
    receiptNumber: submission.receiptNumber,
    formSlug: submission.formSlug,
    formVersion: submission.formVersion,
    workflow: submission.workflow,
    receivedAt: submission.receivedAt,
    locale: submission.locale,
    consent: submission.consent,
    answers: submission.data,
    form: version.definition,
    status: entry?.status ?? 'new',
    step: entry?.step ?? 'received',
    applicant: {
      ...(entry?.applicantName ? { name: entry.applicantName } : {}),
      ...(entry?.applicantEmail ? { email: entry.applicantEmail } : {}),
    },
    assignee: entry?.assignee ?? null,
    approval: approval ? approvalView : null,
    case: intakeCase ? caseView : null,
    notes: events.filter((event) => event.action === 'note'),
    timeline: [{ at: submission.receivedAt, action: 'received', actor: 'applicant' }, ...events],
  });
});
