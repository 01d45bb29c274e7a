import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type EnrolmentView, enrolmentsKey, reorderWaiting } from '../courses-api.ts';
import { useCoursesText } from '../messages.ts';
import { FailureText } from './failure-text.tsx';
import { useCourseChange } from './use-course-change.ts';

interface Props {
  readonly courseId: string;
  readonly waiting: readonly EnrolmentView[];
  readonly canChange: boolean;
}

/**
 * The waiting list in order; up/down buttons (not drag and drop, so keyboards and switch users can
 * do it) save the new order at once. The moved person's button keeps the focus.
 */
export function WaitingList({ courseId, waiting, canChange }: Props) {
  const { t } = useCoursesText();
  const ordered = [...waiting].sort((a, b) => (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0));
  const [optimistic, setOptimistic] = useState<string[] | undefined>();
  const client = useQueryClient();
  const save = useCourseChange((ids: string[]) => reorderWaiting(courseId, ids));
  const byId = new Map(ordered.map((e) => [e.participantId, e]));
  const ids = (optimistic ?? ordered.map((e) => e.participantId)).filter((id) => byId.has(id));

  function move(index: number, by: -1 | 1, direction: 'up' | 'down') {
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + by, 0, moved);
    setOptimistic(next);
    // The answer is the list as saved: shown at once, so the order never jumps back while reloading.
    save.mutate(next, {
      onSuccess: (saved) => client.setQueryData(enrolmentsKey(courseId), saved.enrolments),
      onSettled: () => setOptimistic(undefined),
    });
    requestAnimationFrame(() => {
      const target =
        document.getElementById(`wait-${direction}-${moved}`) ??
        document.getElementById(`wait-${direction === 'up' ? 'down' : 'up'}-${moved}`);
      target?.focus();
    });
  }

  return (
    <section aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t.waitingList}</h2>
      {ids.length === 0 ? (
        <p>{t.waitingEmpty}</p>
      ) : (
        <ol className="waiting-list">
          {ids.map((id, index) => {
            const name = byId.get(id)?.name ?? id;
            return (
              <li key={id}>
                <span>{name}</span>
                {canChange && (
                  <span className="row-actions">
                    {index > 0 && (
                      <button
                        type="button"
                        id={`wait-up-${id}`}
                        aria-label={t.moveUp(name)}
                        onClick={() => move(index, -1, 'up')}
                      >
                        ↑
                      </button>
                    )}
                    {index < ids.length - 1 && (
                      <button
                        type="button"
                        id={`wait-down-${id}`}
                        aria-label={t.moveDown(name)}
                        onClick={() => move(index, 1, 'down')}
                      >
                        ↓
                      </button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <p role="status">{save.isSuccess && !optimistic ? t.waitingSaved : ''}</p>
      <FailureText error={save.error} fallback={t.failed} />
    </section>
  );
}
