import { useState } from 'react';
import { SignInRequired } from '../api.ts';
import { useSettingsText } from './messages.ts';
import { useSettings } from './settings-api.ts';
import { SettingsForm } from './settings-form.tsx';

/** `/console/settings`: the organisation's name, logo, sender, links, languages, colour, retention. */
export function SettingsPage() {
  const { t, locale } = useSettingsText();
  const settings = useSettings();
  const [message, setMessage] = useState<string>();
  const data = settings.data;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {data?.updatedBy && data.updatedAt && (
        <p className="muted">{t.lastSaved(data.updatedBy, when.format(new Date(data.updatedAt)))}</p>
      )}
      <div aria-live="polite" className="admin-status">
        {message && <p className="success">{message}</p>}
      </div>
      {settings.isError && !(settings.error instanceof SignInRequired) && (
        <p role="alert" className="error">
          {t.loadFailed}
        </p>
      )}
      {settings.isPending && <p role="status">…</p>}
      {/* Mounted once the settings are there; later loads go through its own reload. */}
      {data && <SettingsForm settings={data} onSaved={setMessage} />}
    </>
  );
}
