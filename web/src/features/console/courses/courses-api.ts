import { useQuery } from '@tanstack/react-query';
import type * as z from 'zod';
import type {
  CertificateView,
  CourseView,
  candidateView,
  EnrolmentView,
  invitationResult,
  manualEnrolmentRequest,
  saveCourseRequest,
  sessionInput,
} from '#shared/contracts/courses.ts';
import { ApiError, apiFetch, apiJson, type FieldIssue } from '../api.ts';

/* The console's calls of the courses API (functions/shared/contracts/courses.ts, docs/courses.md). */

export type { CertificateView, CourseView, EnrolmentView };
export type CandidateView = z.output<typeof candidateView>;
export type InvitationResult = z.output<typeof invitationResult>;
export type SaveCourseRequest = z.input<typeof saveCourseRequest>;
export type ManualEnrolment = z.input<typeof manualEnrolmentRequest>;
export type SessionInput = z.input<typeof sessionInput>;

const course = (courseId: string, rest = '') => `/admin/courses/${encodeURIComponent(courseId)}${rest}`;
const session = (courseId: string, sessionId: string, rest = '') =>
  course(courseId, `/sessions/${encodeURIComponent(sessionId)}${rest}`);

/** A list answer: `{ <name>: [...] }`, or a bare array. */
const listOf = <T>(body: unknown, name: string): T[] => {
  if (Array.isArray(body)) return body as T[];
  const value = (body as Record<string, unknown> | null)?.[name];
  return Array.isArray(value) ? (value as T[]) : [];
};

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });
const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });

export const coursesKey = ['admin', 'courses'] as const;
export const courseKey = (courseId: string) => [...coursesKey, courseId] as const;
export const enrolmentsKey = (courseId: string) => [...coursesKey, courseId, 'enrolments'] as const;
export const certificatesKey = (courseId: string) => [...coursesKey, courseId, 'certificates'] as const;

export const useCourses = (formSlug?: string) =>
  useQuery({
    queryKey: [...coursesKey, 'list', formSlug ?? ''],
    queryFn: async () =>
      listOf<CourseView>(
        await apiJson(`/admin/courses${formSlug ? `?form=${encodeURIComponent(formSlug)}` : ''}`),
        'courses',
      ),
  });
export const getCourse = (courseId: string) => apiJson<CourseView>(course(courseId));
export const useCourse = (courseId: string) =>
  useQuery({ queryKey: courseKey(courseId), queryFn: () => getCourse(courseId), enabled: courseId !== '' });
export const useEnrolments = (courseId: string) =>
  useQuery({
    queryKey: enrolmentsKey(courseId),
    queryFn: async () => listOf<EnrolmentView>(await apiJson(course(courseId, '/enrolments')), 'enrolments'),
  });
export const useCertificates = (courseId: string) =>
  useQuery({
    queryKey: certificatesKey(courseId),
    queryFn: async () =>
      listOf<CertificateView>(
        await apiJson(`/admin/certificates?course=${encodeURIComponent(courseId)}`),
        'certificates',
      ),
  });
export const useCandidates = (formSlug: string, enabled: boolean) =>
  useQuery({
    queryKey: ['admin', 'course-candidates', formSlug],
    queryFn: async () =>
      listOf<CandidateView>(
        await apiJson(`/admin/course-candidates?form=${encodeURIComponent(formSlug)}`),
        'candidates',
      ),
    enabled,
  });

/** The organisation's languages (public settings): the editor offers a tab for each. */
export const useOfferedLocales = () =>
  useQuery({
    queryKey: ['settings', 'locales'],
    queryFn: async () => (await apiJson<{ locales?: string[] }>('/settings')).locales ?? ['de', 'en'],
    staleTime: 300_000,
  });

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly course: CourseView }
  | { readonly kind: 'conflict'; readonly message: string };

/** Create (no id) or update; a 409 is an outcome (someone saved since), other failures throw. */
export async function saveCourse(
  courseId: string | undefined,
  request: SaveCourseRequest,
): Promise<SaveOutcome> {
  const response = await apiFetch(
    courseId ? course(courseId) : '/admin/courses',
    courseId ? put(request) : post(request),
  );
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { kind: 'saved', course: body as unknown as CourseView };
  const error = (body.error ?? body) as { message?: string; issues?: FieldIssue[] };
  const message = error.message ?? `HTTP ${response.status}`;
  if (response.status === 409) return { kind: 'conflict', message };
  throw new ApiError(response.status, message, error.issues);
}

export const enrolByHand = (courseId: string, request: ManualEnrolment) =>
  apiJson<unknown>(course(courseId, '/enrolments'), post(request));
export const invite = (courseId: string, participantIds?: string[]) =>
  apiJson<InvitationResult>(course(courseId, '/invitations'), post(participantIds ? { participantIds } : {}));
/** Answers the enrolments as saved, in their new order. */
export const reorderWaiting = (courseId: string, participantIds: string[]) =>
  apiJson<{ enrolments: EnrolmentView[] }>(course(courseId, '/waiting-list'), put({ participantIds }));
export const cancelCourse = (courseId: string, reason?: string) =>
  apiJson<unknown>(course(courseId, '/cancel'), post(reason ? { reason } : {}));
export const cancelSession = (
  courseId: string,
  sessionId: string,
  request: { reason?: string; moveTo?: SessionInput },
) => apiJson<unknown>(session(courseId, sessionId, '/cancel'), post(request));
export const completeSession = (courseId: string, sessionId: string) =>
  apiJson<unknown>(session(courseId, sessionId, '/complete'), post({}));
export const revokeCertificate = (number: string, reason: string) =>
  apiJson<unknown>(`/admin/certificates/${encodeURIComponent(number)}/revoke`, post({ reason }));

/** One attendance mark; the queue decides from the outcome whether to try again. */
export async function putAttendance(mark: {
  courseId: string;
  sessionId: string;
  participantId: string;
  present: boolean;
}): Promise<'sent' | 'retry' | 'refused'> {
  const response = await apiFetch(
    session(mark.courseId, mark.sessionId, `/attendance/${encodeURIComponent(mark.participantId)}`),
    put({ present: mark.present }),
  );
  if (response.ok) return 'sent';
  return response.status >= 500 || response.status === 408 || response.status === 429 ? 'retry' : 'refused';
}

/** The certificate's PDF as a file the browser saves (the route needs the bearer token). */
export async function downloadCertificate(number: string): Promise<void> {
  const response = await apiFetch(`/admin/certificates/${encodeURIComponent(number)}/pdf`);
  if (!response.ok) throw new ApiError(response.status, `HTTP ${response.status}`);
  saveBlob(await response.blob(), `${number}.pdf`);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
