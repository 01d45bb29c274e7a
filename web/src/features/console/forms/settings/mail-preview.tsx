import { useMemo, useState } from 'react';
import type { MailPreview, MailPreviewRequest } from '#shared/contracts/mail-preview.ts';
import { apiJson } from '../../api.ts';
import { detachStyles } from './mail-styles.ts';
import type { FormSettingsMessages } from './settings-messages.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'done'; mail: MailPreview };

/**
 * The confirmation mail rendered by the server's own mail code for sample values, in a sandboxed
 * frame (no scripts, no navigation), so what the admin sees is what the submitter gets. The frame
 * shares the console's origin (`allow-same-origin`, still without `allow-scripts`) only so that the
 * console can give it the mail's inline styles through the CSSOM (mail-styles.ts).
 */
export function MailPreviewPanel({
  request,
  language,
  t,
}: {
  request: MailPreviewRequest;
  language: string;
  t: FormSettingsMessages;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const html = state.kind === 'done' ? state.mail.html : undefined;
  const detached = useMemo(() => (html === undefined ? undefined : detachStyles(html)), [html]);
  const render = async () => {
    setState({ kind: 'loading' });
    try {
      const mail = await apiJson<MailPreview>('/admin/forms/preview-mail', {
        method: 'POST',
        body: JSON.stringify(request),
      });
      setState({ kind: 'done', mail });
    } catch {
      setState({ kind: 'failed' });
    }
  };
  return (
    <div className="mail-preview">
      <button type="button" className="secondary" onClick={render} disabled={state.kind === 'loading'}>
        {t.preview} ({language})
      </button>
      <div aria-live="polite">
        {state.kind === 'loading' && <p className="muted">{t.previewing}</p>}
        {state.kind === 'failed' && <p className="error">{t.previewFailed}</p>}
      </div>
      {state.kind === 'done' && (
        <>
          <p>
            {t.previewSubject}: <strong data-testid="mail-preview-subject">{state.mail.subject}</strong>
          </p>
          <iframe
            title={t.previewFrame(language)}
            sandbox="allow-same-origin"
            srcDoc={detached?.markup}
            onLoad={(event) => {
              const document = event.currentTarget.contentDocument;
              if (document && detached) detached.apply(document);
            }}
            className="mail-preview-frame"
            style={{ width: '100%', minHeight: '24rem', border: '1px solid #ccc' }}
          />
        </>
      )}
    </div>
  );
}
