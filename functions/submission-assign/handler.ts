import { assigneeRequest as request } from '#shared/contracts/inbox.ts';
import { ConflictError, ValidationError } from '#shared/domain/errors.ts';
import type { Assignee } from '#shared/domain/inbox.ts';
import { type Caller, EVERY_FORM } from '#shared/domain/staff.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { submissionInScope, submissionPath } from '#shared/inbox-http.ts';
import { inboxReadDeps } from '#shared/inbox-read-deps.ts';

const deps = inboxReadDeps();

/**
 * Assigns an application to a staff member who works on its form (or to oneself), or clears the
 * assignment. Shown in the timeline and recorded in the audit log.
 */
export const handler = httpHandler(async ({ event, body }) => {
  const { caller, scope } = await authorize(event, ['admin', 'coordinator'], deps.staff);
  const { submissionId } = parseOrThrow(submissionPath, event.pathParameters ?? {});
  const { sub } = parseOrThrow(request, body ?? {});
  const submission = await submissionInScope(deps.submissions, scope, submissionId);
  const to = sub === null ? null : await assigneeFor(caller, sub, submission.formSlug);
  const at = deps.now().toISOString();
  const previous = await deps.inbox.assign(submissionId, to, at);
  if (previous === false)
    throw new ConflictError('This application is not in the inbox yet; please try again in a moment.');
  await deps.approvals.addEvent(submissionId, {
    at,
    action: to ? 'assigned' : 'unassigned',
    actor: caller.username,
    ...(to ? { detail: { to: to.username } } : {}),
  });
  await deps.audit.record({
    at,
    actor: { sub: caller.sub, username: caller.username },
    action: 'submission.assign',
    target: { type: 'submission', id: submissionId },
    before: { sub: previous?.sub ?? null },
    after: { sub: to?.sub ?? null },
  });
  return json(200, { submissionId, assignee: to });
});

/** Oneself, or someone active who works on the form; anyone else is a 400 naming `sub`. */
async function assigneeFor(caller: Caller, sub: string, formSlug: string): Promise<Assignee> {
  if (sub === caller.sub) return { sub, username: caller.username };
  const profile = await deps.staff.get(sub);
  const works = profile?.forms.includes(formSlug) || profile?.forms.includes(EVERY_FORM);
  if (!profile || profile.disabled || !works)
    throw new ValidationError([{ field: 'sub', message: 'is not an active staff member of this form' }]);
  return { sub, username: profile.username };
}
