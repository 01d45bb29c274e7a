import { type ReactNode, useEffect, useId, useState } from 'react';
import { directionOf, type Locale, languageNames, publicLocales, shellMessages } from './messages.ts';
import './public-pages.css';

interface PublicSettings {
  readonly name: string;
  readonly logo?: { readonly url: string; readonly width: number; readonly height: number };
}

const isLocale = (value: string | null | undefined): value is Locale =>
  Boolean(value) && (publicLocales as readonly string[]).includes(value as string);

function firstLocale(candidates: readonly (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const base = candidate?.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'de';
}

/**
 * The page's language: the one chosen with the switch (`?lang=`), else the volunteer's own (from the
 * record), else the browser's; sets the document's lang and direction (ar/fa right to left).
 */
export function usePageLocale(recorded: string | undefined): [Locale, (next: Locale) => void] {
  const [chosen, setChosen] = useState(() => new URLSearchParams(window.location.search).get('lang'));
  const locale = firstLocale([chosen, recorded, ...(navigator.languages ?? [])]);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  const choose = (next: Locale) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
    setChosen(next);
  };
  return [locale, choose];
}

/** Header (the organisation's name and logo, a language switch) and main landmark of the public pages. */
export function PublicShell(props: {
  readonly locale: Locale;
  readonly onLocale: (next: Locale) => void;
  readonly title: string;
  readonly children: ReactNode;
}) {
  const [settings, setSettings] = useState<PublicSettings>();
  const switchId = useId();
  const t = shellMessages(props.locale);
  useEffect(() => {
    fetch('/api/settings', { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<PublicSettings>) : undefined))
      .then(setSettings, () => undefined);
  }, []);
  useEffect(() => {
    document.title = settings?.name ? `${props.title} – ${settings.name}` : props.title;
  }, [props.title, settings?.name]);
  return (
    <div className="vp">
      <header className="vp-header">
        <div className="vp-brand">
          {settings?.logo && (
            <img src={settings.logo.url} alt="" width={settings.logo.width} height={settings.logo.height} />
          )}
          <span>{settings?.name ?? ''}</span>
        </div>
        <div className="vp-language">
          <label htmlFor={switchId}>{props.locale === 'en' ? t.language : `${t.language} · Language`}</label>
          <select
            id={switchId}
            value={props.locale}
            onChange={(event) => props.onLocale(event.currentTarget.value as Locale)}
          >
            {publicLocales.map((option) => (
              <option key={option} value={option} lang={option}>
                {languageNames[option]}
              </option>
            ))}
          </select>
        </div>
      </header>
      <main className="vp-main">{props.children}</main>
    </div>
  );
}

/** Dates in the page's language; sessions are a calendar date, shown without a time-zone shift. */
export const formatDay = (date: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
export const formatMoment = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
export const formatDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(iso));

/** Reads a public JSON route; an error keeps its status (404 unknown link, 410 over). */
export async function getJson<T>(
  path: string,
): Promise<{ ok: true; value: T } | { ok: false; status: number }> {
  try {
    const response = await fetch(path, { headers: { accept: 'application/json' } });
    if (!response.ok) return { ok: false, status: response.status };
    return { ok: true, value: (await response.json()) as T };
  } catch {
    return { ok: false, status: 0 };
  }
}

/** A POST from this page (same origin, so the server accepts it); the error message comes back for 4xx. */
export async function postJson<T>(
  path: string,
  body: unknown,
): Promise<{ ok: true; value: T } | { ok: false; status: number; message?: string }> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const payload = (await response.json().catch(() => undefined)) as
      | { error?: { message?: string } }
      | undefined;
    if (!response.ok) return { ok: false, status: response.status, message: payload?.error?.message };
    return { ok: true, value: payload as T };
  } catch {
    return { ok: false, status: 0 };
  }
}
