import type { PublishedForm } from '../api/types.ts';

type Availability = NonNullable<PublishedForm['availability']>;
type Closed = Exclude<Availability['state'], 'open'>;

/** In every shipped language here, so the renderers' messages.ts stays theirs; `{date}` is filled. */
const texts: Record<string, Record<Closed, string>> = {
  de: {
    'not-yet-open': 'Dieses Formular ist ab {date} geöffnet.',
    closed: 'Dieses Formular ist geschlossen und nimmt keine Einsendungen mehr an.',
    full: 'Für dieses Formular sind alle Plätze vergeben.',
  },
  en: {
    'not-yet-open': 'This form opens on {date}.',
    closed: 'This form is closed and no longer accepts submissions.',
    full: 'All places for this form are taken.',
  },
  ar: {
    'not-yet-open': 'يُفتح هذا النموذج في {date}.',
    closed: 'هذا النموذج مغلق ولم يعد يقبل الطلبات.',
    full: 'تم شغل جميع الأماكن لهذا النموذج.',
  },
  fa: {
    'not-yet-open': 'این فرم از {date} باز می‌شود.',
    closed: 'این فرم بسته شده است و دیگر درخواستی نمی‌پذیرد.',
    full: 'همه جاهای این فرم پر شده است.',
  },
  uk: {
    'not-yet-open': 'Ця форма відкриється {date}.',
    closed: 'Ця форма закрита й більше не приймає заявок.',
    full: 'Усі місця для цієї форми зайняті.',
  },
  tr: {
    'not-yet-open': 'Bu form {date} tarihinde açılıyor.',
    closed: 'Bu form kapandı ve artık başvuru kabul etmiyor.',
    full: 'Bu form için tüm yerler doldu.',
  },
  ru: {
    'not-yet-open': 'Эта форма откроется {date}.',
    closed: 'Эта форма закрыта и больше не принимает заявки.',
    full: 'Все места по этой форме заняты.',
  },
};

function formatDate(iso: string | undefined, locale: string): string {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

/** Instead of the form when it takes nothing now: why, and for a form not yet open, from when. */
export function AvailabilityNotice({ availability, locale }: { availability: Availability; locale: string }) {
  if (availability.state === 'open') return null;
  const t = texts[locale] ?? texts[locale.split('-')[0] ?? ''] ?? (texts.en as Record<Closed, string>);
  const text = t[availability.state].replace('{date}', formatDate(availability.opensAt, locale));
  return (
    <p className="notice notice--info" role="status" data-testid="availability-notice">
      {text}
    </p>
  );
}
