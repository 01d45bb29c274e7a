import { describeAnswers } from '#shared/domain/answers.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { caseViewDeps } from '#shared/intake-deps.ts';
import { assertSubmissionInScope, staffStore } from '#shared/staff-access.ts';
import * as z from '#shared/zod.ts';

const deps = caseViewDeps();
const staff = staffStore();
const path = z.object({ submissionId: z.uuid() });

/** A counselling case with all answers, behind sign-in (the team's e-mail only links here). */
export const handler = httpHandler(async ({ event }) => {
  const { scope } = await authorize(event, ['admin', 'coordinator'], staff);
  const { submissionId } = parseOrThrow(path, event.pathParameters ?? {});
  const found = await deps.cases.get(submissionId);
  if (!found) throw new NotFoundError('There is no case with this id.');
  const { submission, definition, intake } = await deps.loadIntake(submissionId);
  assertSubmissionInScope(scope, submission.formSlug);
  const { taskToken: _token, ...visible } = found;
  return json(200, {
    ...visible,
    receiptNumber: submission.receiptNumber,
    receivedAt: submission.receivedAt,
    locale: submission.locale,
    answers: describeAnswers(definition, submission.data, intake.locale),
  });
});
