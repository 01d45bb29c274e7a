import { revokeCertificateRequest } from '#shared/contracts/courses.ts';
import { courseAdmin } from '#shared/course-admin-deps.ts';
import { certificatePath, parseParams } from '#shared/course-admin-http.ts';
import { ConflictError, NotFoundError } from '#shared/domain/errors.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';
import { parseOrThrow } from '#shared/http/zod-issues.ts';
import { toCertificateView } from '../course-admin-read/certificate-view.ts';

/** Revokes a certificate with a reason (admins only); the verification page says revoked from now on. */
export const handler = httpHandler(async ({ event, body }) => {
  const deps = courseAdmin();
  const { caller } = await authorize(event, ['admin'], deps.staff);
  const { number } = parseParams(certificatePath, event.pathParameters);
  const { reason } = parseOrThrow(revokeCertificateRequest, body);
  const certificate = await deps.courses.getCertificate(number);
  if (!certificate) throw new NotFoundError('There is no certificate with this number.');
  if (certificate.status === 'revoked')
    throw new ConflictError(`This certificate was revoked on ${certificate.revokedAt}.`);
  const at = deps.now().toISOString();
  await deps.courses.revokeCertificate(number, { reason, by: caller.email ?? caller.username, at });
  await deps.audit.record({
    at,
    actor: deps.actor(caller),
    action: 'certificate.revoke',
    target: { type: 'certificate', id: number },
    before: { status: 'valid' },
    after: { status: 'revoked' },
    details: { reason, courseId: certificate.courseId },
  });
  return json(
    200,
    toCertificateView({ ...certificate, status: 'revoked', revokedAt: at, revokedReason: reason }),
  );
});
