import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SignInRequired } from '../../api.ts';
import { ScrollRegion } from '../../inbox/scroll-region.tsx';
import { useScopeForms } from '../../inbox/use-forms.ts';
import { useMe } from '../../inbox/use-me.ts';
import { type CourseView, useCourses } from '../courses-api.ts';
import { formatDate, useCoursesText } from '../messages.ts';
import { SeatBar } from './seat-bar.tsx';

/** The title in the console's language, else the teaching language's, else the first. */
export const courseTitle = (course: Pick<CourseView, 'title' | 'teachingLanguage'>, locale: string) =>
  course.title[locale] ?? course.title[course.teachingLanguage] ?? Object.values(course.title)[0] ?? '';

const firstSession = (course: CourseView) =>
  course.sessions
    .filter((s) => !s.cancelled)
    .map((s) => s.date)
    .sort()[0] ?? course.sessions[0]?.date;

/** `/console/courses`: every course in scope with its seats; the programme filter lives in the URL. */
export function CoursesList() {
  const { t, locale } = useCoursesText();
  const [params, setParams] = useSearchParams();
  const form = params.get('form') ?? '';
  const [choice, setChoice] = useState(form);
  const courses = useCourses(form || undefined);
  const { forms, titleFor } = useScopeForms(locale);
  const canChange = useMe()?.role !== 'viewer';

  function apply(event: FormEvent) {
    event.preventDefault();
    setParams(choice ? { form: choice } : {});
  }

  const list = courses.data ?? [];
  return (
    <>
      <h1>{t.title}</h1>
      {canChange && (
        <p>
          <Link className="button-link" to="/console/courses/new">
            {t.newCourse}
          </Link>
        </p>
      )}
      <form className="course-filter actions" onSubmit={apply}>
        <label htmlFor="course-filter-form">{t.programme}</label>
        <select id="course-filter-form" value={choice} onChange={(event) => setChoice(event.target.value)}>
          <option value="">{t.allProgrammes}</option>
          {forms.map((option) => (
            <option key={option.slug} value={option.slug}>
              {option.title}
            </option>
          ))}
        </select>
        <button type="submit">{t.filter}</button>
      </form>
      {courses.isPending && <p role="status">{t.loading}</p>}
      {courses.isError && !(courses.error instanceof SignInRequired) && (
        <p role="alert" className="error">
          {t.loadFailed}
        </p>
      )}
      {courses.isSuccess && list.length === 0 && <p>{form ? t.noneForFilter : t.none}</p>}
      {list.length > 0 && (
        <ScrollRegion labelledBy="courses-caption">
          <table className="admin-table courses-table">
            <caption id="courses-caption">{t.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.title}</th>
                <th scope="col">{t.columns.programme}</th>
                <th scope="col">{t.columns.firstSession}</th>
                <th scope="col">{t.columns.sessions}</th>
                <th scope="col">{t.columns.seats}</th>
                <th scope="col">{t.columns.status}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((course) => (
                <tr key={course.courseId} data-course={course.courseId}>
                  <th scope="row">
                    <Link to={`/console/courses/${course.courseId}`}>{courseTitle(course, locale)}</Link>
                  </th>
                  <td>{titleFor(course.formSlug)}</td>
                  <td>{formatDate(firstSession(course), locale)}</td>
                  <td>{course.sessions.filter((s) => !s.cancelled).length}</td>
                  <td>
                    <SeatBar seats={course.seats} />
                  </td>
                  <td>{t.status[course.status] ?? course.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
