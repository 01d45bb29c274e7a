import {
  type JsonFormsCore,
  type JsonSchema,
  type Middleware,
  type UISchemaElement,
  UPDATE_CORE,
} from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import type { Ajv, ErrorObject } from 'ajv';
import { type FormEvent, useCallback, useMemo, useRef, useState } from 'react';
import { createSubmission, type SubmitOutcome } from '../api/create-submission.ts';
import type { PublishedForm, SubmissionReceipt } from '../api/types.ts';
import { useDraft, useSaveWhenHidden } from '../hooks/use-draft.ts';
import { usePendingChanges } from '../hooks/use-pending-changes.ts';
import type { Messages } from '../messages.ts';
import { createErrorVisibility } from '../utils/error-visibility.ts';
import { CONSENT_ID } from '../utils/field-id.ts';
import { withoutHiddenAnswers } from '../utils/prune-hidden.ts';
import { isConsentIssue, splitIssues } from '../utils/server-issues.ts';
import { hasAnswers, withStartingEntries } from '../utils/starting-data.ts';
import { createErrorTranslator, createTranslator } from '../utils/translate.ts';
import { issuesAsErrors, openIssues, type ServerIssue, summarise } from '../utils/visible-errors.ts';
import { ConsentField } from './consent-field.tsx';
import { ErrorSummary, inPageOrder, type LinkedEntry, linkToFields } from './error-summary.tsx';
import { FormUiContext } from './form-ui-context.tsx';
import { HoneypotField } from './honeypot-field.tsx';
import { PreviewNote } from './preview-note.tsx';
import { publicFormRenderers } from './renderers/index.ts';
import { SubmitNotice } from './submit-notice.tsx';

type Data = Record<string, unknown>;
type Problem = Exclude<SubmitOutcome, { kind: 'accepted' }>;

interface Props {
  readonly form: PublishedForm;
  readonly messages: Messages;
  /** What JSON Forms validates and evaluates rules with: the server-compiled validators on the page. */
  readonly validator: Ajv;
  readonly onReload: () => void;
  readonly onSubmitted: (receipt: SubmissionReceipt) => void;
  /** The organisation's privacy page, linked when the form has none of its own. */
  readonly privacyUrl?: string | undefined;
  /** The editor's preview: everything as on the page, but a valid submit sends nothing and no draft is kept. */
  readonly preview?: boolean;
  /** Answers to start from when there is no draft (the preview's sample data). */
  readonly initialData?: Record<string, unknown> | undefined;
}

/** A form without a UI schema gets the one JSON Forms generates, as in any JSON Forms host. */
const uischemaOf = (form: PublishedForm) =>
  Object.keys(form.uischema).length > 0 ? (form.uischema as unknown as UISchemaElement) : undefined;

const sameIssues = (a: readonly ServerIssue[], b: readonly ServerIssue[]) =>
  a.length === b.length && a.every((issue, i) => issue === b[i]);

/** The form itself: JSON Forms with our renderers, consent, honeypot, error summary and sending. */
export function FormView(props: Props) {
  const { form, messages, validator, onReload, onSubmitted, privacyUrl, preview = false } = props;
  const draft = useDraft(form.slug, form.version, !preview);
  const [startingData] = useState<Data>(() =>
    withStartingEntries(form.schema as JsonSchema, draft.restored?.data ?? props.initialData ?? {}),
  );
  const [consent, setConsent] = useState(() => draft.restored?.consent ?? false);
  const [errorsShown] = useState(createErrorVisibility);
  const pending = usePendingChanges();
  const [submitted, setSubmitted] = useState(false);
  const [summary, setSummary] = useState<{ entries: LinkedEntry[]; attempt: number }>();
  const [serverIssues, setServerIssues] = useState<readonly ServerIssue[]>([]);
  // Only the server issues still open (the field unchanged) are shown: state that changes when one
  // closes, not with every answer, so an answer does not hand JSON Forms new additionalErrors.
  const [openServerIssues, setOpenServerIssues] = useState<readonly ServerIssue[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const [atLastStep, setAtLastStep] = useState(true);
  const [previewChecked, setPreviewChecked] = useState(0);
  const honeypot = useRef<HTMLInputElement>(null);
  const hadDraft = useRef(hasAnswers(draft.restored?.data)).current;
  // Once sent, a late change report must not write the cleared draft back.
  const sent = useRef(false);

  // JSON Forms owns the answers once it has them. It re-applies its `data` prop whenever other
  // props change (language, server issues), and any copy handed back from here would be a render
  // behind the newest keystroke; so the prop stays the starting data and the middleware keeps
  // JSON Forms' own data on every UPDATE_CORE. It also notes the latest data and errors at once
  // (onChange reports them 10 ms late), so a quick submit sends exactly what is on the screen.
  const latest = useRef<{ data: Data; errors: ErrorObject[] }>({ data: startingData, errors: [] });
  const middleware = useCallback<Middleware>((state, action, reducer) => {
    const next: JsonFormsCore = reducer(
      state,
      action.type === UPDATE_CORE && state.data !== undefined ? { ...action, data: state.data } : action,
    );
    latest.current = { data: (next.data ?? {}) as Data, errors: next.errors ?? [] };
    return next;
  }, []);

  const translate = useMemo(() => createTranslator(form.translations), [form.translations]);
  const translateError = useMemo(() => createErrorTranslator(messages), [messages]);
  const i18n = useMemo(
    () => ({ locale: form.locale, translate, translateError }),
    [form.locale, translate, translateError],
  );
  const additionalErrors = useMemo(() => issuesAsErrors(openServerIssues), [openServerIssues]);
  const ui = useMemo(
    () => ({
      messages,
      errorsShown,
      markTouched: (path: string) => errorsShown.touch([path]),
      reveal: errorsShown.touch,
      setAtLastStep,
      pending,
    }),
    [messages, errorsShown, pending],
  );

  const onChange = useCallback(
    ({ data: next }: Pick<JsonFormsCore, 'data'>) => {
      if (serverIssues.length > 0) {
        const open = openIssues(serverIssues, next);
        setOpenServerIssues((before) => (sameIssues(before, open) ? before : open));
      }
      if (!sent.current) draft.save(next as Data, consent);
    },
    [draft.save, consent, serverIssues],
  );
  useSaveWhenHidden(() => {
    pending.settle();
    if (!sent.current) draft.save(latest.current.data, consent);
  });

  const changeConsent = (checked: boolean) => {
    setConsent(checked);
    draft.save(latest.current.data, checked);
  };

  function problems(current: Data, errors: ErrorObject[]): LinkedEntry[] {
    const all = [...errors, ...issuesAsErrors(openIssues(serverIssues, current))];
    const context = { rootSchema: form.schema as JsonSchema, translate, translateError, messages };
    const entries = linkToFields(summarise(all, context));
    if (!consent)
      entries.push({ label: messages.consentTitle, message: messages.consentRequired, target: CONSENT_ID });
    return inPageOrder(entries);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Enter in a field of an earlier step must not send: a stepper moves on with "Next" only.
    if (sending || !atLastStep) return;
    pending.settle();
    // What rules hide is not sent, and cannot block sending.
    const { data: current, errors } = withoutHiddenAnswers(
      form.uischema as never,
      form.schema,
      latest.current.data,
      validator,
    );
    setSubmitted(true);
    errorsShown.submit();
    setProblem(undefined);
    const entries = problems(current, errors);
    if (entries.length > 0) return setSummary({ entries, attempt: (summary?.attempt ?? 0) + 1 });
    setSummary(undefined);
    if (preview) return setPreviewChecked((n) => n + 1);
    setSending(true);
    const outcome = await createSubmission(form.slug, {
      submissionId: draft.submissionId(),
      formVersion: form.version,
      locale: form.locale,
      data: current,
      consent: { version: form.consent.version, accepted: true },
      website: honeypot.current?.value ?? '',
    });
    setSending(false);
    if (outcome.kind === 'accepted') {
      sent.current = true;
      draft.clear();
      return onSubmitted(outcome.receipt);
    }
    if (outcome.kind === 'invalid' && outcome.issues.length > 0) return showServerIssues(outcome, current);
    if (outcome.kind === 'outdated') {
      draft.renewId();
      draft.save(current, consent);
    }
    setProblem(outcome);
  }

  function showServerIssues(outcome: Extract<Problem, { kind: 'invalid' }>, current: Data) {
    const { fields, others } = splitIssues(outcome.issues, current);
    setServerIssues(fields);
    setOpenServerIssues(fields);
    const context = { rootSchema: form.schema as JsonSchema, translate, translateError, messages };
    const entries: LinkedEntry[] = [
      ...linkToFields(summarise(issuesAsErrors(fields), context)),
      ...others.map((issue) => ({
        label: isConsentIssue(issue) ? messages.consentTitle : issue.field,
        message: issue.message,
        target: isConsentIssue(issue) ? CONSENT_ID : undefined,
      })),
    ];
    setSummary({ entries: inPageOrder(entries), attempt: (summary?.attempt ?? 0) + 1 });
  }

  return (
    <FormUiContext.Provider value={ui}>
      {hadDraft && !submitted && (
        <p className="notice notice--info" role="status">
          {messages.draftRestored}
        </p>
      )}
      {summary && <ErrorSummary entries={summary.entries} messages={messages} attempt={summary.attempt} />}
      {/* method=post: should the handler ever be missing, answers must not land in the address. */}
      <form className="public-form-fields" method="post" noValidate onSubmit={submit}>
        <JsonForms
          schema={form.schema as JsonSchema}
          uischema={uischemaOf(form)}
          data={startingData}
          renderers={publicFormRenderers}
          ajv={validator}
          i18n={i18n}
          validationMode="ValidateAndShow"
          additionalErrors={additionalErrors}
          middleware={middleware}
          onChange={onChange}
        />
        {atLastStep && (
          <ConsentField
            text={form.consent.text ?? messages.consentText}
            privacyUrl={form.consent.privacyUrl ?? privacyUrl}
            checked={consent}
            showError={submitted && !consent}
            messages={messages}
            onChange={changeConsent}
          />
        )}
        <HoneypotField label={messages.honeypot} inputRef={honeypot} />
        {problem && <SubmitNotice outcome={problem} messages={messages} onReload={onReload} />}
        <p className="visually-hidden" role="status">
          {sending ? messages.sending : ''}
        </p>
        {preview && <PreviewNote messages={messages} checked={previewChecked} />}
        {atLastStep && (
          <button type="submit" className="primary" aria-disabled={sending || undefined}>
            {sending ? messages.sending : messages.submit}
          </button>
        )}
      </form>
    </FormUiContext.Provider>
  );
}
