import { fromLocalInput, toLocalInput } from './date-time.ts';
import { getAt } from './definition-access.ts';
import type { SectionProps } from './section-props.ts';
import { SettingsField } from './settings-field.tsx';
import { NumberField } from './synced-fields.tsx';

/** Opening and closing moments, a limit of submissions, and whether the home page lists the form. */
export function AvailabilitySection({ definition, set, t, issue }: SectionProps) {
  const at = (key: string) => getAt(definition, ['availability', key]);
  const moment = (key: 'opensAt' | 'closesAt', label: string, hint: string) => (
    <SettingsField
      id={`form-settings-${key}`}
      type="datetime-local"
      label={label}
      hint={hint}
      value={toLocalInput(at(key))}
      onChange={(value) => set(['availability', key], fromLocalInput(value), label)}
      error={issue(`availability.${key}`)}
    />
  );
  return (
    <fieldset className="form-settings-section">
      <legend>{t.availability}</legend>
      {moment('opensAt', t.opensAt, t.opensAtHint)}
      {moment('closesAt', t.closesAt, t.closesAtHint)}
      <NumberField
        id="form-settings-maxSubmissions"
        label={t.maxSubmissions}
        hint={t.maxSubmissionsHint}
        value={at('maxSubmissions')}
        onChange={(value) => set(['availability', 'maxSubmissions'], value, t.maxSubmissions)}
        error={issue('availability.maxSubmissions')}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={at('listed') !== false}
          onChange={(event) => set(['availability', 'listed'], event.target.checked, t.listed)}
          aria-describedby="form-settings-listed-hint"
        />
        {t.listed}
      </label>
      <p id="form-settings-listed-hint" className="muted">
        {t.listedHint}
      </p>
    </fieldset>
  );
}
