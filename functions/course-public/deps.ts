import { dynamoCourseStore } from '#shared/adapters/course-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { dynamoSettingsStore } from '#shared/adapters/settings-store.ts';
import { approvalsDeps } from '#shared/approvals-deps.ts';
import { courseCalendar } from '#shared/calendar/ics.ts';
import { type Signer, signerFromEnv } from '#shared/certificates/signer.ts';
import { answerParticipant } from '#shared/course-events.ts';
import type { Participant } from '#shared/domain/course-model.ts';
import { publicCertificates } from './certificates.ts';
import type { PublicDeps } from './ports.ts';
import { courseTitle, pick } from './texts.ts';

/** The public course routes wired to DynamoDB, Step Functions and the organisation's settings, once per cold start. */
export function publicDeps(): PublicDeps {
  const base = approvalsDeps();
  const client = documentClient();
  const courses = dynamoCourseStore(client, base.config.TABLE_NAME);
  const publicBaseUrl = base.config.PUBLIC_BASE_URL.replace(/\/$/, '');
  const settings = dynamoSettingsStore(client, base.config.TABLE_NAME);
  // One signer per cold start; none configured (no key yet) leaves verification without the signature check.
  let signer: Promise<Signer | undefined> | undefined;
  const certificates = publicCertificates({
    courses,
    organisation: async () => {
      const logo = await settings.getLogo();
      // The PDF can embed PNG and JPEG; a WebP logo is left out rather than failing the certificate.
      const printable = logo && /^image\/(png|jpeg)$/.test(logo.contentType);
      return {
        name: await base.organisation(),
        ...(printable ? { logo: { bytes: new Uint8Array(logo.data), contentType: logo.contentType } } : {}),
      };
    },
    publicBaseUrl,
    signer: () => {
      signer ??= signerFromEnv().catch(() => undefined);
      return signer;
    },
  });

  async function person(participant: Participant) {
    if (participant.source === 'manual')
      return participant.firstName ? { firstName: participant.firstName } : {};
    const loaded = await base.loadSubmission(participant.participantId).catch(() => undefined);
    return {
      ...(loaded?.firstName ? { firstName: loaded.firstName } : {}),
      ...(loaded ? { appliedAt: loaded.submission.receivedAt } : {}),
    };
  }

  return {
    courses,
    now: () => new Date(),
    publicBaseUrl,
    wake: (participantId, event) => answerParticipant({ sfn: base.sfn, courses }, participantId, event),
    person,
    programme: async (formSlug, locale) =>
      pick((await base.forms.getSummary(formSlug))?.title, locale) ?? formSlug,
    calendar: async (course, participant) => {
      const description = pick(course.description, participant.locale, course.teachingLanguage);
      return courseCalendar({
        courseId: course.courseId,
        title: courseTitle(course, participant.locale),
        ...(description ? { description } : {}),
        ...(course.place ? { place: course.place } : {}),
        ...(course.onlineUrl ? { onlineUrl: course.onlineUrl } : {}),
        sessions: course.sessions,
        timeZone: course.timeZone,
        organiser: { name: await base.organisation(), email: course.coordinator },
        pageUrl: `${publicBaseUrl}/me/${participant.pageToken}`,
        revision: course.revision,
        ...(course.status === 'cancelled' ? { cancelled: true } : {}),
      });
    },
    certificatePdf: certificates.pdf,
    verify: certificates.verify,
    jwks: certificates.jwks,
    issuer: certificates.issuer,
  };
}
