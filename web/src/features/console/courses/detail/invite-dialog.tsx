import { useId, useState } from 'react';
import { SignInRequired } from '../../api.ts';
import { Modal } from '../../users/modal.tsx';
import { type InvitationResult, invite, useCandidates } from '../courses-api.ts';
import { formatTime, useCoursesText } from '../messages.ts';
import { FailureText } from './failure-text.tsx';
import { useCourseChange } from './use-course-change.ts';

interface Props {
  readonly courseId: string;
  readonly formSlug: string;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

/** Approved volunteers of the programme without a course: offer the ticked ones, or one by hand. */
export function InviteDialog({ courseId, formSlug, onClose, onDone }: Props) {
  const { t, locale } = useCoursesText();
  const ids = { title: useId(), text: useId() };
  const candidates = useCandidates(formSlug, true);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const send = useCourseChange((participantIds: string[]) => invite(courseId, participantIds));
  const done = (result: InvitationResult) =>
    onDone(t.invited(result.offered, result.waiting, result.skipped.length));
  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const list = candidates.data ?? [];

  return (
    <Modal titleId={ids.title} describedBy={ids.text} onClose={onClose}>
      <h2 id={ids.title}>{t.inviteTitle}</h2>
      <p id={ids.text}>{t.inviteHint}</p>
      {candidates.isPending && <p role="status">{t.loading}</p>}
      {candidates.isError && !(candidates.error instanceof SignInRequired) && (
        <p role="alert" className="error">
          {t.loadFailed}
        </p>
      )}
      {candidates.isSuccess && list.length === 0 && <p>{t.noCandidates}</p>}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="admin-table">
            <caption>{t.candidatesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t.select('')}</span>
                </th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.enrolmentStatus}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.offerByHand}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((candidate) => (
                <tr key={candidate.participantId}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.select(candidate.name)}
                      checked={selected.has(candidate.participantId)}
                      onChange={(event) => toggle(candidate.participantId, event.target.checked)}
                    />
                  </td>
                  <th scope="row">{candidate.name}</th>
                  <td>
                    {t.candidateStatus[candidate.status] ?? candidate.status}
                    {candidate.approvedAt && (
                      <span className="muted"> · {formatTime(candidate.approvedAt, locale)}</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t.offerTo(candidate.name)}
                      disabled={send.isPending}
                      onClick={() => send.mutate([candidate.participantId], { onSuccess: done })}
                    >
                      {t.offerByHand}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FailureText error={send.error} fallback={t.failed} />
      <div className="dialog-actions">
        {list.length > 0 && (
          <button
            type="button"
            disabled={selected.size === 0 || send.isPending}
            onClick={() => send.mutate([...selected], { onSuccess: done })}
          >
            {t.sendInvitations(selected.size)}
          </button>
        )}
        <button type="button" className="secondary" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}
