import type { PublishedForm } from './api/types.ts';
import { FormErrorBoundary } from './components/form-error-boundary.tsx';
import { FormView } from './components/form-view.tsx';
import { useMessages } from './hooks/use-messages.ts';
import { messagesFor } from './messages.ts';
import { directionOf } from './utils/choose-locale.ts';
import { loadBrowserAjv, useValidator } from './validation/use-validator.ts';
import './public-form.css';

interface Props {
  readonly form: PublishedForm;
  readonly organisationName?: string;
  /** The organisation's privacy page, linked when the form has none (as on the public page). */
  readonly privacyUrl?: string;
  /** Answers to start with, such as a template's sample data. */
  readonly data?: Record<string, unknown>;
}

const noop = () => undefined;

/**
 * The console editor's live preview: exactly the public page's form (renderers, translator,
 * validation, stepper, consent) in the form's language and direction, but sending only checks the
 * answers and says so. No draft is stored. Import it lazily from the console: it brings JSON Forms.
 */
export function FormPreview({ form, organisationName, privacyUrl, data }: Props) {
  const messages = useMessages(form.locale) ?? messagesFor(form.locale);
  // A draft has no published version to precompile: the console compiles it in the browser.
  const { ajv } = useValidator('browser', loadBrowserAjv);
  return (
    <div className="public-form" lang={form.locale} dir={form.direction ?? directionOf(form.locale)}>
      <p className="organisation">{organisationName ?? form.organisation.name}</p>
      <div className="public-form-main">
        <h1>{form.title}</h1>
        {form.description && <p className="lead">{form.description}</p>}
        <p className="hint">{messages.requiredNote}</p>
        {!ajv && <p role="status">{messages.loading}</p>}
        <FormErrorBoundary messages={messages}>
          {ajv && (
            <FormView
              validator={ajv}
              form={form}
              messages={messages}
              onReload={noop}
              onSubmitted={noop}
              privacyUrl={privacyUrl}
              initialData={data}
              preview
            />
          )}
        </FormErrorBoundary>
      </div>
    </div>
  );
}
