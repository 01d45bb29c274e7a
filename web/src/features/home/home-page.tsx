import { type CSSProperties, useEffect, useState } from 'react';
import { type ListedForm, loadHome, type PublicSettings } from './api.ts';
import { directionOf, homeMessages, languageName, pickLocale } from './messages.ts';
import './home.css';

type Load =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'ready'; settings: PublicSettings; forms: readonly ListedForm[] };

const browserLanguages = () => (typeof navigator === 'undefined' ? [] : navigator.languages);

/** `/`: the organisation's home, with its open forms in the visitor's language. Public and light. */
export function HomePage() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [requested, setRequested] = useState(() => new URLSearchParams(window.location.search).get('lang'));

  useEffect(() => {
    loadHome().then(
      ({ settings, forms }) => setLoad({ kind: 'ready', settings, forms }),
      () => setLoad({ kind: 'failed' }),
    );
  }, []);

  const offered = load.kind === 'ready' ? load.settings.locales : ['de', 'en'];
  const locale = pickLocale(offered, requested, browserLanguages());
  const t = homeMessages(locale);
  const name = load.kind === 'ready' ? load.settings.name : '';

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
    if (name) document.title = name;
  }, [locale, name]);

  function switchTo(next: string) {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', next);
    window.history.replaceState(null, '', url);
    setRequested(next);
  }

  if (load.kind !== 'ready') {
    return (
      <main className="home-main">
        <p role={load.kind === 'failed' ? 'alert' : 'status'}>
          {load.kind === 'failed' ? t.failed : t.loading}
        </p>
      </main>
    );
  }
  const { settings, forms } = load;
  const style = { '--lotse-primary': settings.primaryColour } as CSSProperties;

  return (
    <div className="home" style={style}>
      <header className="home-header">
        <div className="home-brand">
          {settings.logo && (
            <img src={settings.logo.url} alt="" width={settings.logo.width} height={settings.logo.height} />
          )}
          <h1>{settings.name}</h1>
        </div>
        {settings.locales.length > 1 && (
          <nav
            className="home-languages"
            aria-label={locale.startsWith('en') ? t.language : `${t.language} · Language`}
          >
            <ul>
              {settings.locales.map((option) => (
                <li key={option}>
                  <button
                    type="button"
                    lang={option}
                    dir={directionOf(option)}
                    aria-current={option === locale ? 'true' : undefined}
                    onClick={() => option !== locale && switchTo(option)}
                  >
                    {languageName(option)}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main className="home-main">
        <p>{t.intro}</p>
        <h2>{t.forms}</h2>
        {forms.length === 0 ? (
          <p>{t.noForms}</p>
        ) : (
          <ul className="home-forms">
            {forms.map((form) => (
              <FormCard key={form.slug} form={form} locale={locale} onlyIn={t.onlyIn} />
            ))}
          </ul>
        )}
      </main>
      <footer className="home-footer">
        <ul>
          {settings.privacyUrl && (
            <li>
              <a href={settings.privacyUrl}>{t.privacy}</a>
            </li>
          )}
          {settings.imprintUrl && (
            <li>
              <a href={settings.imprintUrl}>{t.imprint}</a>
            </li>
          )}
          <li>
            <a href="/console">{t.staff}</a>
          </li>
        </ul>
      </footer>
    </div>
  );
}

/** One form: its title and description in the visitor's language, else in the form's own (marked with `lang`). */
function FormCard({ form, locale, onlyIn }: { form: ListedForm; locale: string; onlyIn: string }) {
  const offered = form.locales ?? Object.keys(form.title);
  const shown = offered.includes(locale) ? locale : (form.defaultLocale ?? offered[0] ?? locale);
  const title = form.title[shown] ?? form.slug;
  const description = form.description?.[shown];
  return (
    <li lang={shown === locale ? undefined : shown} dir={shown === locale ? undefined : directionOf(shown)}>
      <a href={`/f/${form.slug}?lang=${encodeURIComponent(shown)}`}>{title}</a>
      {description && <p>{description}</p>}
      {shown !== locale && (
        <p className="home-only-in" lang={locale} dir={directionOf(locale)}>
          {onlyIn}: {offered.map(languageName).join(', ')}
        </p>
      )}
    </li>
  );
}
