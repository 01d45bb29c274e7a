import { useRef } from 'react';
import { getAt } from './definition-access.ts';
import { MailPreviewPanel } from './mail-preview.tsx';
import type { SectionProps } from './section-props.ts';
import { SettingsField } from './settings-field.tsx';

const PLACEHOLDERS = ['receiptNumber', 'formTitle', 'organisation', 'firstName'] as const;
const PARTS = ['page', 'emailSubject', 'emailBody'] as const;
type Part = (typeof PARTS)[number];
type TextElement = HTMLInputElement & HTMLTextAreaElement;

/** Placeholders the server does not know, so the admin sees them before validation does. */
const unknownPlaceholders = (text: string) =>
  [...text.matchAll(/\{([^{}\s]*)\}/g)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));

/** The confirmation page and mail texts, per language of the form, with placeholders and a preview. */
export function ConfirmationSection(props: SectionProps & { uiLocale: 'de' | 'en' }) {
  const locales = getAt(props.definition, ['locales']);
  const names = new Intl.DisplayNames([props.uiLocale], { type: 'language' });
  return (
    <fieldset className="form-settings-section">
      <legend>{props.t.confirmation}</legend>
      <p className="muted">{props.t.confirmationIntro}</p>
      {(Array.isArray(locales) ? locales.map(String) : []).map((locale) => (
        <LocaleTexts key={locale} {...props} locale={locale} language={names.of(locale) ?? locale} />
      ))}
    </fieldset>
  );
}

function LocaleTexts({
  definition,
  set,
  t,
  issue,
  locale,
  language,
}: SectionProps & { locale: string; language: string }) {
  const refs = useRef<Partial<Record<Part, TextElement | null>>>({});
  const lastFocused = useRef<Part>('emailBody');
  const text = (part: Part) => {
    const value = getAt(definition, ['confirmation', part, locale]);
    return typeof value === 'string' ? value : '';
  };
  const label = (part: Part) =>
    ({ page: t.page, emailSubject: t.emailSubject, emailBody: t.emailBody })[part];
  const change = (part: Part, value: string) =>
    set(['confirmation', part, locale], value === '' ? undefined : value, `${label(part)} (${language})`);

  const insert = (name: string) => {
    const part = lastFocused.current;
    const element = refs.current[part];
    const current = text(part);
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    const token = `{${name}}`;
    change(part, current.slice(0, start) + token + current.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const formTitle = getAt(definition, ['title', locale]) ?? getAt(definition, ['slug']);
  return (
    <section className="form-settings-locale" aria-labelledby={`form-settings-confirmation-${locale}`}>
      <h3 id={`form-settings-confirmation-${locale}`} lang={locale}>
        {language}
      </h3>
      {PARTS.map((part) => {
        const unknown = unknownPlaceholders(text(part));
        const field = `confirmation.${part}.${locale}`;
        const error = [issue(field), ...unknown.map(t.unknownPlaceholder)].filter(Boolean).join(' ');
        return (
          <SettingsField
            key={part}
            id={`form-settings-${part}-${locale}`}
            label={`${label(part)} (${language})`}
            value={text(part)}
            multiline={part !== 'emailSubject'}
            lang={locale}
            onChange={(value) => change(part, value)}
            onFocus={() => {
              lastFocused.current = part;
            }}
            ref={(element) => {
              refs.current[part] = element;
            }}
            error={error || undefined}
          />
        );
      })}
      <fieldset className="chips">
        <legend>{`${t.placeholders} (${language})`}</legend>
        {PLACEHOLDERS.map((name) => (
          <button
            type="button"
            className="chip"
            key={name}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => insert(name)}
          >
            {t.placeholderNames[name]} <code>{`{${name}}`}</code>
          </button>
        ))}
      </fieldset>
      <MailPreviewPanel
        language={language}
        t={t}
        request={{
          locale,
          formTitle: typeof formTitle === 'string' && formTitle ? formTitle : 'Form',
          ...(text('emailSubject') ? { emailSubject: text('emailSubject') } : {}),
          ...(text('emailBody') ? { emailBody: text('emailBody') } : {}),
        }}
      />
    </section>
  );
}
