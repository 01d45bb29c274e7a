import { useRef } from 'react';
import { pickUp } from './inbox-api.ts';
import { useInboxText } from './messages.ts';
import { useApplicationChange } from './use-change.ts';

/** A counselling request waiting for its team: the first one to pick it up has it. */
export function PickupPanel({ submissionId, open }: { submissionId: string; open: boolean }) {
  const { t } = useInboxText();
  const change = useApplicationChange(submissionId, () => pickUp(submissionId));
  const status = useRef<HTMLParagraphElement>(null);
  if (!open && change.isIdle) return null;
  return (
    <section aria-labelledby="pickup-title">
      <h2 id="pickup-title">{t.pickUp}</h2>
      {open && (
        <button
          type="button"
          className="primary"
          aria-disabled={change.isPending || undefined}
          onClick={() => change.mutate(undefined, { onSettled: () => status.current?.focus() })}
        >
          {t.pickUp}
        </button>
      )}
      <p ref={status} tabIndex={-1} role="status" className={change.failure ? 'inbox-error' : undefined}>
        {change.isSuccess ? t.pickedUp : (change.failure?.message ?? '')}
      </p>
    </section>
  );
}
