import { useSettingsText } from './messages.ts';
import { contrastWithWhite } from './settings-api.ts';
import { TextField } from './text-field.tsx';

interface Props {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
}

/** The primary colour with a sample and a live note on how readable white text on it is. */
export function ColourField({ value, onChange, error }: Props) {
  const { t, locale } = useSettingsText();
  const contrast = contrastWithWhite(value.trim());
  const ratio = contrast?.toLocaleString(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const note =
    contrast === undefined || ratio === undefined
      ? t.contrastInvalid
      : contrast >= 4.5
        ? t.contrastOk(ratio)
        : t.contrastLow(ratio);
  return (
    <div className="colour-field">
      <TextField
        id="settings-primaryColour"
        label={t.primaryColour}
        value={value}
        onChange={onChange}
        error={error}
        spellCheck={false}
        autoComplete="off"
      />
      <label htmlFor="settings-colour-picker">{t.pickColour}</label>
      <input
        id="settings-colour-picker"
        type="color"
        value={contrast === undefined ? '#000000' : value.trim().toLowerCase()}
        onChange={(event) => onChange(event.target.value)}
      />
      <span
        className="colour-swatch"
        aria-hidden="true"
        style={contrast === undefined ? undefined : { background: value.trim() }}
      />
      <p
        id="settings-contrast"
        aria-live="polite"
        className={contrast !== undefined && contrast >= 4.5 ? 'muted' : 'warning'}
      >
        {note}
      </p>
    </div>
  );
}
