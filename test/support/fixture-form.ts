/** A small form definition for API tests, independent of the shipped forms in forms/. */
export function fixtureForm(
  slug: string,
  options: { nameLabel?: string; minAge?: number; arabic?: boolean } = {},
) {
  const de = {
    'name.label': options.nameLabel ?? 'Vorname',
    'email.label': 'E-Mail',
    'age.label': 'Alter',
    'topics.label': 'Themen',
    'topics.housing': 'Wohnen',
    'topics.work': 'Arbeit',
    'error.required': 'Bitte ausfüllen.',
    'error.format': 'Bitte eine gültige Angabe machen.',
    'error.minimum': 'Die Zahl ist zu klein.',
    'error.maxLength': 'Der Text ist zu lang.',
    'error.minLength': 'Der Text ist zu kurz.',
    'age.error.minimum': 'Sie müssen mindestens {min} Jahre alt sein.',
  };
  const en = {
    'name.label': 'First name',
    'email.label': 'E-mail',
    'age.label': 'Age',
    'topics.label': 'Topics',
    'topics.housing': 'Housing',
    'topics.work': 'Work',
    'error.required': 'Please fill this in.',
    'error.format': 'Please give a valid value.',
    'error.minimum': 'The number is too small.',
    'error.maxLength': 'The text is too long.',
    'error.minLength': 'The text is too short.',
    'age.error.minimum': 'You must be at least {min} years old.',
  };
  const ar = {
    'name.label': 'الاسم الأول',
    'email.label': 'البريد الإلكتروني',
    'age.label': 'العمر',
    'topics.label': 'المواضيع',
    'topics.housing': 'السكن',
    'topics.work': 'العمل',
    'error.required': 'يرجى ملء هذا الحقل.',
    'error.format': 'يرجى إدخال قيمة صالحة.',
    'error.minimum': 'الرقم صغير جدًا.',
    'error.maxLength': 'النص طويل جدًا.',
    'error.minLength': 'النص قصير جدًا.',
    'age.error.minimum': 'يجب أن يكون عمرك {min} سنة على الأقل.',
  };
  const arabic = options.arabic ?? false;
  return {
    slug,
    defaultLocale: 'de',
    locales: arabic ? ['de', 'en', 'ar'] : ['de', 'en'],
    title: arabic
      ? { de: 'Testformular', en: 'Test form', ar: 'نموذج تجريبي' }
      : { de: 'Testformular', en: 'Test form' },
    workflow: 'submission-received',
    consent: {
      version: '2026-11-01',
      text: arabic
        ? { de: 'Ich willige ein.', en: 'I agree.', ar: 'أوافق.' }
        : { de: 'Ich willige ein.', en: 'I agree.' },
      privacyUrl: 'https://example.org/datenschutz',
    },
    retentionDays: 30,
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 100 },
        email: { type: 'string', format: 'email', maxLength: 200 },
        age: { type: 'integer', minimum: options.minAge ?? 14 },
        topics: { type: 'array', items: { type: 'string', enum: ['housing', 'work'] }, uniqueItems: true },
      },
      required: ['name', 'email'],
    },
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/name' },
        { type: 'Control', scope: '#/properties/email' },
        { type: 'Control', scope: '#/properties/age' },
        { type: 'Control', scope: '#/properties/topics' },
      ],
    },
    translations: arabic ? { de, en, ar } : { de, en },
    settings: { confirmationEmailField: 'email', firstNameField: 'name' },
  };
}
