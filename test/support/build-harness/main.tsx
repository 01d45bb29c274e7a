import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BuildTab } from '../../../web/src/features/console/forms/build/build-tab.tsx';
import type { LibraryFieldLike } from '../../../web/src/features/console/forms/build/model/library.ts';
import type { FormDefinitionDraft } from '../../../web/src/features/console/forms/build/model/types.ts';
import '../../../web/src/styles.css';
import '../../../web/src/features/console/console.css';

/*
 * The Build tab alone, as the editor page will hold it: the page keeps the definition and the
 * named changes; the test reads both from window.harness.
 */

const start: FormDefinitionDraft = {
  slug: 'harness',
  defaultLocale: 'de',
  locales: ['de', 'en'],
  title: { de: 'Probe' },
  schema: { type: 'object', properties: {} },
  uischema: { type: 'VerticalLayout', elements: [] },
  translations: {},
};

const library: LibraryFieldLike[] = [
  {
    id: 'firstName',
    name: 'firstName',
    schema: { type: 'string', maxLength: 100 },
    required: true,
    options: { autocomplete: 'given-name' },
    texts: { de: { label: 'Vorname' }, en: { label: 'First name' } },
  },
];

declare global {
  interface Window {
    harness: { definition: FormDefinitionDraft; changes: string[] };
  }
}
window.harness = { definition: start, changes: [] };

function Harness() {
  const [definition, setDefinition] = useState(start);
  const uiLocale = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'de';
  return (
    <BuildTab
      definition={definition}
      uiLocale={uiLocale}
      library={library}
      onChange={(next, what) => {
        window.harness = { definition: next, changes: [...window.harness.changes, what] };
        setDefinition(next);
      }}
    />
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <h1>Formular bearbeiten</h1>
    <h2>Aufbau</h2>
    <Harness />
  </StrictMode>,
);
