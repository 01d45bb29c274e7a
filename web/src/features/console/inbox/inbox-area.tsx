import { Route, Routes } from 'react-router';
import { ApplicationPage } from './application-page.tsx';
import { InboxList } from './inbox-list.tsx';

/** The inbox area: the list at `/console/inbox`, one application at `/console/inbox/:id`. */
export function InboxArea() {
  return (
    <Routes>
      <Route index element={<InboxList />} />
      <Route path=":submissionId" element={<ApplicationPage />} />
    </Routes>
  );
}
