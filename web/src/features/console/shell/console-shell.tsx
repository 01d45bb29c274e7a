import { NavLink, Outlet } from 'react-router';
import { areasFor } from '../areas.ts';
import { useSession } from '../auth/session.tsx';
import { signOut } from '../auth/user-manager.ts';
import { useConsoleText } from '../i18n.tsx';
import type { ConsoleLocale } from '../messages.ts';

const otherLocale: Record<ConsoleLocale, { locale: ConsoleLocale; name: string }> = {
  de: { locale: 'en', name: 'English' },
  en: { locale: 'de', name: 'Deutsch' },
};

/** Header (organisation, areas, who is signed in, language, sign-out) around the current area. */
export function ConsoleShell() {
  const { t, locale, setLocale } = useConsoleText();
  const session = useSession();
  const other = otherLocale[locale];
  return (
    <div className="console">
      <a className="skip-link" href="#main">
        {t.skipLink}
      </a>
      <header className="console-header">
        <p className="brand">
          {session.organisationName} <span className="console-label">· {t.consoleLabel}</span>
        </p>
        <nav aria-label={t.nav}>
          <ul className="console-nav">
            {areasFor(session.role).map((area) => (
              <li key={area.path}>
                <NavLink to={`/console/${area.path}`}>{area.label(t)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="console-user">
          <p>
            <span className="visually-hidden">{t.signedInAs} </span>
            <strong data-testid="console-username">{session.username}</strong>{' '}
            <span data-testid="console-role">{session.role ? t.role[session.role] : ''}</span>
          </p>
          <button
            type="button"
            className="link-button"
            lang={other.locale}
            onClick={() => setLocale(other.locale)}
          >
            {other.name}
          </button>
          <button type="button" onClick={() => void signOut()}>
            {t.signOut}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="console-main">
        {session.role ? <Outlet /> : <p role="alert">{t.noRole}</p>}
      </main>
    </div>
  );
}
