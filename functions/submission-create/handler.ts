import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { VIEWER_ADDRESS_HEADER } from '#definitions/origin-secret.ts';
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
  async ({ event, body, originVerified }) => {
    const slug = event.pathParameters?.slug ?? '';
    const withKey = withIdempotencyKey(body, event.headers?.['idempotency-key']);
    const request = localized(() => parseOrThrow(submissionRequest, withKey), withKey);
    const receipt = await submit(deps, slug, request, clientKey(event, originVerified));
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
 * The viewer's address as CloudFront saw it: the CloudFront Function ViewerAddress writes it into
 * x-lotse-viewer-ip, overwriting whatever the viewer sent, and only a request that carried the
 * origin secret can have come through CloudFront. Without that proof (the check is off, in unit
 * tests) the header could be anyone's, so the socket's address counts.
 */
function clientKey(event: APIGatewayProxyEventV2, originVerified: boolean): string {
  const viewer = originVerified ? event.headers?.[VIEWER_ADDRESS_HEADER] : undefined;
  return viewer || event.requestContext.http.sourceIp;
}
