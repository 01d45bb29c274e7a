import type { pathStep, volunteerPageView } from '#shared/contracts/courses.ts';
import { LinkUnknownError } from '#shared/domain/approvals.ts';
import type { Certificate, Course, Enrolment, Participant } from '#shared/domain/course-model.ts';
import type * as z from '#shared/zod.ts';
import type { PublicDeps } from './ports.ts';
import { courseTitle, sessionOut } from './texts.ts';

export type VolunteerPage = z.infer<typeof volunteerPageView>;
type PathStep = z.infer<typeof pathStep>;

/** The participant whose own-page link this is; unknown or altered links are 404. */
export async function openPage(
  deps: { readonly courses: Pick<PublicDeps['courses'], 'participantByPageToken'> },
  tokenHash: string,
): Promise<Participant> {
  const participant = await deps.courses.participantByPageToken(tokenHash);
  if (!participant)
    throw new LinkUnknownError('This link is not valid. Please use the link from our e-mails.');
  return participant;
}

/** The enrolment the page is about: the current course's, else the latest one. */
export async function currentEnrolment(
  deps: PublicDeps,
  participant: Participant,
): Promise<{ enrolment: Enrolment; course: Course } | undefined> {
  const history = await deps.courses.enrolmentsOf(participant.participantId);
  const enrolment =
    history.find((e) => e.courseId === participant.currentCourseId) ??
    [...history].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  const course = enrolment && (await deps.courses.getCourse(enrolment.courseId));
  return enrolment && course ? { enrolment, course } : undefined;
}

/** Seats can be given back while the course has not ended and the seat is theirs or held for them. */
const cancellable = (enrolment: Enrolment, course: Course, today: string) =>
  course.status === 'open' &&
  ['offered', 'enrolled', 'waiting'].includes(enrolment.status) &&
  course.sessions.some((s) => !s.cancelled && s.date >= today);

async function waitingPosition(deps: PublicDeps, enrolment: Enrolment): Promise<number | undefined> {
  if (enrolment.status !== 'waiting') return undefined;
  const waiting = (await deps.courses.listEnrolments(enrolment.courseId))
    .filter((e) => e.status === 'waiting')
    .sort((a, b) => (a.waitingRank ?? 0) - (b.waitingRank ?? 0));
  return waiting.findIndex((e) => e.participantId === enrolment.participantId) + 1 || undefined;
}

function pathOf(
  participant: Participant,
  appliedAt: string | undefined,
  history: readonly Enrolment[],
  certificates: readonly Certificate[],
): PathStep[] {
  const earliest = (values: (string | undefined)[]) =>
    values.filter((v): v is string => Boolean(v)).sort()[0];
  const offeredAt = earliest(history.map((e) => e.offeredAt));
  const enrolledAt = earliest(history.map((e) => e.enrolledAt));
  const finished = history.filter((e) => e.status === 'certified' || e.status === 'not-certified');
  const certifiedAt = earliest(certificates.filter((c) => c.status === 'valid').map((c) => c.issuedAt));
  const step = (name: PathStep['step'], done: boolean, at?: string): PathStep => ({
    step: name,
    done,
    ...(at ? { at } : {}),
  });
  const approvedAt =
    participant.approvedAt ?? (participant.source === 'manual' ? participant.createdAt : undefined);
  return [
    step('applied', true, appliedAt ?? participant.createdAt),
    step('approved', true, approvedAt),
    step('offered', Boolean(offeredAt || enrolledAt), offeredAt),
    step('enrolled', Boolean(enrolledAt), enrolledAt),
    // A certificate means the course was attended, even if that enrolment record is older history.
    step('attended', finished.length > 0 || Boolean(certifiedAt), earliest(finished.map((e) => e.updatedAt))),
    step('certified', Boolean(certifiedAt), certifiedAt),
  ];
}

/** The volunteer's own page: their path, their course, their certificates. */
export async function pageViewOf(
  deps: PublicDeps,
  participant: Participant,
  token: string,
): Promise<VolunteerPage> {
  const locale = participant.locale;
  const base = `/api/me/${token}`;
  const [person, programme, history, certificates, current] = await Promise.all([
    deps.person(participant),
    deps.programme(participant.formSlug, locale),
    deps.courses.enrolmentsOf(participant.participantId),
    deps.courses.certificatesOf(participant.participantId),
    currentEnrolment(deps, participant),
  ]);
  const today = deps.now().toISOString().slice(0, 10);
  return {
    ...(person.firstName ? { firstName: person.firstName } : {}),
    locale,
    programme,
    path: pathOf(participant, person.appliedAt, history, certificates),
    ...(current ? { course: await courseOf(deps, current, locale, base, today) } : {}),
    certificates: certificates
      .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))
      .map((c) => ({
        number: c.number,
        courseTitle: c.courseTitle,
        issuedAt: c.issuedAt,
        status: c.status,
        pdfUrl: `${base}/certificates/${c.number}/pdf`,
        credentialUrl: `${base}/certificates/${c.number}/credential`,
        verifyUrl: `/verify/${c.number}`,
      })),
  };
}

async function courseOf(
  deps: PublicDeps,
  { enrolment, course }: { enrolment: Enrolment; course: Course },
  locale: string,
  base: string,
  today: string,
): Promise<NonNullable<VolunteerPage['course']>> {
  const position = await waitingPosition(deps, enrolment);
  return {
    courseId: course.courseId,
    title: courseTitle(course, locale),
    status: enrolment.status,
    ...(course.place ? { place: course.place } : {}),
    ...(course.onlineUrl ? { onlineUrl: course.onlineUrl } : {}),
    ...(enrolment.status === 'offered' && enrolment.offerExpiresAt
      ? { holdUntil: enrolment.offerExpiresAt }
      : {}),
    ...(position ? { waitingPosition: position } : {}),
    sessions: course.sessions.map((s) => {
      const present = enrolment.attendance[s.sessionId];
      return { ...sessionOut(s), ...(present === undefined ? {} : { present }) };
    }),
    calendarUrl: `${base}/calendar.ics`,
    canCancel: cancellable(enrolment, course, today),
  };
}
