import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { privateHeaders } from '#shared/decision-view.ts';
import {
  assertSameSite,
  checkToken,
  hashToken,
  LinkUnknownError,
  looksLikeToken,
} from '#shared/domain/approvals.ts';
import { ConflictError } from '#shared/domain/errors.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';

const deps = approvalsDeps();
const answerRequest = z.strictObject({ answer: z.string().trim().min(1).max(4000) });

/** The applicant answers the coordinator's question (same-origin POST, single use); the decision continues. */
export const handler = httpHandler(async ({ event, body }) => {
  assertSameSite(event.headers?.origin, event.headers?.['sec-fetch-site'], deps.config.PUBLIC_BASE_URL);
  const raw = event.pathParameters?.token ?? '';
  if (!looksLikeToken(raw)) throw new LinkUnknownError('This link is not valid.');
  const now = deps.now().toISOString();
  const token = checkToken(await deps.approvals.getToken(hashToken(raw)), 'answer', deps.now());
  const { answer } = parseOrThrow(answerRequest, body ?? {});
  if (token.usedAt) throw new ConflictError('This question has been answered already.');
  const approval = await deps.approvals.get(token.submissionId);
  if (!approval?.taskToken || approval.waitingFor !== 'answer')
    throw new ConflictError('No question is waiting for an answer.');
  if (!(await deps.approvals.useToken(token.tokenHash, now)))
    throw new ConflictError('This question has been answered already.');
  if (!(await deps.approvals.answer(token.submissionId, answer, now)))
    throw new ConflictError('No question is waiting for an answer.');
  await deps.sfn.send(
    new SendTaskSuccessCommand({ taskToken: approval.taskToken, output: JSON.stringify({ answered: true }) }),
  );
  await deps.approvals.addEvent(token.submissionId, {
    at: now,
    action: 'question-answered',
    actor: 'applicant',
  });
  return json(200, { status: 'answered' }, privateHeaders);
});
