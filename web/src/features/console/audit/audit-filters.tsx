import type { FormEvent } from 'react';
import type { AuditFilters } from './audit-api.ts';
import { useAuditText } from './messages.ts';

interface Props {
  readonly filters: AuditFilters;
  readonly people: readonly { id: string; email: string }[];
  readonly onApply: (filters: AuditFilters) => void;
}

/** Date range, action and person; applied on submit, so typing a date does not reload per key. */
export function AuditFiltersForm({ filters, people, onApply }: Props) {
  const { t } = useAuditText();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '') || undefined;
    onApply({ from: value('from'), to: value('to'), action: value('action'), actor: value('actor') });
  }
  return (
    <form onSubmit={submit} className="audit-filters" key={JSON.stringify(filters)}>
      <fieldset>
        <legend>{t.filters}</legend>
        <div className="filter-grid">
          <label>
            {t.from}
            <input type="date" name="from" defaultValue={filters.from} />
          </label>
          <label>
            {t.to}
            <input type="date" name="to" defaultValue={filters.to} />
          </label>
          <label>
            {t.action}
            <select name="action" defaultValue={filters.action ?? ''}>
              <option value="">{t.anyAction}</option>
              {Object.entries(t.actions).map(([action, label]) => (
                <option key={action} value={action}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.actor}
            <select name="actor" defaultValue={filters.actor ?? ''}>
              <option value="">{t.anyone}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.email}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="dialog-actions">
          <button type="submit">{t.apply}</button>
          <button type="button" className="secondary" onClick={() => onApply({})}>
            {t.clear}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
