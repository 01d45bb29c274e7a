import { type KeyboardEvent, useState } from 'react';
import { languageName, useCoursesText } from '../messages.ts';
import { fieldId } from './field-errors.ts';

interface Props {
  readonly locales: readonly string[];
  readonly title: Readonly<Record<string, string>>;
  readonly description: Readonly<Record<string, string>>;
  readonly errors: Record<string, string>;
  readonly onChange: (field: 'title' | 'description', locale: string, text: string) => void;
}

/**
 * Title and description, one tab per language the organisation offers (the WAI-ARIA tabs pattern:
 * arrow keys move between tabs, Tab goes into the panel). A tab with a refused field says so.
 */
export function LocaleTabs({ locales, title, description, errors, onChange }: Props) {
  const { t, locale: uiLocale } = useCoursesText();
  const [active, setActive] = useState(locales[0] ?? 'de');
  const current = locales.includes(active) ? active : (locales[0] ?? 'de');

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const index = locales.indexOf(current);
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const target =
      step !== undefined
        ? locales[(index + step + locales.length) % locales.length]
        : event.key === 'Home'
          ? locales[0]
          : event.key === 'End'
            ? locales.at(-1)
            : undefined;
    if (!target) return;
    event.preventDefault();
    setActive(target);
    document.getElementById(`course-tab-${target}`)?.focus();
  }

  const hasError = (code: string) => Boolean(errors[`title.${code}`] || errors[`description.${code}`]);
  return (
    <div className="locale-tabs">
      <div role="tablist" aria-label={t.texts}>
        {locales.map((code) => (
          <button
            key={code}
            type="button"
            role="tab"
            id={`course-tab-${code}`}
            aria-selected={code === current}
            aria-controls={`course-panel-${code}`}
            tabIndex={code === current ? 0 : -1}
            onClick={() => setActive(code)}
            onKeyDown={onKeyDown}
          >
            {languageName(code, uiLocale)}
            {title[code]?.trim() ? ' ✓' : ''}
            {hasError(code) ? ' ⚠' : ''}
          </button>
        ))}
      </div>
      {locales
        .filter((code) => code === current)
        .map((code) => (
          <div key={code} role="tabpanel" id={`course-panel-${code}`} aria-labelledby={`course-tab-${code}`}>
            <TextInput
              id={fieldId(`title.${code}`)}
              label={`${t.courseTitle} (${languageName(code, uiLocale)})`}
              value={title[code] ?? ''}
              error={errors[`title.${code}`]}
              onChange={(text) => onChange('title', code, text)}
              lang={code}
            />
            <div className="field">
              <label htmlFor={fieldId(`description.${code}`)}>
                {t.description} ({languageName(code, uiLocale)})
              </label>
              <textarea
                id={fieldId(`description.${code}`)}
                lang={code}
                dir="auto"
                rows={4}
                value={description[code] ?? ''}
                onChange={(event) => onChange('description', code, event.target.value)}
                aria-invalid={errors[`description.${code}`] ? true : undefined}
                aria-describedby={
                  errors[`description.${code}`] ? `${fieldId(`description.${code}`)}-error` : undefined
                }
              />
              {errors[`description.${code}`] && (
                <p id={`${fieldId(`description.${code}`)}-error`} className="error">
                  {errors[`description.${code}`]}
                </p>
              )}
            </div>
          </div>
        ))}
    </div>
  );
}

function TextInput(props: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  lang: string;
  onChange: (text: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        lang={props.lang}
        dir="auto"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
      />
      {props.error && (
        <p id={`${props.id}-error`} className="error">
          {props.error}
        </p>
      )}
    </div>
  );
}
