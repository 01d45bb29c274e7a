import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatTime } from './format.ts';
import { type Application, type DecisionInput, decide } from './inbox-api.ts';
import { useInboxText } from './messages.ts';
import { useApplicationChange } from './use-change.ts';

type Choice = DecisionInput['decision'];

/**
 * Approve, reject with a reason, or ask a question: the same decision as the e-mail link, first
 * one wins. A second step says what will happen before anything is sent.
 */
export function DecisionPanel({ application }: { application: Application }) {
  const { t, locale } = useInboxText();
  const [choice, setChoice] = useState<Choice>();
  const [input, setInput] = useState<DecisionInput>();
  const [done, setDone] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const outcome = useRef<HTMLParagraphElement>(null);
  const change = useApplicationChange(application.submissionId, (body: DecisionInput) =>
    decide(application.submissionId, body),
  );

  useEffect(() => {
    if (input) confirmHeading.current?.focus();
  }, [input]);

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const decision = data.get('decision') as Choice | null;
    if (!decision) return;
    const comment = String(data.get('comment') ?? '').trim();
    const question = String(data.get('question') ?? '').trim();
    setInput({
      decision,
      ...(decision !== 'question' && comment ? { comment, shareComment: data.get('share') === 'on' } : {}),
      ...(decision === 'question' ? { question } : {}),
    });
  }

  function confirm() {
    if (!input) return;
    change.mutate(input, {
      onSuccess: () => setDone(true),
      onSettled: () => {
        setInput(undefined);
        requestAnimationFrame(() => outcome.current?.focus());
      },
    });
  }

  const approval = application.approval;
  const conflict = change.failure?.status === 409;
  const message = done
    ? t.decided
    : conflict && approval?.decidedBy
      ? t.alreadyDecided(approval.decidedBy, formatTime(approval.decidedAt, locale))
      : change.failure?.message;
  const stillOpen = approval?.status === 'pending' && !done;
  if (!stillOpen && !message) return null;

  return (
    <section aria-labelledby="decide-title" className="decision-panel">
      <h2 id="decide-title">{t.decide}</h2>
      <p ref={outcome} tabIndex={-1} role="status" className={change.failure ? 'inbox-error' : undefined}>
        {message ?? ''}
      </p>
      {stillOpen && (
        <form onSubmit={review} method="post" hidden={input !== undefined}>
          <fieldset className="choices">
            <legend>{t.yourDecision}</legend>
            {(['approve', 'reject', 'question'] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="decision"
                  value={value}
                  required
                  onChange={() => setChoice(value)}
                />
                {value === 'approve' ? t.approve : value === 'reject' ? t.reject : t.ask}
              </label>
            ))}
          </fieldset>
          {choice && choice !== 'question' && (
            <>
              <label htmlFor="decision-comment">{t.reason}</label>
              <p id="decision-comment-hint" className="hint">
                {t.reasonHint}
              </p>
              <textarea
                id="decision-comment"
                name="comment"
                rows={3}
                maxLength={2000}
                aria-describedby="decision-comment-hint"
              />
              <label className="check">
                <input type="checkbox" name="share" />
                {t.shareReason}
              </label>
            </>
          )}
          {choice === 'question' && (
            <>
              <label htmlFor="decision-question">{t.questionText}</label>
              <textarea id="decision-question" name="question" rows={3} maxLength={2000} required />
            </>
          )}
          <button type="submit">{t.decide}</button>
        </form>
      )}
      {input && (
        <div className="confirm">
          <h3 id="confirm-title" ref={confirmHeading} tabIndex={-1}>
            {input.decision === 'approve'
              ? t.willApprove
              : input.decision === 'reject'
                ? t.willReject
                : t.willAsk}
          </h3>
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={confirm}
              aria-disabled={change.isPending || undefined}
            >
              {t.confirm}
            </button>
            <button type="button" className="secondary" onClick={() => setInput(undefined)}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
