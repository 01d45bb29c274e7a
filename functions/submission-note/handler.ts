import { noteRequest as request } from '#shared/contracts/inbox.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { submissionInScope, submissionPath } from '#shared/inbox-http.ts';
import { inboxReadDeps } from '#shared/inbox-read-deps.ts';

const deps = inboxReadDeps();

/** An internal note: staff only, kept in the timeline; the audit log records that, not what. */
export const handler = httpHandler(async ({ event, body }) => {
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { submissionId } = parseOrThrow(submissionPath, event.pathParameters ?? {});
  const { text } = parseOrThrow(request, body ?? {});
  await submissionInScope(deps.submissions, scope, submissionId);
  const at = deps.now().toISOString();
  const note = { at, action: 'note', actor: caller.username, detail: { text } };
  await deps.approvals.addEvent(submissionId, note);
  await deps.audit.record({
    at,
    actor: { sub: caller.sub, username: caller.username },
    action: 'submission.note',
    target: { type: 'submission', id: submissionId },
    details: { length: text.length },
  });
  return json(201, note);
});
