import { useSettingsText } from './messages.ts';

// Languages Lotse's forms and mails are commonly offered in; any others saved stay listed.
const COMMON = ['de', 'en', 'ar', 'uk', 'tr', 'ru', 'fa', 'fr', 'es', 'pl'];

interface Props {
  readonly value: readonly string[];
  readonly onChange: (locales: string[]) => void;
  readonly error?: string | undefined;
}

/** The languages pages offer, each named in its own language and the console's. */
export function LocalesField({ value, onChange, error }: Props) {
  const { t, locale } = useSettingsText();
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  const options = [...new Set([...COMMON, ...value])];
  const toggle = (code: string, checked: boolean) =>
    onChange(
      checked ? options.filter((o) => o === code || value.includes(o)) : value.filter((o) => o !== code),
    );
  return (
    <fieldset
      id="settings-locales"
      className="choices locales"
      tabIndex={-1}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? 'settings-locales-error' : undefined}
    >
      <legend>{t.locales}</legend>
      {options.map((code) => (
        <label className="choice" key={code}>
          <input
            type="checkbox"
            value={code}
            checked={value.includes(code)}
            onChange={(event) => toggle(code, event.target.checked)}
          />
          {names.of(code) ?? code} <span className="muted">({code})</span>
        </label>
      ))}
      {error && (
        <p id="settings-locales-error" className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
