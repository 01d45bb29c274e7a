/**
 * The page's own words (buttons, headings, notices, built-in validation messages). The form's own
 * labels come from the form definition's translations; these are for everything around them.
 * Placeholders in braces are filled by `format()`.
 */
export interface Messages {
  loading: string;
  notFound: string;
  loadFailed: string;
  retry: string;
  language: string;
  required: string;
  requiredNote: string;
  choose: string;
  consentTitle: string;
  privacyLink: string;
  newTab: string;
  consentRequired: string;
  /** The built-in consent sentence, for forms without their own. */
  consentText: string;
  submit: string;
  sending: string;
  errorSummaryTitle: string;
  errorPrefix: string;
  addItem: string;
  removeItem: string;
  item: string;
  itemOf: string;
  noItems: string;
  next: string;
  back: string;
  /** Name of the list of steps (a nav landmark). */
  steps: string;
  stepOf: string;
  stepHasErrors: string;
  /** An alternative of a oneOf/anyOf without a title. */
  option: string;
  previewNote: string;
  previewValid: string;
  receiptTitle: string;
  receiptNumber: string;
  receiptNext: string;
  receiptKeep: string;
  networkError: string;
  serverError: string;
  tooLarge: string;
  rateLimited: string;
  outdated: string;
  reloadForm: string;
  invalid: string;
  reference: string;
  draftRestored: string;
  honeypot: string;
  /** Validation messages by ajv keyword, `format.<name>`, `type.<name>`, and `default`. */
  errors: Record<string, string>;
}

const de: Messages = {
  loading: 'Formular wird geladen …',
  notFound: 'Dieses Formular gibt es nicht oder es ist nicht mehr veröffentlicht.',
  loadFailed: 'Das Formular konnte nicht geladen werden. Bitte prüfen Sie Ihre Internetverbindung.',
  retry: 'Erneut versuchen',
  language: 'Sprache',
  required: 'Pflichtfeld',
  requiredNote: 'Felder mit * (Pflichtfeld) müssen ausgefüllt werden.',
  choose: 'Bitte auswählen',
  consentTitle: 'Einwilligung',
  privacyLink: 'Datenschutzhinweise lesen',
  newTab: '(öffnet in neuem Tab)',
  consentRequired: 'Bitte stimmen Sie zu, damit wir Ihre Angaben bearbeiten können.',
  consentText:
    'Ich bin einverstanden, dass meine Angaben gespeichert und für die Bearbeitung meiner Anfrage verwendet werden.',
  submit: 'Absenden',
  sending: 'Wird gesendet …',
  errorSummaryTitle: 'Bitte prüfen Sie Ihre Angaben',
  errorPrefix: 'Fehler:',
  addItem: '{item} hinzufügen',
  removeItem: '{item} entfernen',
  item: '{label}, Eintrag {n}',
  itemOf: 'Eintrag zu „{label}“',
  noItems: 'Noch keine Einträge.',
  next: 'Weiter',
  back: 'Zurück',
  steps: 'Schritte',
  stepOf: 'Schritt {n} von {total}',
  stepHasErrors: 'Bitte prüfen Sie die markierten Angaben, bevor Sie weitergehen.',
  option: 'Möglichkeit {n}',
  previewNote: 'Vorschau: „Absenden“ prüft die Angaben nur, es wird nichts gesendet.',
  previewValid: 'Alle Angaben sind gültig. In der Vorschau wird nichts gesendet.',
  receiptTitle: 'Vielen Dank, Ihre Angaben sind angekommen',
  receiptNumber: 'Ihre Eingangsnummer',
  receiptNext:
    'Wie es weitergeht: Wir prüfen Ihre Angaben und melden uns bei Ihnen, meist per E-Mail. Das kann einige Tage dauern.',
  receiptKeep: 'Bitte notieren Sie sich die Nummer, falls Sie Fragen haben.',
  networkError:
    'Das Senden hat nicht geklappt – vielleicht ist die Verbindung unterbrochen. Ihre Angaben sind auf diesem Gerät gespeichert. Bitte versuchen Sie es gleich noch einmal.',
  serverError:
    'Beim Server ist ein Fehler aufgetreten. Ihre Angaben sind auf diesem Gerät gespeichert. Bitte versuchen Sie es später noch einmal.',
  tooLarge: 'Ihre Angaben sind zu umfangreich. Bitte kürzen Sie längere Texte.',
  rateLimited:
    'Gerade kommen zu viele Anfragen an. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  outdated:
    'Das Formular wurde inzwischen geändert und Ihre Angaben passen nicht mehr dazu. Bitte laden Sie die neue Fassung; Ihre Angaben bleiben erhalten.',
  reloadForm: 'Neue Fassung laden',
  invalid: 'Einige Angaben wurden nicht angenommen. Bitte prüfen Sie sie.',
  reference: 'Referenz',
  draftRestored: 'Ihre bisherigen Angaben auf diesem Gerät wurden wiederhergestellt.',
  honeypot: 'Dieses Feld bitte leer lassen',
  errors: {
    required: 'Bitte füllen Sie dieses Feld aus.',
    minLength: 'Bitte geben Sie mindestens {limit} Zeichen ein.',
    maxLength: 'Bitte geben Sie höchstens {limit} Zeichen ein.',
    minimum: 'Der Wert muss mindestens {limit} sein.',
    maximum: 'Der Wert darf höchstens {limit} sein.',
    exclusiveMinimum: 'Der Wert muss größer als {limit} sein.',
    exclusiveMaximum: 'Der Wert muss kleiner als {limit} sein.',
    multipleOf: 'Der Wert muss ein Vielfaches von {multipleOf} sein.',
    pattern: 'Bitte prüfen Sie das Format Ihrer Eingabe.',
    format: 'Bitte prüfen Sie das Format Ihrer Eingabe.',
    'format.email': 'Bitte geben Sie eine E-Mail-Adresse wie name@beispiel.de ein.',
    'format.date': 'Bitte geben Sie ein gültiges Datum ein.',
    'format.time': 'Bitte geben Sie eine gültige Uhrzeit ein.',
    'format.date-time': 'Bitte geben Sie ein gültiges Datum mit Uhrzeit ein.',
    'format.uri': 'Bitte geben Sie eine Internetadresse wie https://beispiel.de ein.',
    'type.number': 'Bitte geben Sie eine Zahl ein.',
    'type.integer': 'Bitte geben Sie eine ganze Zahl ein.',
    type: 'Bitte geben Sie einen gültigen Wert ein.',
    enum: 'Bitte wählen Sie eine der Möglichkeiten.',
    const: 'Bitte wählen Sie eine der Möglichkeiten.',
    minItems: 'Bitte wählen oder ergänzen Sie mindestens {limit}.',
    maxItems: 'Bitte wählen oder ergänzen Sie höchstens {limit}.',
    uniqueItems: 'Bitte geben Sie jeden Eintrag nur einmal an.',
    default: 'Bitte prüfen Sie diese Angabe.',
  },
};

const en: Messages = {
  loading: 'Loading the form …',
  notFound: 'This form does not exist or is no longer published.',
  loadFailed: 'The form could not be loaded. Please check your internet connection.',
  retry: 'Try again',
  language: 'Language',
  required: 'required',
  requiredNote: 'Fields marked * (required) must be filled in.',
  choose: 'Please choose',
  consentTitle: 'Consent',
  privacyLink: 'Read the privacy notice',
  newTab: '(opens in a new tab)',
  consentRequired: 'Please agree so that we can process your details.',
  consentText: 'I agree that my details are stored and used to process my request.',
  submit: 'Send',
  sending: 'Sending …',
  errorSummaryTitle: 'Please check your answers',
  errorPrefix: 'Error:',
  addItem: 'Add {item}',
  removeItem: 'Remove {item}',
  item: '{label}, entry {n}',
  itemOf: 'entry for “{label}”',
  noItems: 'No entries yet.',
  next: 'Next',
  back: 'Back',
  steps: 'Steps',
  stepOf: 'Step {n} of {total}',
  stepHasErrors: 'Please check the marked answers before you go on.',
  option: 'Option {n}',
  previewNote: 'Preview: “Send” only checks the answers; nothing is sent.',
  previewValid: 'All answers are valid. Nothing is sent in the preview.',
  receiptTitle: 'Thank you, we have received your details',
  receiptNumber: 'Your receipt number',
  receiptNext:
    'What happens next: we check your details and get in touch with you, usually by e-mail. This can take a few days.',
  receiptKeep: 'Please keep this number in case you have questions.',
  networkError:
    'Sending did not work – the connection may have dropped. Your answers are saved on this device. Please try again in a moment.',
  serverError:
    'Something went wrong on our server. Your answers are saved on this device. Please try again later.',
  tooLarge: 'Your answers are too long. Please shorten longer texts.',
  rateLimited: 'Too many requests are arriving right now. Please wait a moment, then try again.',
  outdated:
    'The form has changed in the meantime and your answers no longer fit it. Please load the new version; your answers are kept.',
  reloadForm: 'Load the new version',
  invalid: 'Some answers were not accepted. Please check them.',
  reference: 'Reference',
  draftRestored: 'The answers you entered earlier on this device have been restored.',
  honeypot: 'Leave this field empty',
  errors: {
    required: 'Please fill in this field.',
    minLength: 'Please enter at least {limit} characters.',
    maxLength: 'Please enter at most {limit} characters.',
    minimum: 'The value must be at least {limit}.',
    maximum: 'The value must be at most {limit}.',
    exclusiveMinimum: 'The value must be greater than {limit}.',
    exclusiveMaximum: 'The value must be less than {limit}.',
    multipleOf: 'The value must be a multiple of {multipleOf}.',
    pattern: 'Please check the format of your answer.',
    format: 'Please check the format of your answer.',
    'format.email': 'Please enter an e-mail address like name@example.org.',
    'format.date': 'Please enter a valid date.',
    'format.time': 'Please enter a valid time.',
    'format.date-time': 'Please enter a valid date and time.',
    'format.uri': 'Please enter a web address like https://example.org.',
    'type.number': 'Please enter a number.',
    'type.integer': 'Please enter a whole number.',
    type: 'Please enter a valid value.',
    enum: 'Please choose one of the options.',
    const: 'Please choose one of the options.',
    minItems: 'Please choose or add at least {limit}.',
    maxItems: 'Please choose or add at most {limit}.',
    uniqueItems: 'Please give each entry only once.',
    default: 'Please check this answer.',
  },
};

/**
 * German and English come with the page; every other language is its own small chunk, loaded
 * when a visitor reads it (each is about 1.7 kB gzip; all seven inline were 12 kB of the first
 * load every visitor paid for).
 */
const registered: Record<string, Messages> = { de, en };
const loaders: Readonly<Record<string, () => Promise<{ default: Messages }>>> = {
  ar: () => import('./messages-ar.ts'),
  fa: () => import('./messages-fa.ts'),
  uk: () => import('./messages-uk.ts'),
  tr: () => import('./messages-tr.ts'),
  ru: () => import('./messages-ru.ts'),
};

/** The shipped language a locale reads: exact, then its base language, else English. */
export function messagesLocale(locale: string): string {
  const base = locale.split('-')[0] ?? '';
  for (const candidate of [locale, base]) if (registered[candidate] || loaders[candidate]) return candidate;
  return 'en';
}

export function registerMessages(locale: string, messages: Messages): void {
  registered[locale] = messages;
}

/** The page's words for a locale if they are loaded (German and English always are), else English. */
export function messagesFor(locale: string): Messages {
  return registered[messagesLocale(locale)] ?? en;
}

/** Loads a language's words once; resolves to them (English for a language Lotse does not ship). */
export async function loadMessages(locale: string): Promise<Messages> {
  const shipped = messagesLocale(locale);
  const known = registered[shipped];
  if (known) return known;
  const loaded = (await (loaders[shipped] as () => Promise<{ default: Messages }>)()).default;
  registerMessages(shipped, loaded);
  return loaded;
}

/** Shipped locales of the page's own words, German and English first. */
export const shippedMessageLocales = ['de', 'en', ...Object.keys(loaders)] as const;

/** Language names in their own language, for the switcher; Intl covers the rest. */
const endonyms: Readonly<Record<string, string>> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  uk: 'Українська',
  fa: 'فارسی',
  ru: 'Русский',
  tr: 'Türkçe',
  ps: 'پښتو',
  ku: 'Kurdî',
  ti: 'ትግርኛ',
  so: 'Soomaali',
  fr: 'Français',
  es: 'Español',
  pl: 'Polski',
  ro: 'Română',
  bg: 'Български',
};

export function languageName(locale: string): string {
  const known = endonyms[locale];
  if (known) return known;
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** Fills `{name}` placeholders; unknown ones stay as written. */
export function format(template: string, values: Readonly<Record<string, unknown>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    values[name] === undefined ? match : String(values[name]),
  );
}
