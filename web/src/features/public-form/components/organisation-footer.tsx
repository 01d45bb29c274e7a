import type { Organisation } from '../hooks/use-organisation.ts';

const labels: Readonly<Record<string, { privacy: string; imprint: string }>> = {
  de: { privacy: 'Datenschutz', imprint: 'Impressum' },
  en: { privacy: 'Privacy notice', imprint: 'Imprint' },
  ar: { privacy: 'إشعار الخصوصية', imprint: 'بيانات الناشر' },
  uk: { privacy: 'Захист даних', imprint: 'Вихідні дані' },
};

/** The organisation's privacy notice and imprint, on every form page (both are legal duties in Germany). */
export function OrganisationFooter({
  organisation,
  locale,
}: {
  organisation?: Organisation;
  locale: string;
}) {
  if (!organisation?.privacyUrl && !organisation?.imprintUrl) return null;
  const t = labels[locale.split('-')[0] ?? locale] ?? labels.en;
  return (
    <footer className="public-form-footer">
      <ul>
        {organisation.privacyUrl && (
          <li>
            <a href={organisation.privacyUrl}>{t?.privacy}</a>
          </li>
        )}
        {organisation.imprintUrl && (
          <li>
            <a href={organisation.imprintUrl}>{t?.imprint}</a>
          </li>
        )}
      </ul>
    </footer>
  );
}
