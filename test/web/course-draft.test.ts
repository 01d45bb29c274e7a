import { describe, expect, it } from 'vitest';
import { courseInput } from '../../functions/shared/contracts/courses.ts';
import { sessionHours } from '../../functions/shared/domain/course-model.ts';
import {
  emptyDraft,
  fromCourse,
  hoursBetween,
  toRequest,
  totalHours,
} from '../../web/src/features/console/courses/editor/course-draft.ts';

const view = {
  courseId: 'c1',
  formSlug: 'demo',
  title: { de: 'Grundkurs', en: 'Basic course' },
  teachingLanguage: 'de',
  sessions: [
    { sessionId: 's1', date: '2027-03-06', start: '10:00', end: '16:00', hours: 6, cancelled: false },
    { sessionId: 's2', date: '2027-03-13', start: '10:00', end: '13:30', hours: 3.5, cancelled: true },
  ],
  capacity: 12,
  passPercent: 80,
  coordinator: 'cora@example.org',
  holdHours: 72,
  timeZone: 'Europe/Berlin',
  status: 'open' as const,
  revision: 3,
  seats: { capacity: 12, taken: 0, held: 0, enrolled: 0, free: 12, waiting: 0 },
  hours: 6,
  certification: 'not-started' as const,
  createdAt: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

describe("the course editor's draft", () => {
  it('counts hours as the server does, to the quarter hour', () => {
    for (const [start, end] of [
      ['10:00', '16:00'],
      ['18:00', '21:30'],
      ['09:10', '10:00'],
      ['08:00', '08:07'],
    ] as const)
      expect(hoursBetween(start, end)).toBe(sessionHours({ start, end }));
    expect(hoursBetween('18:00', '')).toBe(0);
    expect(hoursBetween('20:00', '18:00')).toBe(0);
  });

  it('sums the hours of the sessions that take place only', () => {
    expect(totalHours(fromCourse(view).sessions)).toBe(6);
  });

  it('saves a loaded course unchanged, cancelled sessions kept with their ids, with the revision', () => {
    const request = toRequest(fromCourse(view), view.revision);
    expect(request.sessions).toEqual([
      { sessionId: 's1', date: '2027-03-06', start: '10:00', end: '16:00' },
      { sessionId: 's2', date: '2027-03-13', start: '10:00', end: '13:30' },
    ]);
    expect(request.revision).toBe(3);
    expect(courseInput.safeParse(request).success).toBe(true);
  });

  it('leaves out empty languages and optional fields, and sends a number as typed for the API to judge', () => {
    const draft = {
      ...emptyDraft('cora@example.org', 'demo'),
      title: { de: 'Kurs', en: '  ' },
      capacity: 'zwölf',
    };
    const request = toRequest(draft, undefined);
    expect(request.title).toEqual({ de: 'Kurs' });
    expect(request).not.toHaveProperty('description');
    expect(request).not.toHaveProperty('place');
    expect(request).not.toHaveProperty('revision');
    const refused = courseInput.safeParse(request);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining(['capacity', 'sessions.0.date']),
    );
  });
});
