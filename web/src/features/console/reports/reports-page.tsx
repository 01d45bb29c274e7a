import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, SignInRequired } from '../api.ts';
import { useScopeForms } from '../inbox/use-forms.ts';
import { FiguresTable } from './figures-table.tsx';
import { useReportsText } from './messages.ts';
import { MonthChart } from './month-chart.tsx';
import { downloadReportCsv, type ReportFilter, useReport } from './reports-api.ts';
import './reports.css';

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const today = () => new Date().toISOString().slice(0, 10);

/** `/console/reports`: the funders' figures for a period and programme, a chart, and the CSV. */
export function ReportsPage() {
  const { t, locale } = useReportsText();
  const [params, setParams] = useSearchParams();
  const year = new Date().getUTCFullYear();
  const filter: ReportFilter = {
    from: params.get('from') ?? `${year}-01-01`,
    to: params.get('to') ?? today(),
    ...(params.get('form') ? { form: params.get('form') as string } : {}),
  };
  const [draft, setDraft] = useState({ from: filter.from, to: filter.to, form: filter.form ?? '' });
  const { forms } = useScopeForms(locale);
  const valid = filter.from <= filter.to;
  const report = useReport(filter, locale);
  const [download, setDownload] = useState<{ kind: 'done' | 'error'; text: string } | undefined>();

  function show(next: { from: string; to: string; form: string }) {
    setDraft(next);
    setParams({ from: next.from, to: next.to, ...(next.form ? { form: next.form } : {}) });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    show(draft);
  }
  async function csv() {
    setDownload(undefined);
    try {
      setDownload({ kind: 'done', text: t.downloaded(await downloadReportCsv(filter, locale)) });
    } catch (error) {
      if (error instanceof SignInRequired) return;
      setDownload({ kind: 'error', text: error instanceof ApiError ? error.message : t.failed });
    }
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p className="muted">{t.intro}</p>
      <form className="report-filter" onSubmit={submit}>
        <fieldset>
          <legend>{t.period}</legend>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => show({ ...yearRange(year), form: draft.form })}
            >
              {t.thisYear}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() => show({ ...yearRange(year - 1), form: draft.form })}
            >
              {t.lastYear}
            </button>
          </div>
          <div className="report-fields">
            <div className="field">
              <label htmlFor="report-from">{t.from}</label>
              <input
                id="report-from"
                type="date"
                value={draft.from}
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="report-to">{t.to}</label>
              <input
                id="report-to"
                type="date"
                value={draft.to}
                onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor="report-form">{t.programme}</label>
              <select
                id="report-form"
                value={draft.form}
                onChange={(e) => setDraft({ ...draft, form: e.target.value })}
              >
                <option value="">{t.allProgrammes}</option>
                {forms.map((form) => (
                  <option key={form.slug} value={form.slug}>
                    {form.title}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit">{t.show}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => void csv()}
            aria-disabled={!valid || undefined}
          >
            {t.downloadCsv}
          </button>
        </div>
        <p aria-live="polite" className={download?.kind === 'error' ? 'error' : undefined}>
          {download?.text ?? ''}
        </p>
      </form>
      {!valid && (
        <p role="alert" className="error">
          {t.badPeriod}
        </p>
      )}
      {valid && report.isPending && <p role="status">{t.loading}</p>}
      {report.isError && !(report.error instanceof SignInRequired) && (
        <p role="alert" className="error">
          {report.error instanceof ApiError && report.error.status === 400
            ? report.error.message
            : t.loadFailed}
        </p>
      )}
      {report.isSuccess && (
        <>
          <FiguresTable report={report.data} />
          {report.data.months.length > 0 ? <MonthChart months={report.data.months} /> : <p>{t.noMonths}</p>}
        </>
      )}
    </>
  );
}
