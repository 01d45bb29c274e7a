import type { CourseDeps } from '#shared/course-deps.ts';
import type { Enrolment, Participant } from '#shared/domain/course-model.ts';
import { pickCourse } from '#shared/domain/courses.ts';
import { NotFoundError } from '#shared/domain/errors.ts';
import { mailParticipant } from './mailing.ts';
import {
  type FlowState,
  LONGEST_WAIT_SECONDS,
  SEAT_RECHECK_SECONDS,
  type StepResult,
  secondsUntil,
  step,
} from './state.ts';
import { addCourseEvent } from './timeline.ts';

/** Courses a refused hold is retried on before waiting for a new one. */
const MAX_TRIES = 3;

/**
 * Offers a seat: in the course an invitation names (`courseId`), else in the next suitable course
 * (docs/courses.md). A free seat is held (→ await the answer); a full course puts the volunteer on
 * its waiting list (→ await a seat); no course at all → await an invitation or a new course.
 */
export async function offer(deps: CourseDeps, state: FlowState): Promise<StepResult> {
  const result = await findSeat(deps, state);
  // Carried to the wait that sends the first mail; every later step returns a state without it.
  return state.approved ? { ...result, approved: true } : result;
}

async function findSeat(deps: CourseDeps, state: FlowState): Promise<StepResult> {
  const { participantId } = state;
  const participant = await deps.courses.getParticipant(participantId);
  if (!participant) throw new NotFoundError(`No participant ${participantId}`);
  if (state.courseId) {
    const already = await where(deps, participantId, state.courseId);
    if (already) return already;
  }
  const refused = new Set<string>();
  let wanted = state.courseId;
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const courseId = wanted ?? (await nextCourse(deps, participant, refused));
    wanted = undefined;
    if (!courseId) break;
    const result = await holdSeat(deps, participant, courseId, state.approved);
    if (result) return result;
    refused.add(courseId);
  }
  await deps.courses.updateParticipant(participantId, {
    state: 'awaiting-course',
    currentCourseId: undefined,
  });
  return step(participantId, 'await-course', { seconds: LONGEST_WAIT_SECONDS });
}

/** Where the volunteer already is in a course (enrolled by hand, offered, waiting), if anywhere. */
export async function where(
  deps: CourseDeps,
  participantId: string,
  courseId: string,
  enrolment?: Enrolment,
): Promise<StepResult | undefined> {
  const found = enrolment ?? (await deps.courses.getEnrolment(courseId, participantId));
  const now = deps.now();
  if (found?.status === 'enrolled') return step(participantId, 'confirm', { courseId });
  if (found?.status === 'offered' && found.offerExpiresAt)
    return step(participantId, 'await-answer', {
      courseId,
      seconds: secondsUntil(found.offerExpiresAt, now),
    });
  if (found?.status === 'waiting')
    return step(participantId, 'await-seat', { courseId, seconds: SEAT_RECHECK_SECONDS });
  return undefined;
}

async function nextCourse(deps: CourseDeps, participant: Participant, refused: ReadonlySet<string>) {
  const [courses, history] = await Promise.all([
    deps.courses.listCourses(participant.formSlug),
    deps.courses.enrolmentsOf(participant.participantId),
  ]);
  const choice = pickCourse({
    courses: courses.filter((course) => !refused.has(course.courseId)),
    history,
    participant,
    now: deps.now(),
  });
  return choice?.courseId;
}

/** Holds a seat or joins the waiting list; undefined when the course refused (closed, full). */
async function holdSeat(
  deps: CourseDeps,
  participant: Participant,
  courseId: string,
  approved?: boolean,
): Promise<StepResult | undefined> {
  const { participantId } = participant;
  const course = await deps.courses.getCourse(courseId);
  if (!course) return undefined;
  const now = deps.now();
  const result = await deps.courses.hold({
    courseId,
    participantId,
    now,
    holdHours: course.holdHours,
    waitingListIfFull: true,
  });
  if (result.kind === 'refused') {
    return result.reason === 'already-enrolled' ? where(deps, participantId, courseId) : undefined;
  }
  if (result.kind === 'offered') {
    await deps.courses.updateParticipant(participantId, { state: 'offered', currentCourseId: courseId });
    await addCourseEvent(deps, participantId, 'course-offered', { courseId });
    return step(participantId, 'await-answer', {
      courseId,
      seconds: secondsUntil(result.offerExpiresAt, now),
    });
  }
  await deps.courses.updateParticipant(participantId, { state: 'waiting', currentCourseId: courseId });
  await addCourseEvent(deps, participantId, 'course-waiting', {
    courseId,
    position: String(result.position),
  });
  const enrolment = await deps.courses.getEnrolment(courseId, participantId);
  await mailParticipant(deps, {
    participantId,
    course,
    kind: 'waiting',
    ...(approved ? { approved } : {}),
    round: `course-waiting#${courseId}#${enrolment?.createdAt ?? now.toISOString()}`,
    extra: () => ({ position: result.position }),
  });
  return step(participantId, 'await-seat', { courseId, seconds: SEAT_RECHECK_SECONDS });
}
