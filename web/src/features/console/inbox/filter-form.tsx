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
          <label>
            {t.form}
            <select name="form" defaultValue={filters.form ?? ''}>
              <option value="">{t.allForms}</option>
              {forms.map((form) => (
                <option key={form.slug} value={form.slug}>
                  {form.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.statusLabel}
            <select name="status" defaultValue={filters.status ?? ''}>
              <option value="">{t.anyStatus}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t.status[status]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.stepLabel}
            <select name="step" defaultValue={filters.step ?? ''}>
              <option value="">{t.anyStep}</option>
              {STEPS.map((step) => (
                <option key={step} value={step}>
                  {t.step[step]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.from}
            <input type="date" name="from" defaultValue={filters.from ?? ''} />
          </label>
          <label>
            {t.to}
            <input type="date" name="to" defaultValue={filters.to ?? ''} />
          </label>
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
