import type { CourseView, SaveCourseRequest } from '../courses-api.ts';

/** The editor's working copy: every input as typed, turned into a request only on save. */
export interface SessionDraft {
  /** React's key: stable while sessions are added and removed. */
  readonly key: string;
  readonly sessionId?: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  /** Cancelled from the course page; kept (read-only) so a save does not drop it. */
  readonly cancelled?: boolean;
}

export interface CourseDraft {
  readonly formSlug: string;
  readonly title: Readonly<Record<string, string>>;
  readonly description: Readonly<Record<string, string>>;
  readonly teachingLanguage: string;
  readonly place: string;
  readonly onlineUrl: string;
  readonly sessions: readonly SessionDraft[];
  readonly capacity: string;
  readonly passPercent: string;
  readonly registrationDeadline: string;
  readonly coordinator: string;
  readonly holdHours: string;
  readonly timeZone: string;
}

let keys = 0;
export const newSessionKey = () => `session-${++keys}`;

export const emptyDraft = (coordinator: string, formSlug = '', teachingLanguage = 'de'): CourseDraft => ({
  formSlug,
  title: {},
  description: {},
  teachingLanguage,
  place: '',
  onlineUrl: '',
  sessions: [{ key: newSessionKey(), date: '', start: '18:00', end: '20:00' }],
  capacity: '20',
  passPercent: '80',
  registrationDeadline: '',
  coordinator,
  holdHours: '72',
  timeZone: 'Europe/Berlin',
});

export const fromCourse = (course: CourseView): CourseDraft => ({
  formSlug: course.formSlug,
  title: { ...course.title },
  description: { ...(course.description ?? {}) },
  teachingLanguage: course.teachingLanguage,
  place: course.place ?? '',
  onlineUrl: course.onlineUrl ?? '',
  sessions: course.sessions.map((s) => ({
    key: newSessionKey(),
    sessionId: s.sessionId,
    date: s.date,
    start: s.start,
    end: s.end,
    ...(s.cancelled ? { cancelled: true } : {}),
  })),
  capacity: String(course.capacity),
  passPercent: String(course.passPercent),
  registrationDeadline: course.registrationDeadline ?? '',
  coordinator: course.coordinator,
  holdHours: String(course.holdHours),
  timeZone: course.timeZone,
});

const filled = (texts: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(texts).filter(([, text]) => text.trim() !== ''));

/** A number field left as typed: the API names it if it is not a whole number. */
const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export function toRequest(draft: CourseDraft, revision: number | undefined): SaveCourseRequest {
  const description = filled(draft.description);
  return {
    formSlug: draft.formSlug,
    title: filled(draft.title),
    ...(Object.keys(description).length > 0 ? { description } : {}),
    teachingLanguage: draft.teachingLanguage,
    ...(draft.place.trim() ? { place: draft.place.trim() } : {}),
    ...(draft.onlineUrl.trim() ? { onlineUrl: draft.onlineUrl.trim() } : {}),
    sessions: draft.sessions.map(({ sessionId, date, start, end }) => ({
      ...(sessionId ? { sessionId } : {}),
      date,
      start,
      end,
    })),
    capacity: numberOf(draft.capacity),
    passPercent: numberOf(draft.passPercent),
    ...(draft.registrationDeadline ? { registrationDeadline: draft.registrationDeadline } : {}),
    coordinator: draft.coordinator.trim(),
    holdHours: numberOf(draft.holdHours),
    timeZone: draft.timeZone,
    ...(revision !== undefined ? { revision } : {}),
  };
}

/** Hours between two HH:MM times, to the quarter hour, as the server counts them; 0 until both make sense. */
export function hoursBetween(start: string, end: string): number {
  const minutes = (time: string) =>
    /^\d{2}:\d{2}$/.test(time) ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) : Number.NaN;
  const span = minutes(end) - minutes(start);
  return Number.isFinite(span) && span > 0 ? Math.round((span / 60) * 4) / 4 : 0;
}

export const totalHours = (sessions: readonly Pick<SessionDraft, 'start' | 'end' | 'cancelled'>[]) =>
  sessions.filter((s) => !s.cancelled).reduce((sum, s) => sum + hoursBetween(s.start, s.end), 0);
