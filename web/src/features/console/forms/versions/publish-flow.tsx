import { useId, useState } from 'react';
import { SignInRequired } from '../../api.ts';
import { Modal } from '../../users/modal.tsx';
import type { FormDraftEditor } from '../editor/use-form-draft.ts';
import { type FormImpact, getImpact, type PublishOutcome, publishDraft } from '../forms-api.ts';
import { languageName, useFormsText } from '../messages.ts';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'confirm'; readonly revision: number; readonly impact: FormImpact }
  | {
      readonly kind: 'refused';
      readonly revision: number;
      /** Languages already chosen to leave out; a second refusal keeps them. */
      readonly without: readonly string[];
      readonly outcome: Extract<PublishOutcome, { kind: 'refused' }>;
    }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * Publishing the draft: save what is open, show what would break earlier submissions, publish; a
 * refusal for missing translations offers to publish without those languages.
 */
export function PublishFlow({
  slug,
  editor,
  onPublished,
}: {
  slug: string;
  editor: FormDraftEditor;
  onPublished: (version: number) => void;
}) {
  const { t, locale } = useFormsText();
  const ids = { title: useId(), refused: useId() };
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const nothing =
    (editor.state?.revision ?? 0) === 0 && editor.state?.history.present === editor.state?.saved;
  const close = () => setStep({ kind: 'idle' });

  async function start() {
    setStep({ kind: 'checking' });
    try {
      const revision = await editor.flush();
      if (revision === undefined || revision === 0) return close();
      setStep({ kind: 'confirm', revision, impact: await getImpact(slug, 'draft') });
    } catch (error) {
      if (!(error instanceof SignInRequired)) setStep({ kind: 'failed', message: (error as Error).message });
    }
  }

  async function publish(revision: number, withoutLocales: string[] = []) {
    try {
      const outcome = await publishDraft(slug, revision, withoutLocales);
      if (outcome.kind === 'published') {
        close();
        onPublished(outcome.result.version);
      } else if (outcome.kind === 'refused')
        setStep({ kind: 'refused', revision, without: withoutLocales, outcome });
      else setStep({ kind: 'failed', message: outcome.message });
    } catch (error) {
      if (!(error instanceof SignInRequired)) setStep({ kind: 'failed', message: (error as Error).message });
    }
  }

  const name = (code: string) => languageName(code, locale);
  return (
    <>
      <p className="actions">
        <button type="button" onClick={start} disabled={nothing || step.kind === 'checking'}>
          {step.kind === 'checking' ? t.checking : t.publishDraft}
        </button>
        {nothing && <span className="muted"> {t.nothingToPublish}</span>}
      </p>
      {step.kind === 'failed' && (
        <p role="alert" className="error">
          {step.message}
        </p>
      )}
      {step.kind === 'confirm' && (
        <Modal titleId={ids.title} onClose={close}>
          <h2 id={ids.title}>{step.impact.breaking.length > 0 ? t.breakingTitle : t.publishDraft}</h2>
          {step.impact.breaking.length > 0 ? (
            <>
              <p>{t.breakingIntro(step.impact.submissions)}</p>
              <ul className="breaking-list">
                {step.impact.breaking.map((entry) => (
                  <li key={`${entry.path}:${entry.change}`}>
                    <strong>{entry.label}</strong> <code>{entry.path}</code>: {entry.detail} –{' '}
                    {t.affected(entry.submissions)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t.noBreaking}</p>
          )}
          <p className="dialog-actions">
            <button type="button" onClick={() => publish(step.revision)}>
              {t.confirmPublish}
            </button>
            <button type="button" className="secondary" data-initial-focus onClick={close}>
              {t.cancel}
            </button>
          </p>
        </Modal>
      )}
      {step.kind === 'refused' && (
        <Modal titleId={ids.refused} onClose={close}>
          <h2 id={ids.refused}>{t.refusedTitle}</h2>
          <p>{step.outcome.message}</p>
          {Object.entries(step.outcome.missingTranslations)
            .filter(([, texts]) => texts.length > 0)
            .map(([code, texts]) => (
              <section key={code} data-locale={code}>
                <h3>{t.missingIn(name(code), texts.length)}</h3>
                <ul>
                  {texts.map((text) => (
                    <li key={text.key}>
                      {text.text} <code className="muted">{text.key}</code>
                    </li>
                  ))}
                </ul>
                <button type="button" onClick={() => publish(step.revision, [...step.without, code])}>
                  {t.publishWithout(name(code))}
                </button>
              </section>
            ))}
          {step.outcome.issues.length > 0 && (
            <ul>
              {step.outcome.issues.map((issue) => (
                <li key={`${issue.field}:${issue.message}`}>
                  <code>{issue.field}</code> {issue.message}
                </li>
              ))}
            </ul>
          )}
          <p className="dialog-actions">
            <button type="button" className="secondary" data-initial-focus onClick={close}>
              {t.cancel}
            </button>
          </p>
        </Modal>
      )}
    </>
  );
}
