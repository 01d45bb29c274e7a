import { lazy, Suspense, useState } from 'react';
import { fieldLibrary } from './library-source.ts';
import { buildMessages } from './messages.ts';
import type { LibraryFieldLike } from './model/library.ts';
import type { ElementId, FormDefinitionDraft } from './model/types.ts';
import { VisualEditor } from './visual/visual-editor.tsx';
import './build-tab.css';

const JsonMode = lazy(() => import('./json/json-mode.tsx'));

export interface BuildTabProps {
  readonly definition: FormDefinitionDraft;
  /** `what` names the change for the undo history ("Feld „E-Mail“ hinzugefügt"). */
  readonly onChange: (next: FormDefinitionDraft, what: string) => void;
  readonly uiLocale: 'de' | 'en';
  /** The field library; the shared one unless a test brings its own. */
  readonly library?: readonly LibraryFieldLike[];
}

/** The editor's Build tab: the visual builder, or the two JSON documents, always of the page's draft. */
export function BuildTab({ definition, onChange, uiLocale, library = fieldLibrary }: BuildTabProps) {
  const t = buildMessages[uiLocale];
  const [mode, setMode] = useState<'visual' | 'json'>('visual');
  const [selected, setSelected] = useState<ElementId>();
  return (
    <div className="build-tab">
      <fieldset className="build-mode">
        <legend className="visually-hidden">{t.modeLabel}</legend>
        <button type="button" aria-pressed={mode === 'visual'} onClick={() => setMode('visual')}>
          {t.visual}
        </button>
        <button type="button" aria-pressed={mode === 'json'} onClick={() => setMode('json')}>
          {t.json}
        </button>
      </fieldset>
      {mode === 'visual' ? (
        <VisualEditor
          definition={definition}
          onChange={onChange}
          t={t}
          uiLocale={uiLocale}
          library={library}
          selected={selected}
          onSelect={setSelected}
        />
      ) : (
        <Suspense fallback={<p className="muted">{t.jsonLoading}</p>}>
          <JsonMode definition={definition} onChange={onChange} t={t} />
        </Suspense>
      )}
    </div>
  );
}
