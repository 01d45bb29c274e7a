/** The form settings tab's texts, in German and English. */
const de = {
  workflow: 'Ablauf',
  workflowIntro: 'Was nach dem Absenden geschieht.',
  workflows: {
    'submission-received': {
      name: 'Nur Eingang bestätigen',
      explain: 'Die Person bekommt eine Eingangsbestätigung; alles Weitere erledigen Sie im Posteingang.',
    },
    'volunteer-onboarding': {
      name: 'Freigabe durch Koordination',
      explain:
        'Koordinatorinnen und Koordinatoren bekommen eine E-Mail mit Zusagen/Absagen-Links; Erinnerung, Eskalation und Ablauf nach den Fristen unten.',
    },
    'counselling-intake': {
      name: 'Beratungsanfrage an ein Team',
      explain: 'Die Anfrage geht nach Alter und Sprache an ein Beratungsteam, das sie übernimmt.',
    },
  } as Record<string, { name: string; explain: string }>,
  approval: 'Freigabe',
  coordinators: 'Koordination (eine E-Mail-Adresse pro Zeile)',
  coordinatorsHint: 'Entscheidet über jede Anmeldung, auch wenn die Regel unten niemanden findet.',
  routing: 'Zuständigkeit nach einer Antwort (z. B. Bezirk)',
  routingNone: 'Keine Regel: immer die Koordination oben',
  routingField: 'Feld',
  routingValue: (value: string) => `E-Mail-Adressen für „${value}“ (eine pro Zeile)`,
  reminder: 'Erinnerung nach (Tagen)',
  reminderHint: 'Mehr als 0 Tage.',
  escalate: 'Eskalation nach (Tagen)',
  escalateHint: 'Mehr Tage als die Erinnerung.',
  expire: 'Ablauf nach (Tagen)',
  expireHint:
    'Mehr Tage als die Eskalation; höchstens so lange, wie der Ablauf laufen darf (die Prüfung nennt die Grenze).',
  intake: 'Beratungsteams',
  intakeNone: 'Noch keine Teams eingetragen.',
  ageGroups: { youth: 'Jugend', adult: 'Erwachsene' } as Record<string, string>,
  retention: 'Aufbewahrung',
  retentionDays: 'Einsendungen löschen nach (Tagen)',
  retentionHint:
    'Danach werden die Angaben automatisch gelöscht. 1 bis 3650 Tage; nehmen Sie so wenig wie für die Arbeit nötig.',
  availability: 'Zeitraum und Plätze',
  opensAt: 'Öffnet am (optional)',
  opensAtHint: 'Vorher zeigt die Seite, ab wann das Formular geöffnet ist.',
  closesAt: 'Schließt am (optional)',
  closesAtHint: 'Ab dann nimmt das Formular nichts mehr an.',
  maxSubmissions: 'Höchstzahl an Einsendungen (optional)',
  maxSubmissionsHint: 'Über alle Versionen gezählt, ab dem Zeitpunkt, zu dem die Grenze gilt.',
  listed: 'Auf der Startseite anzeigen',
  listedHint: 'Sonst ist das Formular nur über seinen Link erreichbar.',
  confirmation: 'Bestätigung',
  confirmationIntro:
    'Was die Person nach dem Absenden sieht und per E-Mail bekommt. Leer lassen für die eingebauten Texte. Die Eingangsnummer steht in der E-Mail immer unter Ihrem Text.',
  page: 'Text auf der Bestätigungsseite',
  emailSubject: 'Betreff der E-Mail',
  emailBody: 'Text der E-Mail (Absätze durch eine Leerzeile)',
  placeholders: 'Platzhalter einfügen',
  placeholderNames: {
    receiptNumber: 'Eingangsnummer',
    formTitle: 'Titel des Formulars',
    organisation: 'Organisation',
    firstName: 'Vorname',
  } as Record<string, string>,
  unknownPlaceholder: (name: string) => `Unbekannter Platzhalter {${name}}`,
  preview: 'Vorschau der E-Mail',
  previewing: 'Vorschau wird erstellt …',
  previewFailed: 'Die Vorschau konnte nicht erstellt werden.',
  previewSubject: 'Betreff',
  previewFrame: (language: string) => `Vorschau der Bestätigungs-E-Mail (${language})`,
  changed: (what: string) => `Einstellung „${what}“ geändert`,
};

export type FormSettingsMessages = typeof de;

const en: FormSettingsMessages = {
  workflow: 'Workflow',
  workflowIntro: 'What happens after sending.',
  workflows: {
    'submission-received': {
      name: 'Confirm receipt only',
      explain: 'The person gets a confirmation of receipt; you handle everything else in the inbox.',
    },
    'volunteer-onboarding': {
      name: 'Approval by coordinators',
      explain:
        'Coordinators get an e-mail with approve/reject links; reminder, escalation and expiry after the periods below.',
    },
    'counselling-intake': {
      name: 'Counselling request to a team',
      explain: 'The request goes to a counselling team by age and language, which picks it up.',
    },
  },
  approval: 'Approval',
  coordinators: 'Coordinators (one e-mail address per line)',
  coordinatorsHint: 'They decide on every application, also when the rule below finds no one.',
  routing: 'Who decides, by an answer (such as the district)',
  routingNone: 'No rule: always the coordinators above',
  routingField: 'Field',
  routingValue: (value: string) => `E-mail addresses for “${value}” (one per line)`,
  reminder: 'Reminder after (days)',
  reminderHint: 'More than 0 days.',
  escalate: 'Escalation after (days)',
  escalateHint: 'More days than the reminder.',
  expire: 'Expiry after (days)',
  expireHint:
    'More days than the escalation; at most as long as the workflow may run (validation names the limit).',
  intake: 'Counselling teams',
  intakeNone: 'No teams yet.',
  ageGroups: { youth: 'Youth', adult: 'Adults' },
  retention: 'Retention',
  retentionDays: 'Delete submissions after (days)',
  retentionHint:
    'The answers are deleted automatically afterwards. 1 to 3650 days; keep them no longer than the work needs.',
  availability: 'Dates and places',
  opensAt: 'Opens on (optional)',
  opensAtHint: 'Before then the page says when the form opens.',
  closesAt: 'Closes on (optional)',
  closesAtHint: 'From then on the form takes nothing.',
  maxSubmissions: 'Maximum number of submissions (optional)',
  maxSubmissionsHint: 'Counted across all versions, from the time the limit applies.',
  listed: 'Show on the home page',
  listedHint: 'Otherwise the form is reached by its link only.',
  confirmation: 'Confirmation',
  confirmationIntro:
    'What the person sees after sending and gets by e-mail. Leave empty for the built-in texts. The e-mail always shows the receipt number below your text.',
  page: 'Text on the confirmation page',
  emailSubject: 'E-mail subject',
  emailBody: 'E-mail text (paragraphs separated by an empty line)',
  placeholders: 'Insert a placeholder',
  placeholderNames: {
    receiptNumber: 'Receipt number',
    formTitle: 'Form title',
    organisation: 'Organisation',
    firstName: 'First name',
  },
  unknownPlaceholder: (name: string) => `Unknown placeholder {${name}}`,
  preview: 'Preview the e-mail',
  previewing: 'Rendering the preview …',
  previewFailed: 'The preview could not be rendered.',
  previewSubject: 'Subject',
  previewFrame: (language: string) => `Preview of the confirmation e-mail (${language})`,
  changed: (what: string) => `Changed setting “${what}”`,
};

export const formSettingsMessages = { de, en } as const;
