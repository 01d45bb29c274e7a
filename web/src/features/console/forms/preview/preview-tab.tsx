import { Component, type ReactNode, useId, useMemo, useState } from 'react';
import type { FormDefinition } from '#shared/contracts/form-definition.ts';
import { toPublishedForm } from '#shared/domain/published-form.ts';
import { FormPreview } from '../../../public-form/components/public-form-page.tsx';
import { languageName, useFormsText } from '../messages.ts';
import type { DraftDefinition } from '../translations/form-text.ts';
import { localesOf } from '../translations/grid.ts';

/** A draft may miss parts the published form needs; the preview fills them so it can render. */
export function previewDefinition(definition: DraftDefinition): FormDefinition {
  const main = definition.defaultLocale ?? 'de';
  return {
    ...definition,
    slug: definition.slug ?? 'draft',
    defaultLocale: main,
    locales: localesOf(definition),
    title: definition.title ?? {},
    workflow: definition.workflow ?? '',
    consent: definition.consent ?? { version: 'draft' },
    retentionDays: definition.retentionDays ?? 1,
    schema: definition.schema ?? { type: 'object', properties: {} },
    uischema: definition.uischema ?? { type: 'VerticalLayout', elements: [] },
    translations: definition.translations ?? {},
  } as FormDefinition;
}

class PreviewBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The Preview tab: the draft with the public page's renderer, in any of its languages and widths. */
export function PreviewTab({ definition }: { definition: DraftDefinition }) {
  const { t, locale: uiLocale } = useFormsText();
  const id = useId();
  const locales = localesOf(definition);
  const [locale, setLocale] = useState(locales[0] ?? 'de');
  const [width, setWidth] = useState<'phone' | 'desktop'>('phone');
  const shown = locales.includes(locale) ? locale : (locales[0] ?? 'de');
  const form = useMemo(() => {
    const version = {
      slug: definition.slug ?? 'draft',
      version: 1,
      definition: previewDefinition(definition),
      createdAt: '',
      createdBy: '',
    };
    return toPublishedForm(version, shown, '');
  }, [definition, shown]);
  return (
    <>
      <div className="preview-tools">
        <span>
          <label htmlFor={`${id}-locale`}>{t.language}</label>
          <select id={`${id}-locale`} value={shown} onChange={(e) => setLocale(e.target.value)}>
            {locales.map((code) => (
              <option key={code} value={code}>
                {languageName(code, uiLocale)}
              </option>
            ))}
          </select>
        </span>
        <fieldset>
          <legend>{t.width}</legend>
          {(['phone', 'desktop'] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name={`${id}-width`}
                checked={width === option}
                onChange={() => setWidth(option)}
              />{' '}
              {option === 'phone' ? t.phone : t.desktop}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="muted">{t.previewNote}</p>
      <div
        className={`preview-frame preview-${width}`}
        data-testid="form-preview"
        lang={shown}
        dir={form.direction}
      >
        <PreviewBoundary key={shown} fallback={<p role="alert">{t.previewFailed}</p>}>
          <FormPreview key={shown} form={form} />
        </PreviewBoundary>
      </div>
    </>
  );
}
