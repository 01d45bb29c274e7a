import { type ChangeEvent, useState } from 'react';
import type { Draft } from './draft.ts';
import { useSettingsText } from './messages.ts';
import type { StoredSettings } from './settings-api.ts';

const MAX_BYTES = 200 * 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/webp'];

interface Props {
  readonly current: StoredSettings['logo'];
  readonly value: Draft['logo'];
  readonly onChange: (logo: Draft['logo']) => void;
  readonly error?: string | undefined;
}

const readBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/**
 * The logo with its rules stated before upload; the browser refuses what the API would (type,
 * size) at once, and the API checks the bytes themselves.
 */
export function LogoField({ current, value, onChange, error }: Props) {
  const { t } = useSettingsText();
  const id = 'settings-logo';
  const [localError, setLocalError] = useState<string>();
  const shown = localError ?? error;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setLocalError(undefined);
    if (!file) return onChange({ kind: 'keep' });
    if (!TYPES.includes(file.type)) return refuse(event, t.logoWrongType);
    if (file.size > MAX_BYTES) return refuse(event, t.logoTooLarge(Math.ceil(file.size / 1024)));
    const dataUrl = await readBase64(file);
    onChange({ kind: 'new', base64: dataUrl.slice(dataUrl.indexOf(',') + 1), preview: dataUrl });
  }

  function refuse(event: ChangeEvent<HTMLInputElement>, message: string) {
    event.target.value = '';
    setLocalError(message);
    onChange({ kind: 'keep' });
  }

  return (
    <div className="field logo-field">
      <label htmlFor={id}>{t.logo}</label>
      <p id={`${id}-rules`} className="muted">
        {t.logoRules}
      </p>
      <div className="logo-previews">
        {current && value.kind !== 'remove' ? (
          <figure>
            <img src={`/api/settings/logo?v=${current.hash}`} alt={t.currentLogo} height={64} />
            <figcaption>{t.currentLogo}</figcaption>
          </figure>
        ) : (
          !current && <p className="muted">{t.noLogo}</p>
        )}
        {value.kind === 'new' && (
          <figure>
            <img src={value.preview} alt={t.newLogo} height={64} data-testid="logo-preview" />
            <figcaption>{t.newLogo}</figcaption>
          </figure>
        )}
      </div>
      <input
        id={id}
        type="file"
        accept={TYPES.join(',')}
        onChange={(event) => void choose(event)}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-rules ${id}-error` : `${id}-rules`}
      />
      {shown && (
        <p id={`${id}-error`} className="error" role="alert">
          {shown}
        </p>
      )}
      {current && (
        <label className="choice">
          <input
            type="checkbox"
            checked={value.kind === 'remove'}
            onChange={(event) => onChange(event.target.checked ? { kind: 'remove' } : { kind: 'keep' })}
          />
          {t.removeLogo}
        </label>
      )}
    </div>
  );
}
