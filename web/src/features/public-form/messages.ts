import { ru, tr } from './messages-tr-ru.ts';

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

const ar: Messages = {
  loading: 'جارٍ تحميل النموذج …',
  notFound: 'هذا النموذج غير موجود أو لم يعد منشورًا.',
  loadFailed: 'تعذّر تحميل النموذج. يُرجى التحقق من اتصالك بالإنترنت.',
  retry: 'حاول مرة أخرى',
  language: 'اللغة',
  required: 'حقل إلزامي',
  requiredNote: 'يجب تعبئة الحقول المشار إليها بـ * (حقل إلزامي).',
  choose: 'يُرجى الاختيار',
  consentTitle: 'الموافقة',
  privacyLink: 'قراءة بيان حماية البيانات',
  newTab: '(يُفتح في علامة تبويب جديدة)',
  consentRequired: 'يُرجى الموافقة حتى نتمكن من معالجة بياناتك.',
  consentText: 'أوافق على حفظ بياناتي واستخدامها لمعالجة طلبي.',
  submit: 'إرسال',
  sending: 'جارٍ الإرسال …',
  errorSummaryTitle: 'يُرجى التحقق من بياناتك',
  errorPrefix: 'خطأ:',
  addItem: 'إضافة {item}',
  removeItem: 'حذف {item}',
  item: '{label}، الإدخال {n}',
  itemOf: 'إدخال إلى «{label}»',
  noItems: 'لا توجد إدخالات بعد.',
  next: 'التالي',
  back: 'السابق',
  steps: 'الخطوات',
  stepOf: 'الخطوة {n} من {total}',
  stepHasErrors: 'يُرجى التحقق من البيانات المُعلَّمة قبل المتابعة.',
  option: 'الخيار {n}',
  previewNote: 'معاينة: زر «إرسال» يتحقق من البيانات فقط، ولا يُرسَل أي شيء.',
  previewValid: 'جميع البيانات صحيحة. لا يُرسَل أي شيء في المعاينة.',
  receiptTitle: 'شكرًا لك، لقد وصلتنا بياناتك',
  receiptNumber: 'رقم الإيصال الخاص بك',
  receiptNext:
    'الخطوة التالية: سنراجع بياناتك ونتواصل معك، غالبًا عبر البريد الإلكتروني. قد يستغرق ذلك بضعة أيام.',
  receiptKeep: 'يُرجى الاحتفاظ بهذا الرقم في حال كانت لديك أسئلة.',
  networkError:
    'لم ينجح الإرسال، ربما انقطع الاتصال. بياناتك محفوظة على هذا الجهاز. يُرجى المحاولة مرة أخرى بعد قليل.',
  serverError: 'حدث خطأ في الخادم. بياناتك محفوظة على هذا الجهاز. يُرجى المحاولة مرة أخرى لاحقًا.',
  tooLarge: 'بياناتك طويلة جدًا. يُرجى اختصار النصوص الطويلة.',
  rateLimited: 'تصلنا طلبات كثيرة في الوقت الحالي. يُرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
  outdated:
    'تم تغيير النموذج في هذه الأثناء ولم تعد بياناتك تتوافق معه. يُرجى تحميل النسخة الجديدة؛ ستبقى بياناتك محفوظة.',
  reloadForm: 'تحميل النسخة الجديدة',
  invalid: 'لم يتم قبول بعض البيانات. يُرجى التحقق منها.',
  reference: 'المرجع',
  draftRestored: 'تمت استعادة البيانات التي أدخلتها سابقًا على هذا الجهاز.',
  honeypot: 'يُرجى ترك هذا الحقل فارغًا',
  errors: {
    required: 'يُرجى تعبئة هذا الحقل.',
    minLength: 'يُرجى إدخال {limit} أحرف على الأقل.',
    maxLength: 'يُرجى إدخال {limit} حرفًا على الأكثر.',
    minimum: 'يجب أن تكون القيمة {limit} على الأقل.',
    maximum: 'يجب ألا تتجاوز القيمة {limit}.',
    exclusiveMinimum: 'يجب أن تكون القيمة أكبر من {limit}.',
    exclusiveMaximum: 'يجب أن تكون القيمة أصغر من {limit}.',
    multipleOf: 'يجب أن تكون القيمة من مضاعفات {multipleOf}.',
    pattern: 'يُرجى التحقق من صيغة ما أدخلته.',
    format: 'يُرجى التحقق من صيغة ما أدخلته.',
    'format.email': 'يُرجى إدخال عنوان بريد إلكتروني مثل name@example.org.',
    'format.date': 'يُرجى إدخال تاريخ صحيح.',
    'format.time': 'يُرجى إدخال وقت صحيح.',
    'format.date-time': 'يُرجى إدخال تاريخ ووقت صحيحين.',
    'format.uri': 'يُرجى إدخال عنوان إنترنت مثل https://example.org.',
    'type.number': 'يُرجى إدخال رقم.',
    'type.integer': 'يُرجى إدخال عدد صحيح.',
    type: 'يُرجى إدخال قيمة صحيحة.',
    enum: 'يُرجى اختيار أحد الخيارات.',
    const: 'يُرجى اختيار أحد الخيارات.',
    minItems: 'يُرجى اختيار أو إضافة {limit} على الأقل.',
    maxItems: 'يُرجى اختيار أو إضافة {limit} على الأكثر.',
    uniqueItems: 'يُرجى إدخال كل عنصر مرة واحدة فقط.',
    default: 'يُرجى التحقق من هذا الإدخال.',
  },
};

const uk: Messages = {
  loading: 'Завантаження форми …',
  notFound: 'Такої форми немає або її більше не опубліковано.',
  loadFailed: 'Не вдалося завантажити форму. Будь ласка, перевірте підключення до інтернету.',
  retry: 'Спробувати ще раз',
  language: 'Мова',
  required: 'обовʼязкове поле',
  requiredNote: 'Поля, позначені * (обовʼязкове поле), потрібно заповнити.',
  choose: 'Будь ласка, оберіть',
  consentTitle: 'Згода',
  privacyLink: 'Прочитати інформацію про захист даних',
  newTab: '(відкривається в новій вкладці)',
  consentRequired: 'Будь ласка, дайте згоду, щоб ми могли опрацювати ваші дані.',
  consentText: 'Я погоджуюся, щоб мої дані зберігалися та використовувалися для опрацювання мого запиту.',
  submit: 'Надіслати',
  sending: 'Надсилання …',
  errorSummaryTitle: 'Будь ласка, перевірте введені дані',
  errorPrefix: 'Помилка:',
  addItem: 'Додати: {item}',
  removeItem: 'Видалити: {item}',
  item: '{label}, запис {n}',
  itemOf: 'запис до «{label}»',
  noItems: 'Записів ще немає.',
  next: 'Далі',
  back: 'Назад',
  steps: 'Кроки',
  stepOf: 'Крок {n} з {total}',
  stepHasErrors: 'Будь ласка, перевірте позначені відповіді, перш ніж продовжити.',
  option: 'Варіант {n}',
  previewNote: 'Попередній перегляд: «Надіслати» лише перевіряє відповіді, нічого не надсилається.',
  previewValid: 'Усі відповіді правильні. У попередньому перегляді нічого не надсилається.',
  receiptTitle: 'Дякуємо, ваші дані надійшли',
  receiptNumber: 'Ваш номер звернення',
  receiptNext:
    'Що далі: ми перевіримо ваші дані та звʼяжемося з вами, зазвичай електронною поштою. Це може тривати кілька днів.',
  receiptKeep: 'Будь ласка, збережіть цей номер на випадок запитань.',
  networkError:
    'Не вдалося надіслати — можливо, зʼєднання перервалося. Ваші дані збережено на цьому пристрої. Будь ласка, спробуйте ще раз трохи згодом.',
  serverError:
    'На сервері сталася помилка. Ваші дані збережено на цьому пристрої. Будь ласка, спробуйте пізніше.',
  tooLarge: 'Ваші дані завеликі. Будь ласка, скоротіть довгі тексти.',
  rateLimited: 'Зараз надходить забагато запитів. Будь ласка, зачекайте трохи й спробуйте знову.',
  outdated:
    'Тим часом форму змінили, і ваші дані їй більше не відповідають. Будь ласка, завантажте нову версію — ваші дані збережуться.',
  reloadForm: 'Завантажити нову версію',
  invalid: 'Деякі дані не прийнято. Будь ласка, перевірте їх.',
  reference: 'Номер для довідки',
  draftRestored: 'Дані, які ви раніше ввели на цьому пристрої, відновлено.',
  honeypot: 'Залиште це поле порожнім',
  errors: {
    required: 'Будь ласка, заповніть це поле.',
    minLength: 'Введіть щонайменше {limit} символів.',
    maxLength: 'Введіть не більше {limit} символів.',
    minimum: 'Значення має бути не менше {limit}.',
    maximum: 'Значення має бути не більше {limit}.',
    exclusiveMinimum: 'Значення має бути більше {limit}.',
    exclusiveMaximum: 'Значення має бути менше {limit}.',
    multipleOf: 'Значення має бути кратним {multipleOf}.',
    pattern: 'Будь ласка, перевірте формат введених даних.',
    format: 'Будь ласка, перевірте формат введених даних.',
    'format.email': 'Введіть адресу електронної пошти, наприклад name@example.org.',
    'format.date': 'Введіть правильну дату.',
    'format.time': 'Будь ласка, введіть правильний час.',
    'format.date-time': 'Будь ласка, введіть правильні дату й час.',
    'format.uri': 'Введіть інтернет-адресу, наприклад https://example.org.',
    'type.number': 'Введіть число.',
    'type.integer': 'Введіть ціле число.',
    type: 'Введіть правильне значення.',
    enum: 'Оберіть один із варіантів.',
    const: 'Оберіть один із варіантів.',
    minItems: 'Оберіть або додайте щонайменше {limit}.',
    maxItems: 'Оберіть або додайте не більше {limit}.',
    uniqueItems: 'Кожен запис можна вказати лише один раз.',
    default: 'Будь ласка, перевірте це поле.',
  },
};

const fa: Messages = {
  loading: 'در حال بارگذاری فرم …',
  notFound: 'این فرم وجود ندارد یا دیگر منتشر نشده است.',
  loadFailed: 'فرم بارگذاری نشد. لطفاً اتصال اینترنت خود را بررسی کنید.',
  retry: 'دوباره امتحان کنید',
  language: 'زبان',
  required: 'الزامی',
  requiredNote: 'فیلدهایی که با * (الزامی) مشخص شده‌اند باید پر شوند.',
  choose: 'لطفاً انتخاب کنید',
  consentTitle: 'رضایت',
  privacyLink: 'خواندن اطلاعات حفاظت از داده‌ها',
  newTab: '(در برگهٔ جدید باز می‌شود)',
  consentRequired: 'لطفاً موافقت کنید تا بتوانیم اطلاعات شما را بررسی کنیم.',
  consentText: 'موافقم که اطلاعاتم برای رسیدگی به درخواستم ذخیره و استفاده شود.',
  submit: 'ارسال',
  sending: 'در حال ارسال …',
  errorSummaryTitle: 'لطفاً اطلاعات خود را بررسی کنید',
  errorPrefix: 'خطا:',
  addItem: 'افزودن {item}',
  removeItem: 'حذف {item}',
  item: '{label}، مورد {n}',
  itemOf: 'مورد برای «{label}»',
  noItems: 'هنوز موردی وجود ندارد.',
  next: 'بعدی',
  back: 'قبلی',
  steps: 'مراحل',
  stepOf: 'مرحلهٔ {n} از {total}',
  stepHasErrors: 'لطفاً پیش از ادامه، پاسخ‌های علامت‌خورده را بررسی کنید.',
  option: 'گزینهٔ {n}',
  previewNote: 'پیش‌نمایش: دکمهٔ «ارسال» فقط پاسخ‌ها را بررسی می‌کند و چیزی فرستاده نمی‌شود.',
  previewValid: 'همهٔ پاسخ‌ها درست است. در پیش‌نمایش چیزی فرستاده نمی‌شود.',
  receiptTitle: 'سپاسگزاریم، اطلاعات شما دریافت شد',
  receiptNumber: 'شمارهٔ پیگیری شما',
  receiptNext:
    'مرحلهٔ بعد: اطلاعات شما را بررسی می‌کنیم و معمولاً از طریق ایمیل با شما تماس می‌گیریم. این کار ممکن است چند روز طول بکشد.',
  receiptKeep: 'لطفاً این شماره را برای پرسش‌های احتمالی نگه دارید.',
  networkError:
    'ارسال انجام نشد؛ شاید اتصال قطع شده باشد. اطلاعات شما روی این دستگاه ذخیره شده است. لطفاً کمی بعد دوباره امتحان کنید.',
  serverError:
    'در سرور خطایی رخ داد. اطلاعات شما روی این دستگاه ذخیره شده است. لطفاً بعداً دوباره امتحان کنید.',
  tooLarge: 'اطلاعات شما بیش از حد طولانی است. لطفاً متن‌های طولانی را کوتاه کنید.',
  rateLimited: 'در حال حاضر درخواست‌های زیادی می‌رسد. لطفاً کمی صبر کنید و دوباره امتحان کنید.',
  outdated:
    'این فرم در این فاصله تغییر کرده و اطلاعات شما دیگر با آن مطابقت ندارد. لطفاً نسخهٔ جدید را بارگذاری کنید؛ اطلاعات شما حفظ می‌شود.',
  reloadForm: 'بارگذاری نسخهٔ جدید',
  invalid: 'برخی از اطلاعات پذیرفته نشد. لطفاً آن‌ها را بررسی کنید.',
  reference: 'شمارهٔ مرجع',
  draftRestored: 'اطلاعاتی که قبلاً روی این دستگاه وارد کرده بودید بازیابی شد.',
  honeypot: 'این فیلد را خالی بگذارید',
  errors: {
    required: 'لطفاً این فیلد را پر کنید.',
    minLength: 'لطفاً دست‌کم {limit} نویسه وارد کنید.',
    maxLength: 'لطفاً حداکثر {limit} نویسه وارد کنید.',
    minimum: 'مقدار باید دست‌کم {limit} باشد.',
    maximum: 'مقدار نباید بیشتر از {limit} باشد.',
    exclusiveMinimum: 'مقدار باید بزرگ‌تر از {limit} باشد.',
    exclusiveMaximum: 'مقدار باید کوچک‌تر از {limit} باشد.',
    multipleOf: 'مقدار باید مضربی از {multipleOf} باشد.',
    pattern: 'لطفاً قالب ورودی خود را بررسی کنید.',
    format: 'لطفاً قالب ورودی خود را بررسی کنید.',
    'format.email': 'لطفاً یک نشانی ایمیل مانند name@example.org وارد کنید.',
    'format.date': 'لطفاً یک تاریخ معتبر وارد کنید.',
    'format.time': 'لطفاً یک زمان معتبر وارد کنید.',
    'format.date-time': 'لطفاً تاریخ و زمان معتبر وارد کنید.',
    'format.uri': 'لطفاً یک نشانی اینترنتی مانند https://example.org وارد کنید.',
    'type.number': 'لطفاً یک عدد وارد کنید.',
    'type.integer': 'لطفاً یک عدد صحیح وارد کنید.',
    type: 'لطفاً یک مقدار معتبر وارد کنید.',
    enum: 'لطفاً یکی از گزینه‌ها را انتخاب کنید.',
    const: 'لطفاً یکی از گزینه‌ها را انتخاب کنید.',
    minItems: 'لطفاً دست‌کم {limit} مورد انتخاب یا اضافه کنید.',
    maxItems: 'لطفاً حداکثر {limit} مورد انتخاب یا اضافه کنید.',
    uniqueItems: 'لطفاً هر مورد را فقط یک بار وارد کنید.',
    default: 'لطفاً این مورد را بررسی کنید.',
  },
};

export const messagesByLocale: Readonly<Record<string, Messages>> = { de, en, ar, uk, fa, tr, ru };

/** The page's words for a locale: exact, then its base language, then English. */
export function messagesFor(locale: string): Messages {
  return messagesByLocale[locale] ?? messagesByLocale[locale.split('-')[0] ?? ''] ?? en;
}

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
