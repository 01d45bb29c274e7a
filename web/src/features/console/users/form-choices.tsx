import { useId } from 'react';
import { useUsersText } from './messages.ts';
import { formTitle, usePublishedForms } from './users-api.ts';

interface Props {
  readonly value: readonly string[];
  readonly onChange: (forms: string[]) => void;
  readonly error?: string | undefined;
  readonly disabled?: boolean;
}

/** Which forms a person works on: every form (`*`) or some of the published ones. */
export function FormChoices({ value, onChange, error, disabled = false }: Props) {
  const { t, locale } = useUsersText();
  const forms = usePublishedForms();
  const errorId = useId();
  const every = value.includes('*');
  const toggle = (slug: string, checked: boolean) =>
    onChange(checked ? [...value, slug] : value.filter((chosen) => chosen !== slug));

  return (
    <fieldset
      className="choices"
      disabled={disabled}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{t.chooseForms}</legend>
      <label className="choice">
        <input type="checkbox" checked={every} onChange={(event) => toggle('*', event.target.checked)} />
        {t.everyForm}
      </label>
      {forms.data?.map((form) => (
        <label className="choice" key={form.slug}>
          <input
            type="checkbox"
            name="forms"
            value={form.slug}
            checked={value.includes(form.slug)}
            disabled={every}
            onChange={(event) => toggle(form.slug, event.target.checked)}
          />
          {formTitle(form, locale)} <span className="muted">({form.slug})</span>
        </label>
      ))}
      {forms.data?.length === 0 && <p className="muted">{t.noPublishedForms}</p>}
      {error && (
        <p id={errorId} className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
