import type { DraftDefinition } from '../translations/form-text.ts';

interface Props {
  readonly definition: DraftDefinition;
  readonly onChange: (next: DraftDefinition, what: string) => void;
  readonly uiLocale: 'de' | 'en';
}

/** PLACEHOLDER until the form settings land (their engineer writes this file). */
export function FormSettingsTab({ definition, uiLocale }: Props) {
  return (
    <dl className="facts">
      <dt>{uiLocale === 'de' ? 'Ablauf' : 'Workflow'}</dt>
      <dd>{definition.workflow ?? '–'}</dd>
      <dt>{uiLocale === 'de' ? 'Aufbewahrung (Tage)' : 'Retention (days)'}</dt>
      <dd>{definition.retentionDays ?? '–'}</dd>
    </dl>
  );
}
