import type { ReportView } from '../contracts/courses.ts';
import { type Certificate, type Course, type Enrolment, type Session, sessionHours } from './course-model.ts';

/**
 * The funders' figures per programme and period, from records already loaded (report-source.ts).
 * A timestamp counts on its UTC calendar day; a session on its own (local) date. The period is
 * inclusive at both ends.
 */
export interface ReportInput {
  readonly from: string;
  readonly to: string;
  readonly programmes: readonly { readonly formSlug: string; readonly title: string }[];
  readonly registrations: readonly { readonly formSlug: string; readonly receivedAt: string }[];
  readonly approvals: readonly { readonly formSlug: string; readonly approvedAt: string }[];
  readonly courses: readonly Course[];
  readonly enrolments: readonly Enrolment[];
  readonly certificates: readonly Certificate[];
  /** Sessions after this day have not been held yet (no teaching hours); absent: all count. */
  readonly today?: string;
}

type Figures = Omit<ReportView['programmes'][number], 'formSlug' | 'title' | 'attendanceRate'> & {
  attended: number;
  recorded: number;
};

const emptyFigures = (): Figures => ({
  registrations: 0,
  approvals: 0,
  offers: 0,
  enrolments: 0,
  certificates: 0,
  teachingHours: 0,
  volunteerHours: 0,
  attended: 0,
  recorded: 0,
});

const dayOf = (timestamp: string | undefined) => timestamp?.slice(0, 10);

export function buildReport(input: ReportInput): ReportView {
  const inPeriod = (day: string | undefined): day is string => !!day && day >= input.from && day <= input.to;
  const figures = new Map(input.programmes.map((p) => [p.formSlug, emptyFigures()]));
  const months = new Map(monthsBetween(input.from, input.to).map((m) => [m, emptyMonth(m)]));
  const count = (formSlug: string, timestamp: string | undefined, field: CountedField, monthly = true) => {
    const day = dayOf(timestamp);
    const target = figures.get(formSlug);
    if (!target || !inPeriod(day)) return;
    target[field] += 1;
    const month = months.get(day.slice(0, 7));
    if (monthly && month && field !== 'offers') month[field] += 1;
  };

  for (const r of input.registrations) count(r.formSlug, r.receivedAt, 'registrations');
  for (const a of input.approvals) count(a.formSlug, a.approvedAt, 'approvals');
  for (const c of input.certificates) if (c.status === 'valid') count(c.formSlug, c.issuedAt, 'certificates');

  const courses = new Map(input.courses.map((c) => [c.courseId, c]));
  const heldInPeriod = (session: Session) =>
    !session.cancelled && inPeriod(session.date) && (!input.today || session.date <= input.today);
  for (const course of input.courses) {
    const target = figures.get(course.formSlug);
    if (!target || course.status === 'cancelled') continue;
    target.teachingHours += sum(course.sessions.filter(heldInPeriod).map(sessionHours));
  }
  for (const enrolment of input.enrolments) {
    const course = courses.get(enrolment.courseId);
    if (!course) continue;
    count(course.formSlug, enrolment.offeredAt, 'offers');
    count(course.formSlug, enrolment.enrolledAt, 'enrolments');
    const target = figures.get(course.formSlug);
    if (!target) continue;
    for (const session of course.sessions.filter(heldInPeriod)) {
      const mark = enrolment.attendance[session.sessionId];
      if (mark === undefined) continue;
      target.recorded += 1;
      if (!mark) continue;
      target.attended += 1;
      target.volunteerHours += sessionHours(session);
    }
  }

  const programmes = input.programmes.map((p) => ({
    formSlug: p.formSlug,
    title: p.title,
    ...published(figures.get(p.formSlug) ?? emptyFigures()),
  }));
  return {
    from: input.from,
    to: input.to,
    programmes,
    totals: published(totalOf([...figures.values()])),
    months: [...months.values()],
  };
}

type CountedField = 'registrations' | 'approvals' | 'offers' | 'enrolments' | 'certificates';

const emptyMonth = (month: string) => ({
  month,
  registrations: 0,
  approvals: 0,
  enrolments: 0,
  certificates: 0,
});

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function totalOf(all: readonly Figures[]): Figures {
  const total = emptyFigures();
  for (const f of all) for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += f[key];
  return total;
}

/** Hours to the hundredth; the attendance rate as a share 0–1, null while nothing is recorded. */
function published({ attended, recorded, ...rest }: Figures): ReportView['totals'] {
  return {
    ...rest,
    teachingHours: round(rest.teachingHours),
    volunteerHours: round(rest.volunteerHours),
    attendanceRate: recorded === 0 ? null : round(attended / recorded, 4),
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Every YYYY-MM from the month of `from` to that of `to`, so the chart shows empty months too. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard += 1) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}
