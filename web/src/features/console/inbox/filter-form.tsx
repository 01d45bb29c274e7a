import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { FILTER_KEYS, type InboxFilters, STATUSES, STEPS } from './inbox-api.ts';
import { useInboxText } from './messages.ts';

interface Props {
  readonly filters: InboxFilters;
  readonly forms: readonly { slug: string; title: string }[];
  readonly onApply: (filters: InboxFilters) => void;
}

/** Form, status, step, date range and "assigned to me"; applied into the query string. */
export function FilterForm({ filters, forms, onApply }: Props) {
  const { t } = useInboxText();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const value = data.get(key);
      if (typeof value === 'string' && value) next[key] = value;
    }
    onApply(next as InboxFilters);
  }
  return (
    <form className="inbox-filters" onSubmit={submit}>
      <fieldset>
        <legend>{t.filters}</legend>
        <div className="filter-fields">
          <div className="filter-field">
            <label htmlFor="filter-form">{t.form}</label>
            <select id="filter-form" name="form" defaultValue={filters.form ?? ''}>
              <option value="">{t.allForms}</option>
              {forms.map((form) => (
                <option key={form.slug} value={form.slug}>
                  {form.title}
                </option>
              ))}
            </select>
          </div>
          <div className="filter-field">
            <label htmlFor="filter-status">{t.statusLabel}</label>
            <select id="filter-status" name="status" defaultValue={filters.status ?? ''}>
              <option value="">{t.anyStatus}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t.status[status]}
                </option>
              ))}
            </select>
          </div>
          <div className="filter-field">
            <label htmlFor="filter-step">{t.stepLabel}</label>
            <select id="filter-step" name="step" defaultValue={filters.step ?? ''}>
              <option value="">{t.anyStep}</option>
              {STEPS.map((step) => (
                <option key={step} value={step}>
                  {t.step[step]}
                </option>
              ))}
            </select>
          </div>
          <div className="filter-field">
            <label htmlFor="filter-from">{t.from}</label>
            <input type="date" id="filter-from" name="from" defaultValue={filters.from ?? ''} />
          </div>
          <div className="filter-field">
            <label htmlFor="filter-to">{t.to}</label>
            <input type="date" id="filter-to" name="to" defaultValue={filters.to ?? ''} />
          </div>
          <label className="check">
            <input type="checkbox" name="assigned" value="me" defaultChecked={filters.assigned === 'me'} />
            {t.assignedToMe}
          </label>
        </div>
        <div className="actions">
          <button type="submit">{t.apply}</button>
          <Link to="?">{t.reset}</Link>
        </div>
      </fieldset>
    </form>
  );
}
