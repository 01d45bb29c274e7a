/**
 * The local OpenID provider's own pages (sign-in, sign-out, errors), rendered on the server in
 * German and English with no external assets, like Cognito's managed login: labelled fields, the
 * error tied to the field it is about, usable at 390 px and with the keyboard alone.
 */
export type PageLocale = 'de' | 'en';

const text = {
  de: {
    signInTitle: 'Anmelden',
    intro: 'Melden Sie sich an, um mit Lotse zu arbeiten.',
    username: 'Benutzername oder E-Mail-Adresse',
    password: 'Passwort',
    submit: 'Anmelden',
    wrong: 'Benutzername oder Passwort ist falsch.',
    locked: 'Zu viele fehlgeschlagene Versuche. Versuchen Sie es in 15 Minuten wieder.',
    missing: 'Bitte Benutzername und Passwort eingeben.',
    otherLanguage: 'English',
    signingOut: 'Sie werden abgemeldet …',
    signOut: 'Abmelden',
    signedOut: 'Sie sind abgemeldet.',
    errorTitle: 'Das hat nicht geklappt',
    errorText: 'Die Anmeldung konnte nicht fortgesetzt werden. Öffnen Sie die Konsole erneut.',
  },
  en: {
    signInTitle: 'Sign in',
    intro: 'Sign in to work with Lotse.',
    username: 'Username or e-mail address',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'Incorrect username or password.',
    locked: 'Too many failed attempts. Try again in 15 minutes.',
    missing: 'Please enter username and password.',
    otherLanguage: 'Deutsch',
    signingOut: 'Signing you out …',
    signOut: 'Sign out',
    signedOut: 'You are signed out.',
    errorTitle: 'Something went wrong',
    errorText: 'Sign-in could not continue. Open the console again.',
  },
} as const;

export type SignInProblem = 'wrong' | 'locked' | 'missing';

/** `ui_locales` first (what the console asks for), then the browser's Accept-Language; German by default. */
export function chooseLocale(uiLocales: unknown, acceptLanguage: string | undefined): PageLocale {
  const wanted = [
    ...(typeof uiLocales === 'string' ? uiLocales.split(' ') : []),
    ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]?.trim() ?? ''),
  ];
  for (const tag of wanted) {
    const language = tag.slice(0, 2).toLowerCase();
    if (language === 'de' || language === 'en') return language;
  }
  return 'de';
}

export function signInPage(options: {
  locale: PageLocale;
  action: string;
  switchLanguageUrl: string;
  username?: string;
  problem?: SignInProblem;
}): string {
  const t = text[options.locale];
  const problem = options.problem ? t[options.problem] : undefined;
  // The error belongs to the password for a wrong or locked sign-in, to both fields when empty.
  const passwordInvalid = problem !== undefined;
  const usernameInvalid = options.problem === 'missing';
  const focusUsername = !options.username;
  return layout(
    options.locale,
    t.signInTitle,
    `<h1>${t.signInTitle}</h1>
<p>${t.intro}</p>
${problem ? `<p id="sign-in-error" class="error" role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="${escapeHtml(options.action)}" novalidate>
  <input type="hidden" name="lang" value="${options.locale}">
  <label for="username">${t.username}</label>
  <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(options.username ?? '')}"${usernameInvalid ? ' aria-invalid="true" aria-describedby="sign-in-error"' : ''}${focusUsername ? ' autofocus' : ''}>
  <label for="password">${t.password}</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required${passwordInvalid ? ' aria-invalid="true" aria-describedby="sign-in-error"' : ''}${focusUsername ? '' : ' autofocus'}>
  <button type="submit">${t.submit}</button>
</form>
<p><a href="${escapeHtml(options.switchLanguageUrl)}" lang="${options.locale === 'de' ? 'en' : 'de'}">${t.otherLanguage}</a></p>`,
  );
}

/**
 * RP-initiated logout asks the provider to confirm; Cognito's /logout does not, so neither do we:
 * the page submits itself (the button remains for a browser without JavaScript).
 */
export function logoutPage(locale: PageLocale, form: string): string {
  const t = text[locale];
  return layout(
    locale,
    t.signOut,
    `<h1>${t.signingOut}</h1>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">${t.signOut}</button>
<script>
  const form = document.getElementById('op.logoutForm');
  const yes = Object.assign(document.createElement('input'), { type: 'hidden', name: 'logout', value: 'yes' });
  form.appendChild(yes);
  form.submit();
</script>`,
  );
}

export function signedOutPage(locale: PageLocale): string {
  return layout(locale, text[locale].signedOut, `<h1>${text[locale].signedOut}</h1>`);
}

/** Error details stay out of the page: they may name a client or a parameter, never help a person. */
export function errorPage(locale: PageLocale, code: string): string {
  const t = text[locale];
  return layout(
    locale,
    t.errorTitle,
    `<h1>${t.errorTitle}</h1>
<p role="alert">${t.errorText}</p>
<p><small>${escapeHtml(code)}</small></p>`,
  );
}

function layout(locale: PageLocale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Lotse</title>
<style>
  :root { font-family: system-ui, sans-serif; color: #1b1b1b; background: #f4f5f7; line-height: 1.5; }
  body { margin: 0; }
  main { box-sizing: border-box; max-width: 26rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 0.5rem; }
  .brand { margin: 0 0 1rem; font-weight: 700; color: #0b5cad; }
  h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input { box-sizing: border-box; width: 100%; margin-top: 0.25rem; padding: 0.6rem; font: inherit; border: 1px solid #6b7280; border-radius: 0.25rem; }
  input[aria-invalid="true"] { border-color: #b00020; border-width: 2px; }
  button { margin-top: 1.5rem; width: 100%; padding: 0.7rem; font: inherit; font-weight: 600; color: #fff; background: #0b5cad; border: 0; border-radius: 0.25rem; cursor: pointer; }
  :focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  .error { color: #b00020; font-weight: 600; }
  a { color: #0b5cad; }
  @media (max-width: 480px) { main { margin: 0; border-radius: 0; min-height: 100vh; } }
</style>
</head>
<body>
<main>
<p class="brand">Lotse</p>
${body}
</main>
</body>
</html>`;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
