import { useConsoleText } from '../i18n.tsx';

/** The organisation settings area's texts, in German and English. */
export const settingsMessages = {
  de: {
    title: 'Organisation',
    intro: 'Seiten und E-Mails verwenden diese Angaben ab der nächsten Anfrage, ohne neue Bereitstellung.',
    identity: 'Name und Logo',
    name: 'Name der Organisation',
    logo: 'Logo',
    logoRules:
      'PNG, JPEG oder WebP, höchstens 200 kB, jede Seite zwischen 16 und 4096 Pixeln. SVG geht nicht.',
    currentLogo: 'Aktuelles Logo',
    newLogo: 'Vorschau des neuen Logos',
    noLogo: 'Noch kein Logo.',
    removeLogo: 'Logo entfernen',
    logoTooLarge: (kb: number) => `Die Datei hat ${kb} kB; erlaubt sind höchstens 200 kB.`,
    logoWrongType: 'Nur PNG, JPEG oder WebP sind möglich.',
    mail: 'E-Mails',
    senderName: 'Absendername',
    replyTo: 'Antwortadresse (Reply-To)',
    optional: 'optional',
    links: 'Rechtliche Links',
    privacyUrl: 'Link zur Datenschutzerklärung',
    imprintUrl: 'Link zum Impressum',
    locales: 'Angebotene Sprachen',
    colour: 'Farbe',
    primaryColour: 'Primärfarbe (z. B. #0b5394)',
    pickColour: 'Farbe auswählen',
    contrastOk: (ratio: string) =>
      `Weiße Schrift auf dieser Farbe hat einen Kontrast von ${ratio}:1 – ausreichend (WCAG AA verlangt 4,5:1).`,
    contrastLow: (ratio: string) =>
      `Weiße Schrift auf dieser Farbe hat nur einen Kontrast von ${ratio}:1; WCAG AA verlangt 4,5:1. Wählen Sie eine dunklere Farbe.`,
    contrastInvalid: 'Geben Sie eine Farbe als # und sechs Hex-Ziffern an.',
    audit: 'Protokoll',
    retention: 'Aufbewahrung des Protokolls in Tagen (30 bis 3650)',
    save: 'Speichern',
    saved: (version: number) =>
      `Gespeichert (Version ${version}). Seiten und E-Mails verwenden die Angaben ab sofort.`,
    conflict: 'Jemand anderes hat die Einstellungen inzwischen geändert.',
    reload: 'Neu laden (Ihre Änderungen gehen verloren)',
    invalid: 'Bitte korrigieren Sie die markierten Felder.',
    failed: 'Das hat nicht geklappt.',
    loadFailed: 'Die Einstellungen konnten nicht geladen werden.',
    lastSaved: (by: string, at: string) => `Zuletzt gespeichert von ${by} am ${at}.`,
  },
  en: {
    title: 'Organisation',
    intro: 'Pages and e-mails use these settings from the next request on, without a deployment.',
    identity: 'Name and logo',
    name: 'Name of the organisation',
    logo: 'Logo',
    logoRules:
      'PNG, JPEG or WebP, at most 200 kB, each side between 16 and 4096 pixels. SVG is not accepted.',
    currentLogo: 'Current logo',
    newLogo: 'Preview of the new logo',
    noLogo: 'No logo yet.',
    removeLogo: 'Remove the logo',
    logoTooLarge: (kb: number) => `The file has ${kb} kB; at most 200 kB are allowed.`,
    logoWrongType: 'Only PNG, JPEG or WebP are possible.',
    mail: 'E-mails',
    senderName: 'Sender name',
    replyTo: 'Reply-to address',
    optional: 'optional',
    links: 'Legal links',
    privacyUrl: 'Link to the privacy notice',
    imprintUrl: 'Link to the imprint',
    locales: 'Languages offered',
    colour: 'Colour',
    primaryColour: 'Primary colour (e.g. #0b5394)',
    pickColour: 'Pick a colour',
    contrastOk: (ratio: string) =>
      `White text on this colour has a contrast of ${ratio}:1 – enough (WCAG AA asks for 4.5:1).`,
    contrastLow: (ratio: string) =>
      `White text on this colour has a contrast of only ${ratio}:1; WCAG AA asks for 4.5:1. Choose a darker colour.`,
    contrastInvalid: 'Give a colour as # and six hex digits.',
    audit: 'Audit log',
    retention: 'Keep the audit log for this many days (30 to 3650)',
    save: 'Save',
    saved: (version: number) => `Saved (version ${version}). Pages and e-mails use the settings at once.`,
    conflict: 'Somebody else has changed the settings in the meantime.',
    reload: 'Reload (your changes are lost)',
    invalid: 'Please correct the marked fields.',
    failed: 'That did not work.',
    loadFailed: 'The settings could not be loaded.',
    lastSaved: (by: string, at: string) => `Last saved by ${by} on ${at}.`,
  },
};

export type SettingsMessages = (typeof settingsMessages)['de'];

export function useSettingsText(): { t: SettingsMessages; locale: 'de' | 'en' } {
  const { locale } = useConsoleText();
  return { t: settingsMessages[locale], locale };
}
