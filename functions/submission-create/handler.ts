import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { submissionRequest } from '#shared/contracts/form-definition.ts';
import { submit } from '#shared/domain/submissions.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';

const deps = formsDeps();

/**
 * Accepts a submission: checks the envelope, validates the answers against the form version the
 * page was rendered from, stores them once, and answers 202 with a receipt. The workflow starts
 * from the table's stream, so a slow or failing workflow service never loses a submission.
 */
export const handler = httpHandler(
  async ({ event, body }) => {
    const slug = event.pathParameters?.slug ?? '';
    const withKey = withIdempotencyKey(body, event.headers?.['idempotency-key']);
    const request = parseOrThrow(submissionRequest, withKey);
    const receipt = await submit(deps, slug, request, clientKey(event));
    return json(202, receipt);
  },
  { maxBodyBytes: 64 * 1024 },
);

/** An Idempotency-Key header stands in for a missing submissionId. */
function withIdempotencyKey(body: unknown, key: string | undefined): unknown {
  if (!key || !body || typeof body !== 'object' || Array.isArray(body) || 'submissionId' in body) return body;
  return { ...body, submissionId: key };
}

/** Behind CloudFront the viewer's address is the last X-Forwarded-For entry; locally, the socket's. */
function clientKey(event: APIGatewayProxyEventV2): string {
  const forwarded = event.headers?.['x-forwarded-for']
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? event.requestContext.http.sourceIp;
}
