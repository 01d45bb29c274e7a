import { type ShippedLocale, shippedLocales } from '../i18n/locales.ts';
import { languageNames } from './language-names.ts';

/**
 * Common fields the form editor offers ready-made, with their texts in every shipped language, so a
 * form built from them needs no translation work. Pure data: the console imports it.
 */
export interface LibraryField {
  id: string;
  /** Suggested property name. */
  name: string;
  /** The property's JSON Schema without title/description: the texts come from `texts`. */
  schema: Record<string, unknown>;
  /** Suggested. */
  required: boolean;
  /** UI schema control options; `autocomplete` is read by the public page (input-purpose.ts). */
  options?: Record<string, unknown>;
  /** Per shipped locale, texts by key relative to the field: 'label', 'description', '<enum value>', 'street.label', … */
  texts: Record<ShippedLocale, Record<string, string>>;
}

type Texts = LibraryField['texts'];

/** Joins per-locale text tables, so shared pieces (option names, hints) are written once. */
const merge = (...tables: Partial<Texts>[]): Texts =>
  Object.fromEntries(
    shippedLocales.map((locale) => [
      locale,
      Object.assign({}, ...tables.map((table) => table[locale] ?? {})),
    ]),
  ) as Texts;

const label = (texts: Record<ShippedLocale, string>, key = 'label'): Texts =>
  merge(...shippedLocales.map((locale) => ({ [locale]: { [key]: texts[locale] } })));

const chooseSeveral: Texts = label(
  {
    de: 'Mehrere Antworten sind möglich.',
    en: 'You can choose more than one.',
    ar: 'يمكنك اختيار أكثر من إجابة.',
    fa: 'می‌توانید بیش از یک گزینه انتخاب کنید.',
    uk: 'Можна вибрати кілька варіантів.',
    tr: 'Birden fazla seçenek işaretleyebilirsiniz.',
    ru: 'Можно выбрать несколько вариантов.',
  },
  'description',
);

const languageCodes = Object.keys(languageNames);

const firstName: LibraryField = {
  id: 'firstName',
  name: 'firstName',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  required: true,
  options: { autocomplete: 'given-name' },
  texts: label({
    de: 'Vorname',
    en: 'First name',
    ar: 'الاسم الأول',
    fa: 'نام',
    uk: 'Ім’я',
    tr: 'Ad',
    ru: 'Имя',
  }),
};

const lastName: LibraryField = {
  id: 'lastName',
  name: 'lastName',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
  required: true,
  options: { autocomplete: 'family-name' },
  texts: label({
    de: 'Nachname',
    en: 'Last name',
    ar: 'اسم العائلة',
    fa: 'نام خانوادگی',
    uk: 'Прізвище',
    tr: 'Soyadı',
    ru: 'Фамилия',
  }),
};

const email: LibraryField = {
  id: 'email',
  name: 'email',
  schema: { type: 'string', format: 'email', maxLength: 200 },
  required: true,
  options: { autocomplete: 'email' },
  texts: merge(
    label({
      de: 'E-Mail-Adresse',
      en: 'E-mail address',
      ar: 'البريد الإلكتروني',
      fa: 'نشانی ایمیل',
      uk: 'Електронна пошта',
      tr: 'E-posta adresi',
      ru: 'Электронная почта',
    }),
    label(
      {
        de: 'An diese Adresse schicken wir Ihnen eine Bestätigung.',
        en: 'We will send a confirmation to this address.',
        ar: 'سنرسل تأكيدًا إلى هذا العنوان.',
        fa: 'یک تأییدیه به این نشانی می‌فرستیم.',
        uk: 'Ми надішлемо підтвердження на цю адресу.',
        tr: 'Bu adrese bir onay e-postası göndereceğiz.',
        ru: 'Мы отправим подтверждение на этот адрес.',
      },
      'description',
    ),
    label(
      {
        de: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org.',
        en: 'Please enter a valid e-mail address, e.g. name@example.org.',
        ar: 'يرجى إدخال عنوان بريد إلكتروني صحيح، مثل name@example.org.',
        fa: 'لطفاً یک نشانی ایمیل درست وارد کنید، مثلاً name@example.org.',
        uk: 'Будь ласка, введіть правильну адресу електронної пошти, наприклад name@example.org.',
        tr: 'Lütfen geçerli bir e-posta adresi girin, örneğin name@example.org.',
        ru: 'Пожалуйста, введите правильный адрес электронной почты, например name@example.org.',
      },
      'error.format',
    ),
  ),
};

const phone: LibraryField = {
  id: 'phone',
  name: 'phone',
  // Latin digits only: coordinators dial from it; the message says so in Arabic and Persian.
  schema: { type: 'string', maxLength: 30, pattern: '^\\+?[0-9][0-9 ()/-]{5,29}$' },
  required: false,
  options: { autocomplete: 'tel' },
  texts: merge(
    label({
      de: 'Telefonnummer',
      en: 'Phone number',
      ar: 'رقم الهاتف',
      fa: 'شماره تلفن',
      uk: 'Номер телефону',
      tr: 'Telefon numarası',
      ru: 'Номер телефона',
    }),
    label(
      {
        de: 'Mit Vorwahl, z. B. +49 170 1234567.',
        en: 'With the area code, e.g. +49 170 1234567.',
        ar: 'مع رمز المنطقة، مثل +49 170 1234567.',
        fa: 'همراه با پیش‌شماره، مثلاً +49 170 1234567.',
        uk: 'З кодом, наприклад +49 170 1234567.',
        tr: 'Alan koduyla birlikte, örneğin +49 170 1234567.',
        ru: 'С кодом, например +49 170 1234567.',
      },
      'description',
    ),
    label(
      {
        de: 'Bitte geben Sie die Telefonnummer mit Ziffern ein, z. B. +49 170 1234567.',
        en: 'Please enter the phone number in digits, e.g. +49 170 1234567.',
        ar: 'يرجى إدخال رقم الهاتف بالأرقام من 0 إلى 9، مثل +49 170 1234567.',
        fa: 'لطفاً شماره تلفن را با رقم‌های 0 تا 9 وارد کنید، مثلاً +49 170 1234567.',
        uk: 'Будь ласка, введіть номер телефону цифрами, наприклад +49 170 1234567.',
        tr: 'Lütfen telefon numarasını rakamlarla girin, örneğin +49 170 1234567.',
        ru: 'Пожалуйста, введите номер телефона цифрами, например +49 170 1234567.',
      },
      'error.pattern',
    ),
  ),
};

const dateOfBirth: LibraryField = {
  id: 'dateOfBirth',
  name: 'dateOfBirth',
  schema: { type: 'string', format: 'date' },
  required: false,
  options: { autocomplete: 'bday' },
  texts: merge(
    label({
      de: 'Geburtsdatum',
      en: 'Date of birth',
      ar: 'تاريخ الميلاد',
      fa: 'تاریخ تولد',
      uk: 'Дата народження',
      tr: 'Doğum tarihi',
      ru: 'Дата рождения',
    }),
    label(
      {
        de: 'Bitte geben Sie ein gültiges Datum ein.',
        en: 'Please enter a valid date.',
        ar: 'يرجى إدخال تاريخ صحيح.',
        fa: 'لطفاً یک تاریخ درست وارد کنید.',
        uk: 'Будь ласка, введіть правильну дату.',
        tr: 'Lütfen geçerli bir tarih girin.',
        ru: 'Пожалуйста, введите правильную дату.',
      },
      'error.format',
    ),
  ),
};

const address: LibraryField = {
  id: 'address',
  name: 'address',
  // Property names the public page maps to autocomplete tokens (street-address, postal-code, address-level2).
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      street: { type: 'string', minLength: 1, maxLength: 200 },
      postcode: { type: 'string', maxLength: 10, pattern: '^[0-9A-Za-z][0-9A-Za-z -]{2,9}$' },
      city: { type: 'string', minLength: 1, maxLength: 200 },
    },
    required: ['street', 'postcode', 'city'],
  },
  required: false,
  texts: merge(
    label({
      de: 'Adresse',
      en: 'Address',
      ar: 'العنوان',
      fa: 'نشانی',
      uk: 'Адреса',
      tr: 'Adres',
      ru: 'Адрес',
    }),
    label(
      {
        de: 'Straße und Hausnummer',
        en: 'Street and house number',
        ar: 'الشارع ورقم المنزل',
        fa: 'خیابان و پلاک',
        uk: 'Вулиця і номер будинку',
        tr: 'Sokak ve kapı numarası',
        ru: 'Улица и номер дома',
      },
      'street.label',
    ),
    label(
      {
        de: 'Postleitzahl',
        en: 'Postcode',
        ar: 'الرمز البريدي',
        fa: 'کد پستی',
        uk: 'Поштовий індекс',
        tr: 'Posta kodu',
        ru: 'Почтовый индекс',
      },
      'postcode.label',
    ),
    label(
      {
        de: 'Bitte geben Sie eine gültige Postleitzahl ein.',
        en: 'Please enter a valid postcode.',
        ar: 'يرجى إدخال رمز بريدي صحيح.',
        fa: 'لطفاً یک کد پستی درست وارد کنید.',
        uk: 'Будь ласка, введіть правильний поштовий індекс.',
        tr: 'Lütfen geçerli bir posta kodu girin.',
        ru: 'Пожалуйста, введите правильный почтовый индекс.',
      },
      'postcode.error.pattern',
    ),
    label(
      { de: 'Ort', en: 'Town or city', ar: 'المدينة', fa: 'شهر', uk: 'Місто', tr: 'Şehir', ru: 'Город' },
      'city.label',
    ),
  ),
};

const languages: LibraryField = {
  id: 'languages',
  name: 'languages',
  schema: {
    type: 'array',
    uniqueItems: true,
    minItems: 1,
    items: { type: 'string', enum: languageCodes },
  },
  required: true,
  texts: merge(
    label({
      de: 'Welche Sprachen sprechen Sie?',
      en: 'Which languages do you speak?',
      ar: 'ما اللغات التي تتحدثها؟',
      fa: 'به چه زبان‌هایی صحبت می‌کنید؟',
      uk: 'Якими мовами ви розмовляєте?',
      tr: 'Hangi dilleri konuşuyorsunuz?',
      ru: 'На каких языках вы говорите?',
    }),
    chooseSeveral,
    ...languageCodes.map((code) => label(languageNames[code] as Record<ShippedLocale, string>, code)),
  ),
};

const availability: LibraryField = {
  id: 'availability',
  name: 'availability',
  schema: {
    type: 'array',
    uniqueItems: true,
    minItems: 1,
    items: {
      type: 'string',
      enum: ['weekday-mornings', 'weekday-afternoons', 'weekday-evenings', 'weekends'],
    },
  },
  required: true,
  texts: merge(
    label({
      de: 'Wann haben Sie Zeit?',
      en: 'When do you have time?',
      ar: 'متى يكون لديك وقت؟',
      fa: 'چه زمانی وقت دارید؟',
      uk: 'Коли у вас є час?',
      tr: 'Ne zaman vaktiniz var?',
      ru: 'Когда у вас есть время?',
    }),
    chooseSeveral,
    label(
      {
        de: 'Wochentags vormittags',
        en: 'Weekday mornings',
        ar: 'صباحًا في أيام الأسبوع',
        fa: 'صبح‌ها در روزهای کاری',
        uk: 'У будні зранку',
        tr: 'Hafta içi sabahları',
        ru: 'По будням утром',
      },
      'weekday-mornings',
    ),
    label(
      {
        de: 'Wochentags nachmittags',
        en: 'Weekday afternoons',
        ar: 'بعد الظهر في أيام الأسبوع',
        fa: 'بعدازظهرها در روزهای کاری',
        uk: 'У будні вдень',
        tr: 'Hafta içi öğleden sonraları',
        ru: 'По будням днём',
      },
      'weekday-afternoons',
    ),
    label(
      {
        de: 'Wochentags abends',
        en: 'Weekday evenings',
        ar: 'مساءً في أيام الأسبوع',
        fa: 'عصرها در روزهای کاری',
        uk: 'У будні ввечері',
        tr: 'Hafta içi akşamları',
        ru: 'По будням вечером',
      },
      'weekday-evenings',
    ),
    label(
      {
        de: 'Am Wochenende',
        en: 'At weekends',
        ar: 'في عطلة نهاية الأسبوع',
        fa: 'آخر هفته',
        uk: 'На вихідних',
        tr: 'Hafta sonları',
        ru: 'По выходным',
      },
      'weekends',
    ),
  ),
};

const mustTick: Record<ShippedLocale, string> = {
  de: 'Bitte setzen Sie hier ein Häkchen, um fortzufahren.',
  en: 'Please tick this box to continue.',
  ar: 'يرجى وضع علامة في هذا المربع للمتابعة.',
  fa: 'لطفاً برای ادامه، این گزینه را تیک بزنید.',
  uk: 'Будь ласка, поставте тут позначку, щоб продовжити.',
  tr: 'Devam etmek için lütfen bu kutuyu işaretleyin.',
  ru: 'Пожалуйста, поставьте здесь отметку, чтобы продолжить.',
};

/**
 * A yes the person must give. Not `const: true`: JSON Forms renders a top-level `const` as a
 * one-option choice, and `allOf` as a combinator; `not` has no renderer of its own, so this stays a
 * checkbox, and ajv still refuses `false`.
 */
const contactConsent: LibraryField = {
  id: 'contactConsent',
  name: 'contactConsent',
  schema: { type: 'boolean', not: { const: false } },
  required: true,
  texts: merge(
    label({
      de: 'Ich bin einverstanden, dass Sie mich per E-Mail oder Telefon kontaktieren.',
      en: 'I agree to be contacted by e-mail or phone.',
      ar: 'أوافق على أن يتم التواصل معي عبر البريد الإلكتروني أو الهاتف.',
      fa: 'موافقم که از طریق ایمیل یا تلفن با من تماس گرفته شود.',
      uk: 'Я погоджуюся, щоб зі мною зв’язувалися електронною поштою або телефоном.',
      tr: 'Benimle e-posta veya telefon yoluyla iletişime geçilmesini kabul ediyorum.',
      ru: 'Я даю согласие на то, чтобы со мной связывались по электронной почте или телефону.',
    }),
    label(mustTick, 'error.not'),
    label(mustTick, 'error.required'),
  ),
};

export const fieldLibrary: readonly LibraryField[] = [
  firstName,
  lastName,
  email,
  phone,
  dateOfBirth,
  address,
  languages,
  availability,
  contactConsent,
];
