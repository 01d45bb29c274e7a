/** The words of the local invitation mail and set-password page, in German and English. */
export type Lang = 'de' | 'en';

export const langOf = (value: string | undefined): Lang =>
  value?.toLowerCase().startsWith('en') ? 'en' : 'de';

import { staffPasswordPolicy } from '../../../functions/shared/definitions/password-policy.ts';

/** The user pool's password policy: the rules the set-password page checks, each with its own message. */
export const PASSWORD_RULES = [
  { id: 'length', test: (p: string) => p.length >= staffPasswordPolicy.minLength },
  { id: 'upper', test: (p: string) => /\p{Lu}/u.test(p) },
  { id: 'lower', test: (p: string) => /\p{Ll}/u.test(p) },
  { id: 'digit', test: (p: string) => /\d/.test(p) },
] as const;

export type PasswordRule = (typeof PASSWORD_RULES)[number]['id'];

export const brokenRules = (password: string): PasswordRule[] =>
  PASSWORD_RULES.filter((rule) => !rule.test(password)).map((rule) => rule.id);

export const texts = {
  de: {
    subject: (org: string) => `Einladung zu ${org}`,
    mail: (org: string, link: string, until: string, console: string) =>
      `Guten Tag,\n\nSie wurden eingeladen, in ${org} mitzuarbeiten. Legen Sie über diesen Link Ihr Passwort fest (einmal nutzbar, gültig bis ${until}):\n\n${link}\n\nDanach melden Sie sich hier an: ${console}\n\nWenn Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.`,
    title: 'Passwort festlegen',
    intro: (username: string) => `Legen Sie ein Passwort für das Konto ${username} fest.`,
    password: 'Neues Passwort',
    confirm: 'Passwort wiederholen',
    submit: 'Passwort speichern',
    rulesHeading: 'Das Passwort braucht:',
    rules: {
      length: `mindestens ${staffPasswordPolicy.minLength} Zeichen`,
      upper: 'einen Großbuchstaben',
      lower: 'einen Kleinbuchstaben',
      digit: 'eine Ziffer',
    } satisfies Record<PasswordRule, string>,
    mismatch: 'Die beiden Passwörter stimmen nicht überein.',
    errorsHeading: 'Bitte korrigieren Sie:',
    missing: 'Fehlt noch:',
    invalid: 'Dieser Einladungslink gilt nicht mehr.',
    expired: 'Dieser Einladungslink ist abgelaufen.',
    used: 'Dieser Einladungslink wurde schon benutzt.',
    askAgain: 'Bitten Sie Ihre Administratorin oder Ihren Administrator um eine neue Einladung.',
    switchTo: 'English',
  },
  en: {
    subject: (org: string) => `Invitation to ${org}`,
    mail: (org: string, link: string, until: string, console: string) =>
      `Hello,\n\nYou have been invited to work in ${org}. Set your password with this link (single use, valid until ${until}):\n\n${link}\n\nThen sign in here: ${console}\n\nIf you did not expect this invitation, you can ignore this e-mail.`,
    title: 'Set your password',
    intro: (username: string) => `Choose a password for the account ${username}.`,
    password: 'New password',
    confirm: 'Repeat the password',
    submit: 'Save password',
    rulesHeading: 'The password needs:',
    rules: {
      length: `at least ${staffPasswordPolicy.minLength} characters`,
      upper: 'an upper-case letter',
      lower: 'a lower-case letter',
      digit: 'a digit',
    } satisfies Record<PasswordRule, string>,
    mismatch: 'The two passwords do not match.',
    errorsHeading: 'Please correct:',
    missing: 'Still missing:',
    invalid: 'This invitation link is no longer valid.',
    expired: 'This invitation link has expired.',
    used: 'This invitation link has already been used.',
    askAgain: 'Ask your administrator for a new invitation.',
    switchTo: 'Deutsch',
  },
} as const;
