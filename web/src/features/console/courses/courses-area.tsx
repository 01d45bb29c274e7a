import { Route, Routes } from 'react-router';
import { AttendancePage } from './attendance/attendance-page.tsx';
import { CourseDetail } from './detail/course-detail.tsx';
import { CourseEditorPage } from './editor/course-editor-page.tsx';
import { CoursesList } from './list/courses-list.tsx';
import './courses.css';

/** `/console/courses`: the list, `new`, one course, its editor, and a session's attendance. */
export function CoursesArea() {
  return (
    <Routes>
      <Route index element={<CoursesList />} />
      <Route path="new" element={<CourseEditorPage />} />
      <Route path=":courseId" element={<CourseDetail />} />
      <Route path=":courseId/edit" element={<CourseEditorPage />} />
      <Route path=":courseId/sessions/:sessionId" element={<AttendancePage />} />
    </Routes>
  );
}
