import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { submissionRequest } from '#shared/contracts/form-definition.ts';
import { ValidationError } from '#shared/domain/errors.ts';
import { submit } from '#shared/domain/submissions.ts';
import { formsDeps } from '#shared/forms-deps.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { message } from '#shared/i18n/messages.ts';

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
    const request = localized(() => parseOrThrow(submissionRequest, withKey), withKey);
    const receipt = await submit(deps, slug, request, clientKey(event));
    return json(202, receipt);
  },
  { maxBodyBytes: 64 * 1024 },
);

/** Envelope problems in the visitor's language where a person can act on them; the rest stay technical. */
function localized<T>(parse: () => T, body: unknown): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const locale =
      typeof (body as { locale?: unknown })?.locale === 'string' ? (body as { locale: string }).locale : 'de';
    const issues = error.issues.map((issue) => {
      if (issue.field.startsWith('consent'))
        return { field: issue.field, message: message('consentRequired', locale) };
      if (issue.field === 'website') return { field: issue.field, message: message('botSuspected', locale) };
      return issue;
    });
    throw new ValidationError(issues);
  }
}

/** An Idempotency-Key header stands in for a missing submissionId. */
function withIdempotencyKey(body: unknown, key: string | undefined): unknown {
  if (!key || !body || typeof body !== 'object' || Array.isArray(body) || 'submissionId' in body) return body;
  return { ...body, submissionId: key };
}

/**
 * Behind CloudFront the viewer's address arrives in x-lotse-viewer-ip (set by a CloudFront Function,
 * overwriting whatever the viewer sent); otherwise the last X-Forwarded-For entry, or the socket's.
 */
function clientKey(event: APIGatewayProxyEventV2): string {
  const viewer = event.headers?.['x-lotse-viewer-ip'];
  if (viewer) return viewer;
  const forwarded = event.headers?.['x-forwarded-for']
    ?.split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? event.requestContext.http.sourceIp;
}
