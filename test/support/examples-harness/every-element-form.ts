import type { PublishedForm } from '#shared/contracts/form-definition.ts';

/**
 * A form with every element the public page renders: a stepper (Categorization) of three steps
 * with HorizontalLayout, Group, Label, rules on a control and on a layout, text, multi-line text,
 * a slider, a toggle, radios, a oneOf enum, date, time and date-time, a list of plain values,
 * a several-of list, a nested object and a oneOf choice of alternatives. German is the default
 * language (the documents' own texts); Arabic comes from translations.
 */
const schema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: 'Name', minLength: 1 },
    about: { type: 'string', title: 'Über Sie', description: 'Ein paar Sätze genügen.' },
    age: { type: 'integer', title: 'Alter', minimum: 14, maximum: 99, default: 30 },
    newsletter: { type: 'boolean', title: 'Neuigkeiten per E-Mail' },
    email: { type: 'string', title: 'E-Mail', format: 'email' },
    contact: { type: 'string', title: 'Kontakt', enum: ['email', 'phone'] },
    size: {
      title: 'Größe',
      oneOf: [
        { const: 's', title: 'Klein' },
        { const: 'l', title: 'Groß' },
      ],
    },
    start: { type: 'string', title: 'Beginn', format: 'date' },
    time: { type: 'string', title: 'Uhrzeit', format: 'time' },
    meeting: { type: 'string', title: 'Termin', format: 'date-time' },
    languages: { type: 'array', title: 'Sprachen', items: { type: 'string', minLength: 1 } },
    days: {
      type: 'array',
      title: 'Tage',
      items: { type: 'string', enum: ['mon', 'tue'] },
      uniqueItems: true,
    },
    address: {
      type: 'object',
      title: 'Adresse',
      properties: { street: { type: 'string', title: 'Straße' }, city: { type: 'string', title: 'Ort' } },
    },
    payment: {
      title: 'Bezahlung',
      oneOf: [
        {
          title: 'Karte',
          type: 'object',
          properties: { cardNumber: { type: 'string', title: 'Kartennummer' } },
        },
        { title: 'Rechnung', type: 'object', properties: { vatId: { type: 'string', title: 'USt-IdNr.' } } },
      ],
    },
  },
  required: ['name'],
};

const control = (name: string, options?: object) => ({
  type: 'Control',
  scope: `#/properties/${name}`,
  ...(options ? { options } : {}),
});

const uischema = {
  type: 'Categorization',
  elements: [
    {
      type: 'Category',
      label: 'Person',
      elements: [
        { type: 'HorizontalLayout', elements: [control('name'), control('age', { slider: true })] },
        control('about', { multi: true }),
        { type: 'Label', text: 'Wir melden uns bei Ihnen.' },
      ],
    },
    {
      type: 'Category',
      label: 'Kontakt',
      elements: [
        control('contact', { format: 'radio' }),
        control('newsletter', { toggle: true }),
        {
          type: 'Group',
          label: 'E-Mail-Adresse',
          rule: { effect: 'SHOW', condition: { scope: '#/properties/newsletter', schema: { const: true } } },
          elements: [control('email')],
        },
        control('size'),
        control('languages'),
        control('days'),
      ],
    },
    {
      type: 'Category',
      label: 'Termin',
      elements: [
        control('start'),
        control('time'),
        control('meeting'),
        control('address'),
        control('payment'),
      ],
    },
  ],
};

const arabic: Record<string, string> = {
  'name.label': 'الاسم',
  'about.label': 'نبذة عنك',
  'about.description': 'تكفي بضع جمل.',
  'age.label': 'العمر',
  'newsletter.label': 'الأخبار عبر البريد الإلكتروني',
  'email.label': 'البريد الإلكتروني',
  'contact.label': 'التواصل',
  'contact.email': 'البريد الإلكتروني',
  'contact.phone': 'الهاتف',
  'size.label': 'الحجم',
  'size.Klein': 'صغير',
  'size.Groß': 'كبير',
  'start.label': 'البداية',
  'time.label': 'الوقت',
  'meeting.label': 'الموعد',
  'languages.label': 'اللغات',
  'days.label': 'الأيام',
  'days.mon': 'الاثنين',
  'days.tue': 'الثلاثاء',
  'address.label': 'العنوان',
  'address.street.label': 'الشارع',
  'address.city.label': 'المدينة',
  'payment.label': 'الدفع',
  'payment.Karte': 'بطاقة',
  'payment.Rechnung': 'فاتورة',
  'payment.cardNumber.label': 'رقم البطاقة',
  'payment.vatId.label': 'الرقم الضريبي',
  Person: 'الشخص',
  Kontakt: 'التواصل',
  Termin: 'الموعد',
  'E-Mail-Adresse': 'عنوان البريد الإلكتروني',
  'Wir melden uns bei Ihnen.': 'سنتواصل معك.',
};

export function everyElementForm(locale: 'de' | 'ar'): PublishedForm {
  return {
    slug: 'alle-elemente',
    version: 1,
    locale,
    locales: ['de', 'ar'],
    defaultLocale: 'de',
    direction: locale === 'ar' ? 'rtl' : 'ltr',
    title: locale === 'ar' ? 'كل العناصر' : 'Alle Elemente',
    schema,
    uischema,
    translations: locale === 'ar' ? arabic : {},
    consent: { version: '1' },
    organisation: { name: 'Lotse' },
  };
}
