import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { NotFoundError } from '#shared/domain/errors.ts';
import { httpHandler } from '#shared/http/middleware.ts';
import { tokenHashOf } from './links.ts';
import { openPage } from './page.ts';
import type { PublicDeps } from './ports.ts';

const download = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
} as const;

/** One of the page owner's certificates; someone else's number is as unknown as a wrong one. */
async function ownCertificate(deps: PublicDeps, event: APIGatewayProxyEventV2) {
  const participant = await openPage(deps, tokenHashOf(event));
  const number = event.pathParameters?.number ?? '';
  const certificate = /^[A-Z0-9-]{1,40}$/.test(number)
    ? await deps.courses.getCertificate(number)
    : undefined;
  if (!certificate || certificate.participantId !== participant.participantId)
    throw new NotFoundError('You have no certificate with this number.');
  return certificate;
}

/** `GET /api/me/{token}/certificates/{number}/pdf`. */
export const meCertificatePdf = (deps: PublicDeps) =>
  httpHandler(async ({ event }) => {
    const certificate = await ownCertificate(deps, event);
    const pdf = await deps.certificatePdf(certificate);
    return {
      statusCode: 200,
      headers: {
        ...download,
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${certificate.number}.pdf"`,
      },
      body: Buffer.from(pdf).toString('base64'),
      isBase64Encoded: true,
    };
  });

/** `GET /api/me/{token}/certificates/{number}/credential`: the signed Open Badges 3.0 credential (VC-JWT). */
export const meCertificateCredential = (deps: PublicDeps) =>
  httpHandler(async ({ event }) => {
    const certificate = await ownCertificate(deps, event);
    return {
      statusCode: 200,
      headers: {
        ...download,
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${certificate.number}.credential.json"`,
      },
      body: JSON.stringify({ number: certificate.number, credential: certificate.credential }),
    };
  });
