import type { DraftDefinition } from '../translations/form-text.ts';

interface Props {
  readonly definition: DraftDefinition;
  readonly onChange: (next: DraftDefinition, what: string) => void;
  readonly uiLocale: 'de' | 'en';
}

/**
 * PLACEHOLDER until the visual editor lands (its engineer writes this file): the form's fields,
 * read only, so the editor page has something to show on its first tab.
 */
export function BuildTab({ definition, uiLocale }: Props) {
  const schema = (definition.schema ?? {}) as {
    properties?: Record<string, { title?: string; type?: string }>;
  };
  return (
    <>
      <p className="muted">
        {uiLocale === 'de' ? 'Felder des Formulars (nur lesen):' : 'Fields of the form (read only):'}
      </p>
      <ul className="field-list">
        {Object.entries(schema.properties ?? {}).map(([name, property]) => (
          <li key={name}>
            {property.title ?? name}{' '}
            <span className="muted">
              ({name}, {property.type ?? '–'})
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
