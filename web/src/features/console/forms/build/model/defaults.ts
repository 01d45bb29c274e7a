import type { PaletteType } from './types.ts';

/** A new element's text in the form's default language (German or English; English otherwise). */
const texts = {
  de: {
    shortText: 'Kurzer Text',
    longText: 'Langer Text',
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer',
    number: 'Zahl',
    date: 'Datum',
    singleChoice: 'Einfachauswahl',
    multipleChoice: 'Mehrfachauswahl',
    yesNo: 'Ja oder nein',
    consent: 'Ich bin einverstanden',
    address: 'Adresse',
    repeatingGroup: 'Einträge',
    section: 'Abschnitt',
    text: 'Erläuternder Text',
    step: 'Schritt',
    option: 'Option',
    street: 'Straße und Hausnummer',
    postcode: 'Postleitzahl',
    city: 'Ort',
    entry: 'Eintrag',
    copy: 'Kopie',
  },
  en: {
    shortText: 'Short text',
    longText: 'Long text',
    email: 'E-mail address',
    phone: 'Phone number',
    number: 'Number',
    date: 'Date',
    singleChoice: 'Single choice',
    multipleChoice: 'Multiple choice',
    yesNo: 'Yes or no',
    consent: 'I agree',
    address: 'Address',
    repeatingGroup: 'Entries',
    section: 'Section',
    text: 'Explanatory text',
    step: 'Step',
    option: 'Option',
    street: 'Street and number',
    postcode: 'Postcode',
    city: 'City',
    entry: 'Entry',
    copy: 'copy',
  },
} satisfies Record<'de' | 'en', Record<PaletteType | string, string>>;

export type DefaultTexts = (typeof texts)['en'];

export const defaultTextsFor = (locale: string | undefined): DefaultTexts =>
  locale === 'de' ? texts.de : texts.en;
