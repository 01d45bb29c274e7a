import { type KeyboardEvent, useEffect } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ApiError, SignInRequired } from '../../api.ts';
import { BuildTab } from '../build/build-tab.tsx';
import { useFormsText } from '../messages.ts';
import { PreviewTab } from '../preview/preview-tab.tsx';
import { FormSettingsTab } from '../settings/form-settings-tab.tsx';
import { TranslationsTab } from '../translations/translations-tab.tsx';
import { VersionsTab } from '../versions/versions-tab.tsx';
import { DraftToolbar } from './draft-toolbar.tsx';
import { historyKey } from './history.ts';
import { useFormDraft } from './use-form-draft.ts';

export const TABS = ['build', 'translations', 'preview', 'settings', 'versions'] as const;
type Tab = (typeof TABS)[number];

/** `/console/forms/:slug/:tab`: one form's draft, its tabs, autosave and undo/redo across them. */
export function EditorPage() {
  const { slug = '', tab } = useParams();
  const { t, locale } = useFormsText();
  const navigate = useNavigate();
  const editor = useFormDraft(slug);
  const { state, undo, redo } = editor;

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      // The JSON mode's CodeMirror has its own history of the text being typed.
      if (event.defaultPrevented || (event.target as Element | null)?.closest?.('.cm-editor')) return;
      const action = historyKey(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'undo') undo();
      else redo();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  if (!TABS.includes(tab as Tab)) return <Navigate to={`/console/forms/${slug}/build`} replace />;
  const current = tab as Tab;

  if (!state) {
    const error = editor.query.error;
    if (error instanceof SignInRequired || !error) return <p role="status">{t.loading}</p>;
    return (
      <p role="alert" className="error">
        {error instanceof ApiError && error.status === 404 ? t.noSuchForm : t.draftLoadFailed}
      </p>
    );
  }

  const definition = state.history.present;
  const title = definition.title?.[definition.defaultLocale ?? ''] ?? slug;

  function onTabKey(event: KeyboardEvent<HTMLAnchorElement>) {
    const index = TABS.indexOf(current);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    navigate(`/console/forms/${slug}/${next}`);
    requestAnimationFrame(() => document.getElementById(`form-tab-${next}`)?.focus());
  }

  return (
    <div className="form-editor">
      <p>
        <Link to="/console/forms">{t.back}</Link>
      </p>
      <h1>
        {title} <span className="muted">({slug})</span>
      </h1>
      <DraftToolbar editor={editor} />
      <div role="tablist" aria-label={t.tabsLabel} className="editor-tabs">
        {TABS.map((name) => (
          <Link
            key={name}
            id={`form-tab-${name}`}
            role="tab"
            aria-selected={name === current}
            aria-controls="form-tabpanel"
            tabIndex={name === current ? 0 : -1}
            to={`/console/forms/${slug}/${name}`}
            onKeyDown={onTabKey}
          >
            {t.tabs[name]}
          </Link>
        ))}
      </div>
      <section
        role="tabpanel"
        id="form-tabpanel"
        aria-labelledby={`form-tab-${current}`}
        className="editor-panel"
      >
        {current === 'build' && (
          <BuildTab definition={definition} onChange={editor.change} uiLocale={locale} />
        )}
        {current === 'translations' && <TranslationsTab definition={definition} onChange={editor.change} />}
        {current === 'preview' && <PreviewTab definition={definition} />}
        {current === 'settings' && (
          <>
            {/* The tab's sections are h3: this keeps the heading order for screen readers (axe). */}
            <h2 className="visually-hidden">{t.tabs.settings}</h2>
            <FormSettingsTab
              definition={definition}
              onChange={editor.change}
              uiLocale={locale}
              issues={editor.state?.issues ?? []}
            />
          </>
        )}
        {current === 'versions' && <VersionsTab slug={slug} editor={editor} />}
      </section>
    </div>
  );
}
