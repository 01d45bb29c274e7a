import { useId } from 'react';
import { languageName, type Messages } from '../messages.ts';
import { directionOf } from '../utils/choose-locale.ts';

interface Props {
  readonly locales: readonly string[];
  readonly current: string;
  readonly messages: Messages;
  readonly onSwitch: (locale: string) => void;
}

/**
 * One button per language, each named in its own language (with `lang`, so screen readers
 * pronounce it right). The label adds "Language" in English for people who cannot read the current one.
 */
export function LanguageSwitcher({ locales, current, messages, onSwitch }: Props) {
  const labelId = useId();
  if (locales.length < 2) return null;
  const label = current.startsWith('en') ? messages.language : `${messages.language} · Language`;
  return (
    <nav className="languages" aria-labelledby={labelId}>
      <span id={labelId} className="languages-label">
        {label}
      </span>
      <ul>
        {locales.map((locale) => (
          <li key={locale}>
            <button
              type="button"
              lang={locale}
              dir={directionOf(locale)}
              aria-current={locale === current ? 'true' : undefined}
              onClick={() => locale !== current && onSwitch(locale)}
            >
              {languageName(locale)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
