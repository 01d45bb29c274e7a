import { dynamoCourseStore } from '#shared/adapters/course-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { dynamoFormReader } from '#shared/adapters/form-store.ts';
import { dynamoSubmissionReader } from '#shared/adapters/submission-store.ts';
import { sfnClient } from '#shared/adapters/workflow.ts';
import { submissionLoader } from '#shared/approvals-deps.ts';
import { courseCalendar } from '#shared/calendar/ics.ts';
import { type Signer, signerFromEnv } from '#shared/certificates/signer.ts';
import { parseConfig } from '#shared/config.ts';
import { answerParticipant } from '#shared/course-events.ts';
import type { Participant } from '#shared/domain/course-model.ts';
import { site, tableName } from '#shared/env.ts';
import { organisationSettings } from '#shared/mail/branding.ts';
import { publicCertificates } from './certificates.ts';
import type { PublicDeps } from './ports.ts';
import { courseTitle, pick } from './texts.ts';

/**
 * The public course routes wired to DynamoDB, Step Functions and the organisation's settings, once
 * per cold start. They send no mail and change no submission or form, so they read those through
 * readers and hold no mail client (SES's is 61 kB of a bundle).
 */
export function publicDeps(): PublicDeps {
  const config = parseConfig({ ...tableName, ...site });
  const client = documentClient();
  const table = config.TABLE_NAME;
  const courses = dynamoCourseStore(client, table);
  const forms = dynamoFormReader(client, table);
  const settings = organisationSettings(client, table, config.ORGANISATION_NAME);
  const organisation = async () => (await settings()).name;
  const loadSubmission = submissionLoader(dynamoSubmissionReader(client, table), forms);
  const sfn = sfnClient();
  const publicBaseUrl = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  // One signer per cold start; none configured (no key yet) leaves verification without the signature check.
  let signer: Promise<Signer | undefined> | undefined;
  const certificates = publicCertificates({
    courses,
    organisationName: organisation,
    publicBaseUrl,
    signer: () => {
      signer ??= signerFromEnv().catch(() => undefined);
      return signer;
    },
  });

  async function person(participant: Participant) {
    if (participant.source === 'manual')
      return participant.firstName ? { firstName: participant.firstName } : {};
    const loaded = await loadSubmission(participant.participantId).catch(() => undefined);
    return {
      ...(loaded?.firstName ? { firstName: loaded.firstName } : {}),
      ...(loaded ? { appliedAt: loaded.submission.receivedAt } : {}),
    };
  }

  return {
    courses,
    now: () => new Date(),
    publicBaseUrl,
    wake: (participantId, event) => answerParticipant({ sfn, courses }, participantId, event),
    person,
    programme: async (formSlug, locale) =>
      pick((await forms.getSummary(formSlug))?.title, locale) ?? formSlug,
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
        organiser: { name: await organisation(), email: course.coordinator },
        pageUrl: `${publicBaseUrl}/me/${participant.pageToken}`,
        revision: course.revision,
        ...(course.status === 'cancelled' ? { cancelled: true } : {}),
      });
    },
    verify: certificates.verify,
    jwks: certificates.jwks,
    issuer: certificates.issuer,
  };
}
