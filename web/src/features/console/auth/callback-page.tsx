import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useConsoleText } from '../i18n.tsx';
import { completeSignIn, signIn } from './user-manager.ts';

/** Where the provider sends the browser back with the code: exchanges it and opens the console. */
export function CallbackPage() {
  const { t, locale } = useConsoleText();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    completeSignIn().then(
      (returnTo) => navigate(returnTo, { replace: true }),
      () => setFailed(true),
    );
  }, [navigate]);
  return (
    <main className="page" id="main">
      {failed ? (
        <>
          <h1>{t.signInFailed}</h1>
          <button type="button" onClick={() => void signIn('/console', locale)}>
            {t.signInAgain}
          </button>
        </>
      ) : (
        <p role="status">{t.signingIn}</p>
      )}
    </main>
  );
}

export function SignedOutPage() {
  const { t, locale } = useConsoleText();
  return (
    <main className="page" id="main">
      <p className="brand">Lotse</p>
      <h1>{t.signedOut}</h1>
      <button type="button" onClick={() => void signIn('/console', locale)}>
        {t.signInAgain}
      </button>
      <p>
        <a href="/">{t.toHome}</a>
      </p>
    </main>
  );
}
