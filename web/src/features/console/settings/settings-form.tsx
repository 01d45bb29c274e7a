import { type FormEvent, useState } from 'react';
import { ApiError, SignInRequired } from '../api.ts';
import { ColourField } from './colour-field.tsx';
import { type Draft, fromSettings, toUpdate } from './draft.ts';
import { LocalesField } from './locales-field.tsx';
import { LogoField } from './logo-field.tsx';
import { useSettingsText } from './messages.ts';
import { isConflict, type StoredSettings, useSaveSettings, useSettings } from './settings-api.ts';
import { TextField } from './text-field.tsx';

// In the order the form shows them: a refused save focuses the first one the API named.
const FIELD_ORDER = ['name', 'logo', 'senderName', 'replyTo', 'privacyUrl', 'imprintUrl', 'locales'];
const LATER_FIELDS = ['primaryColour', 'auditRetentionDays'];

function errorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.status !== 400) return {};
  const byField: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.field.split('.')[0] ?? '';
    byField[field] = byField[field] ? `${byField[field]} ${issue.message}` : issue.message;
  }
  return byField;
}

interface Props {
  readonly settings: StoredSettings;
  /** With a message after a save; without one when a new save starts. */
  readonly onSaved: (message?: string) => void;
}

/** Every organisation setting, saved with the version it was loaded at (a stale save gets a 409). */
export function SettingsForm({ settings, onSaved }: Props) {
  const { t } = useSettingsText();
  const save = useSaveSettings();
  const reload = useSettings();
  const [draft, setDraft] = useState<Draft>(() => fromSettings(settings));
  const [version, setVersion] = useState(settings.version);
  const failure = save.error instanceof SignInRequired ? undefined : save.error;
  const errors = errorsOf(failure);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((previous) => ({ ...previous, [key]: value }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSaved();
    save.mutate(toUpdate(draft, version), {
      onSuccess: (saved) => {
        setVersion(saved.version);
        setDraft(fromSettings(saved));
        onSaved(t.saved(saved.version));
      },
      onError: (error) => {
        const first = [...FIELD_ORDER, ...LATER_FIELDS].find((field) => errorsOf(error)[field]);
        if (first) document.getElementById(`settings-${first}`)?.focus();
      },
    });
  }

  async function loadAgain() {
    const fresh = await reload.refetch();
    if (!fresh.data) return;
    setDraft(fromSettings(fresh.data));
    setVersion(fresh.data.version);
    save.reset();
    document.getElementById('settings-name')?.focus();
  }

  const current = reload.data ?? settings;
  const field = (
    key: 'name' | 'senderName' | 'replyTo' | 'privacyUrl' | 'imprintUrl',
    label: string,
    type = 'text',
  ) => (
    <TextField
      id={`settings-${key}`}
      label={label}
      type={type}
      value={draft[key]}
      onChange={set(key)}
      error={errors[key]}
    />
  );

  return (
    <form onSubmit={submit} noValidate className="settings-form">
      <fieldset>
        <legend>{t.identity}</legend>
        {field('name', t.name)}
        <LogoField current={current.logo} value={draft.logo} onChange={set('logo')} error={errors.logo} />
      </fieldset>
      <fieldset>
        <legend>{t.mail}</legend>
        {field('senderName', t.senderName)}
        {field('replyTo', `${t.replyTo} (${t.optional})`, 'email')}
      </fieldset>
      <fieldset>
        <legend>{t.links}</legend>
        {field('privacyUrl', `${t.privacyUrl} (${t.optional})`, 'url')}
        {field('imprintUrl', `${t.imprintUrl} (${t.optional})`, 'url')}
      </fieldset>
      <LocalesField value={draft.locales} onChange={set('locales')} error={errors.locales} />
      <fieldset>
        <legend>{t.colour}</legend>
        <ColourField
          value={draft.primaryColour}
          onChange={set('primaryColour')}
          error={errors.primaryColour}
        />
      </fieldset>
      <fieldset>
        <legend>{t.audit}</legend>
        <TextField
          id="settings-auditRetentionDays"
          label={t.retention}
          inputMode="numeric"
          value={draft.auditRetentionDays}
          onChange={set('auditRetentionDays')}
          error={errors.auditRetentionDays}
        />
      </fieldset>
      <div aria-live="polite">
        {isConflict(failure) && (
          <div className="conflict error">
            <p>
              {t.conflict} {failure?.message}
            </p>
            <button type="button" onClick={() => void loadAgain()}>
              {t.reload}
            </button>
          </div>
        )}
        {Object.keys(errors).length > 0 && <p className="error">{t.invalid}</p>}
        {failure && !(failure instanceof ApiError) && <p className="error">{t.failed}</p>}
        {failure instanceof ApiError && !isConflict(failure) && failure.status !== 400 && (
          <p className="error">{failure.message}</p>
        )}
      </div>
      <button type="submit" disabled={save.isPending}>
        {t.save}
      </button>
    </form>
  );
}
