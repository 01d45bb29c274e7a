import type { SubmitOutcome } from '../api/create-submission.ts';
import type { Messages } from '../messages.ts';

type Problem = Exclude<SubmitOutcome, { kind: 'accepted' }>;

/** The server words refusals in the visitor's language (which change, which limit); ours cover the rest. */
function text(outcome: Problem, messages: Messages): string {
  switch (outcome.kind) {
    case 'outdated':
      return outcome.message ?? messages.outdated;
    case 'too-large':
      return outcome.message ?? messages.tooLarge;
    case 'rate-limited':
      return outcome.message ?? messages.rateLimited;
    case 'invalid':
      return outcome.message ?? messages.invalid;
    default:
      if (outcome.status === undefined) return messages.networkError;
      return outcome.status < 500 && outcome.message ? outcome.message : messages.serverError;
  }
}

/**
 * Why sending did not work, in the visitor's language, with the reference for whoever helps them.
 * Their answers stay on the page and in the draft; sending again uses the same submission id.
 */
export function SubmitNotice({
  outcome,
  messages,
  onReload,
}: {
  outcome: Problem;
  messages: Messages;
  onReload: () => void;
}) {
  return (
    <div className="notice" role="alert">
      <p>{text(outcome, messages)}</p>
      {outcome.correlationId && (
        <p className="hint">
          {messages.reference}: <span dir="ltr">{outcome.correlationId}</span>
        </p>
      )}
      {outcome.kind === 'outdated' && (
        <button type="button" className="secondary" onClick={onReload}>
          {messages.reloadForm}
        </button>
      )}
    </div>
  );
}
