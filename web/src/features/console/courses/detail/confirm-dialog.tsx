import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Modal } from '../../users/modal.tsx';
import { useCoursesText } from '../messages.ts';
import { FailureText } from './failure-text.tsx';
import { useCourseChange } from './use-course-change.ts';

interface Props {
  readonly title: string;
  readonly text?: string;
  readonly reasonLabel: string;
  /** Reason needed (revoking); otherwise optional. */
  readonly reasonRequired?: boolean;
  readonly confirm: string;
  /** The safe button's label. @default "Keep it" (not cancelling) */
  readonly keep?: string;
  readonly run: (reason: string) => Promise<unknown>;
  readonly onClose: () => void;
  readonly onDone: () => void;
  readonly children?: ReactNode;
}

/** A risky change with a reason: the safe button has the focus first. */
export function ConfirmDialog({
  title,
  text,
  reasonLabel,
  reasonRequired,
  confirm,
  keep,
  run,
  onClose,
  onDone,
  children,
}: Props) {
  const { t } = useCoursesText();
  const ids = { title: useId(), text: useId(), reason: useId() };
  const [reason, setReason] = useState('');
  const change = useCourseChange(run);

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(reason.trim(), { onSuccess: onDone });
  }

  return (
    <Modal titleId={ids.title} describedBy={text ? ids.text : undefined} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id={ids.title}>{title}</h2>
        {text && <p id={ids.text}>{text}</p>}
        <div className="field">
          <label htmlFor={ids.reason}>{reasonLabel}</label>
          <textarea
            id={ids.reason}
            rows={3}
            value={reason}
            required={reasonRequired}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        {children}
        <FailureText error={change.error} fallback={t.failed} />
        <div className="dialog-actions">
          <button type="submit" className="danger" disabled={change.isPending}>
            {confirm}
          </button>
          <button type="button" className="secondary" onClick={onClose} data-initial-focus>
            {keep ?? t.keep}
          </button>
        </div>
      </form>
    </Modal>
  );
}
