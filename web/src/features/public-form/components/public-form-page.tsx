import { type CSSProperties, lazy, Suspense, useState } from 'react';
import type { SubmissionReceipt } from '../api/types.ts';
import { useDocumentLanguage } from '../hooks/use-document-language.ts';
import { useMessages } from '../hooks/use-messages.ts';
import { useOrganisation } from '../hooks/use-organisation.ts';
import { usePublishedForm } from '../hooks/use-published-form.ts';
import { messagesFor } from '../messages.ts';
import { directionOf } from '../utils/choose-locale.ts';
import { FormErrorBoundary } from './form-error-boundary.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { OrganisationFooter } from './organisation-footer.tsx';
import { ReceiptView } from './receipt-view.tsx';
import { ValidatedForm } from './validated-form.tsx';
import '../public-form.css';

// Shown only while a form is not open (its texts in seven languages): not on every first load.
const AvailabilityNotice = lazy(() =>
  import('./availability-notice.tsx').then((module) => ({ default: module.AvailabilityNotice })),
);

// For the console's read-only view of an application and the editor's preview, which import them
// from here so that the bundler keeps one chunk for both (a shared chunk would be one more file on
// this page).
export { JsonForms } from '@jsonforms/react';
export { messagesFor } from '../messages.ts';
export { FormPreview } from '../preview.tsx';
export { NO_ERRORS_SHOWN } from '../utils/error-visibility.ts';
export { createTranslator } from '../utils/translate.ts';
export { loadBrowserAjv, useValidator } from '../validation/use-validator.ts';
export { FormUiContext } from './form-ui-context.tsx';
export { publicFormRenderers } from './renderers/index.ts';

/** `/f/{slug}`: a published form in the visitor's language, from first field to receipt. */
export function PublicFormPage({ slug }: { slug: string }) {
  const { form, status, locale, switchLocale, reload } = usePublishedForm(slug);
  const [receipt, setReceipt] = useState<SubmissionReceipt>();
  const loaded = useMessages(locale);
  const messages = loaded ?? messagesFor(locale);
  const organisation = useOrganisation();
  useDocumentLanguage(
    locale,
    form?.direction ?? directionOf(locale),
    form ? `${form.title} – ${form.organisation.name}` : undefined,
  );

  if (!form || !loaded) {
    return (
      <main className="public-form public-form-main">
        {status === 'loading' || (form && !loaded) ? (
          <p role="status">{messages.loading}</p>
        ) : (
          <>
            <h1>Lotse</h1>
            <p role="alert">{status === 'not-found' ? messages.notFound : messages.loadFailed}</p>
            {status === 'failed' && (
              <button type="button" className="primary" onClick={reload}>
                {messages.retry}
              </button>
            )}
          </>
        )}
      </main>
    );
  }

  return (
    <div
      className="public-form"
      style={
        organisation?.primaryColour
          ? ({ '--lotse-primary': organisation.primaryColour } as CSSProperties)
          : undefined
      }
    >
      <header className="public-form-header">
        <p className="organisation">
          {organisation?.logo && (
            <img
              src={organisation.logo.url}
              alt=""
              width={organisation.logo.width}
              height={organisation.logo.height}
            />
          )}
          {organisation?.name ?? form.organisation.name}
        </p>
        <LanguageSwitcher
          locales={form.locales}
          current={form.locale}
          messages={messages}
          onSwitch={switchLocale}
        />
      </header>
      <main className="public-form-main" aria-busy={status === 'loading' || undefined}>
        <h1>{form.title}</h1>
        {form.description && <p className="lead">{form.description}</p>}
        {receipt ? (
          <ReceiptView receipt={receipt} messages={messages} page={form.confirmationPage} />
        ) : form.availability && form.availability.state !== 'open' ? (
          <Suspense fallback={<p role="status">{messages.loading}</p>}>
            <AvailabilityNotice availability={form.availability} locale={form.locale} />
          </Suspense>
        ) : (
          <>
            <p className="hint">{messages.requiredNote}</p>
            <FormErrorBoundary messages={messages}>
              <ValidatedForm
                form={form}
                messages={messages}
                onReload={reload}
                onSubmitted={setReceipt}
                privacyUrl={organisation?.privacyUrl}
              />
            </FormErrorBoundary>
          </>
        )}
      </main>
      <OrganisationFooter organisation={organisation} locale={form.locale} />
    </div>
  );
}
