import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { CourseStore } from '#shared/domain/course-model.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { tokenHashOf } from './links.ts';
import { openPage } from './page.ts';

/** Downloads from the own page: not cached, and their address not passed on to other sites. */
export const privateDownload = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

/**
 * One of the page owner's certificates; someone else's number is as unknown as a wrong one. Also
 * the PDF's route (functions/certificate-pdf), which is a function of its own.
 */
export async function ownCertificate(
  deps: { readonly courses: Pick<CourseStore, 'participantByPageToken' | 'getCertificate'> },
  event: APIGatewayProxyEventV2,
) {
  const participant = await openPage(deps, tokenHashOf(event));
  const number = event.pathParameters?.number ?? '';
  const certificate = /^[A-Z0-9-]{1,40}$/.test(number)
    ? await deps.courses.getCertificate(number)
    : undefined;
  if (!certificate || certificate.participantId !== participant.participantId)
    throw new NotFoundError('You have no certificate with this number.');
  return certificate;
}

/** `GET /api/me/{token}/certificates/{number}/credential`: the signed Open Badges 3.0 credential (VC-JWT). */
export const meCertificateCredential = (deps: Parameters<typeof ownCertificate>[0]) =>
  httpHandler(async ({ event }) => {
    const certificate = await ownCertificate(deps, event);
    return {
      statusCode: 200,
      headers: {
        ...privateDownload,
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${certificate.number}.credential.json"`,
      },
      body: JSON.stringify({ number: certificate.number, credential: certificate.credential }),
    };
  });
