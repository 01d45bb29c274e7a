import type { Messages } from '../messages.ts';
import { CONSENT_ID } from '../utils/field-id.ts';
import { ErrorText, RequiredText } from './renderers/field-parts.tsx';

interface Props {
  readonly text: string;
  readonly privacyUrl?: string;
  readonly checked: boolean;
  readonly showError: boolean;
  readonly messages: Messages;
  readonly onChange: (checked: boolean) => void;
}

/** The consent the submission records (its version goes with it), with the privacy notice linked. */
export function ConsentField({ text, privacyUrl, checked, showError, messages, onChange }: Props) {
  const errorId = `${CONSENT_ID}-error`;
  return (
    <fieldset className={showError ? 'field consent field--invalid' : 'field consent'}>
      <legend>{messages.consentTitle}</legend>
      {privacyUrl && (
        <p>
          <a href={privacyUrl} target="_blank" rel="noopener noreferrer">
            {messages.privacyLink} <span className="hint-inline">{messages.newTab}</span>
          </a>
        </p>
      )}
      {showError && <ErrorText id={errorId} text={messages.consentRequired} />}
      <div className="choice">
        <input
          id={CONSENT_ID}
          type="checkbox"
          name="consent"
          checked={checked}
          required
          aria-invalid={showError || undefined}
          aria-describedby={showError ? errorId : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={CONSENT_ID}>
          {text}
          <RequiredText text={messages.required} />
        </label>
      </div>
    </fieldset>
  );
}
