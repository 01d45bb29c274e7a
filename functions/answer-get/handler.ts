import { openLink } from '#shared/action-link.ts';
import { approvalLinkDeps } from '#shared/approvals-deps.ts';
import { privateHeaders } from '#shared/decision-view.ts';
import { LinkUnknownError } from '#shared/domain/approvals.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const deps = approvalLinkDeps();

/** What the applicant's answer link shows: the question. Reading changes nothing. */
export const handler = httpHandler(async ({ event }) => {
  const token = await openLink(deps, event, 'answer');
  const approval = await deps.approvals.get(token.submissionId);
  if (!approval) throw new LinkUnknownError('This link is not valid.');
  const { submission, titleIn } = await deps.load(token.submissionId);
  return json(
    200,
    {
      status: token.usedAt ? 'answered' : approval.status === 'expired' ? 'expired' : 'open',
      locale: submission.locale,
      formTitle: titleIn(submission.locale),
      question: approval.question ?? '',
    },
    privateHeaders,
  );
});
