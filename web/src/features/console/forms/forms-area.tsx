import { Route, Routes } from 'react-router';
import { EditorPage } from './editor/editor-page.tsx';
import { FormsList } from './forms-list.tsx';
import { NewForm } from './new-form.tsx';
import './forms.css';

/** `/console/forms`: the list, `new`, and one form's editor at `:slug/<tab>`. */
export function FormsArea() {
  return (
    <Routes>
      <Route index element={<FormsList />} />
      <Route path="new" element={<NewForm />} />
      <Route path=":slug/:tab?" element={<EditorPage />} />
    </Routes>
  );
}
