import type { offerView } from '#shared/contracts/courses.ts';
import { LinkUnknownError } from '#shared/domain/approvals.ts';
import { type Course, courseHours, type Enrolment, type OfferLink } from '#shared/domain/course-model.ts';
import type * as z from '#shared/zod.ts';
import type { PublicDeps } from './ports.ts';
import { courseTitle, pick, sessionOut } from './texts.ts';

export type OfferView = z.infer<typeof offerView>;

export interface OpenedOffer {
  readonly link: OfferLink;
  readonly course: Course;
  readonly enrolment: Enrolment | undefined;
}

/** The offer behind a link's hash; an unknown link, or one whose course is gone, is 404. */
export async function openOffer(deps: PublicDeps, tokenHash: string): Promise<OpenedOffer> {
  const link = await deps.courses.getOfferLink(tokenHash);
  const course = link && (await deps.courses.getCourse(link.courseId));
  if (!link || !course)
    throw new LinkUnknownError('This link is not valid. Please use the link from your most recent e-mail.');
  return { link, course, enrolment: await deps.courses.getEnrolment(link.courseId, link.participantId) };
}

/** What the offer stands at now, as the volunteer would describe it. */
export function offerStatus({ link, course, enrolment }: OpenedOffer, now: Date): OfferView['status'] {
  if (link.answer === 'accept') return 'accepted';
  if (link.answer === 'decline') return 'declined';
  if (course.status !== 'open') return 'withdrawn';
  switch (enrolment?.status) {
    case 'offered': {
      const until = Math.min(
        Date.parse(link.expiresAt),
        Date.parse(enrolment.offerExpiresAt ?? link.expiresAt),
      );
      return until > now.getTime() ? 'open' : 'expired';
    }
    case 'enrolled':
    case 'certified':
    case 'not-certified':
      return 'accepted';
    case 'declined':
      return 'declined';
    case 'expired':
      return 'expired';
    default:
      return 'withdrawn';
  }
}

/** The offer page: the course in the volunteer's language, and where their own page is. */
export async function offerViewOf(deps: PublicDeps, offer: OpenedOffer): Promise<OfferView> {
  const participant = await deps.courses.getParticipant(offer.link.participantId);
  if (!participant) throw new LinkUnknownError('This link is not valid.');
  const { course } = offer;
  const locale = participant.locale;
  const { firstName } = await deps.person(participant);
  const description = pick(course.description, locale, course.teachingLanguage);
  return {
    status: offerStatus(offer, deps.now()),
    ...(firstName ? { firstName } : {}),
    locale,
    holdUntil: offer.enrolment?.offerExpiresAt ?? offer.link.expiresAt,
    course: {
      title: courseTitle(course, locale),
      ...(description ? { description } : {}),
      teachingLanguage: course.teachingLanguage,
      ...(course.place ? { place: course.place } : {}),
      ...(course.onlineUrl ? { onlineUrl: course.onlineUrl } : {}),
      sessions: course.sessions.map(sessionOut),
      hours: courseHours(course),
    },
    pageUrl: `${deps.publicBaseUrl}/me/${participant.pageToken}`,
  };
}
