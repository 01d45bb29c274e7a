import type { Application } from './inbox-api.ts';
import { assign } from './inbox-api.ts';
import { useInboxText } from './messages.ts';
import { useApplicationChange } from './use-change.ts';

interface Props {
  readonly application: Application;
  readonly me: { readonly sub: string; readonly username: string } | undefined;
  readonly canWrite: boolean;
}

/** Who works on it; "assign to me" and "unassign" (no staff list route for coordinators yet). */
export function AssigneePanel({ application, me, canWrite }: Props) {
  const { t } = useInboxText();
  const change = useApplicationChange(application.submissionId, (sub: string | null) =>
    assign(application.submissionId, sub),
  );
  const current = application.assignee;
  const mine = current && current.sub === me?.sub;
  const mySub = me?.sub;
  return (
    <section aria-labelledby="assignee-title">
      <h2 id="assignee-title">{t.assignment}</h2>
      <p aria-live="polite">{current ? t.assignedTo(current.username) : t.notAssigned}</p>
      {canWrite && (
        <div className="actions">
          {!mine && mySub && (
            <button
              type="button"
              onClick={() => change.mutate(mySub)}
              aria-disabled={change.isPending || undefined}
            >
              {t.assignMe}
            </button>
          )}
          {current && (
            <button
              type="button"
              onClick={() => change.mutate(null)}
              aria-disabled={change.isPending || undefined}
            >
              {t.unassign}
            </button>
          )}
        </div>
      )}
      {change.failure && (
        <p className="inbox-error" role="alert">
          {change.failure.message}
        </p>
      )}
    </section>
  );
}
