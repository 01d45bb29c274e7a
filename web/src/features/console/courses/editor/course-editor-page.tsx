import { useParams } from 'react-router';
import { SignInRequired } from '../../api.ts';
import { useMe } from '../../inbox/use-me.ts';
import { useCourse, useOfferedLocales } from '../courses-api.ts';
import { useCoursesText } from '../messages.ts';
import { emptyDraft, fromCourse } from './course-draft.ts';
import { CourseEditor } from './course-editor.tsx';

/** `/console/courses/new` and `/console/courses/:courseId/edit`. */
export function CourseEditorPage() {
  const { courseId } = useParams();
  const { t } = useCoursesText();
  const me = useMe();
  const locales = useOfferedLocales();
  const course = useCourse(courseId ?? '');
  const offered = locales.data ?? ['de', 'en'];

  if (courseId && course.isPending) return <p role="status">{t.loading}</p>;
  if (courseId && course.isError)
    return course.error instanceof SignInRequired ? null : (
      <p role="alert" className="error">
        {t.loadFailed}
      </p>
    );
  if (!me || (!courseId && locales.isPending)) return <p role="status">{t.loading}</p>;
  const email = me.username.includes('@') ? me.username : '';
  return (
    <CourseEditor
      key={course.data?.courseId ?? 'new'}
      courseId={courseId}
      initial={course.data ? fromCourse(course.data) : emptyDraft(email, '', offered[0])}
      revision={course.data?.revision}
      locales={offered}
    />
  );
}
