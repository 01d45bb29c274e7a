import { Link } from 'react-router';
import { SignInRequired } from '../api.ts';
import { type AdminFormSummary, useFormsList } from './forms-api.ts';
import { type FormsMessages, useFormsText } from './messages.ts';

export function statusOf(form: AdminFormSummary, t: FormsMessages): string {
  if (form.publishedVersion === undefined) return t.draftOnly;
  if (form.draft && form.draft.revision > 0) return t.draftChanged(form.publishedVersion);
  return t.published(form.publishedVersion);
}

export const titleOf = (form: { title: Record<string, string>; defaultLocale: string; slug: string }) =>
  form.title[form.defaultLocale] ?? Object.values(form.title)[0] ?? form.slug;

/** `/console/forms`: every form with its state, languages and submissions. */
export function FormsList() {
  const { t } = useFormsText();
  const list = useFormsList();
  const forms = list.data?.forms ?? [];
  return (
    <>
      <h1>{t.title}</h1>
      <p>
        <Link className="button-link" to="/console/forms/new">
          {t.newForm}
        </Link>
      </p>
      {list.isPending && <p role="status">{t.loading}</p>}
      {list.isError && !(list.error instanceof SignInRequired) && (
        <p role="alert" className="error">
          {t.loadFailed}
        </p>
      )}
      {list.isSuccess && forms.length === 0 && <p>{t.none}</p>}
      {forms.length > 0 && (
        <div className="table-scroll">
          <table className="admin-table forms-table">
            <thead>
              <tr>
                <th scope="col">{t.columns.title}</th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.languages}</th>
                <th scope="col">{t.columns.submissions}</th>
                <th scope="col">{t.columns.listed}</th>
              </tr>
            </thead>
            <tbody>
              {forms.map((form) => (
                <tr key={form.slug} data-form={form.slug}>
                  <th scope="row">
                    <Link to={`/console/forms/${form.slug}/build`} aria-label={t.open(titleOf(form))}>
                      {titleOf(form)}
                    </Link>
                    <span className="muted"> ({form.slug})</span>
                  </th>
                  <td data-label={t.columns.status}>{statusOf(form, t)}</td>
                  <td data-label={t.columns.languages}>{form.locales.join(', ')}</td>
                  <td data-label={t.columns.submissions}>{form.submissions}</td>
                  <td data-label={t.columns.listed}>{form.listed ? t.yes : t.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
