import { useEffect, useSyncExternalStore } from 'react';
import { putAttendance } from '../courses-api.ts';
import { type AttendanceMark, AttendanceQueue } from './attendance-queue.ts';

const sentListeners = new Set<(mark: AttendanceMark) => void>();
const refusedListeners = new Set<(mark: AttendanceMark) => void>();

/** Offline there is no point asking (and no sign-in redirect to start): wait for the 'online' event. */
async function send(mark: AttendanceMark) {
  if (!navigator.onLine) return 'retry' as const;
  const outcome = await putAttendance(mark);
  if (outcome === 'sent') for (const listener of sentListeners) listener(mark);
  return outcome;
}

let queue: AttendanceQueue | undefined;
/** One queue per tab, so two pages never send the same stored marks side by side. */
export function attendanceQueue(): AttendanceQueue {
  queue ??= new AttendanceQueue({
    storage: window.localStorage,
    send,
    baseDelayMs: 1000,
    maxDelayMs: 15_000,
    onRefused: (mark) => {
      for (const listener of refusedListeners) listener(mark);
    },
  });
  return queue;
}

let version = 0;

/**
 * The page's view of the queue: the waiting marks (re-rendered on each change), woken when the page
 * opens and whenever the browser says it is online again. `onSent` lets the page update its copy of
 * the server's marks, so a confirmed tap does not flicker back to the old value.
 */
export function useAttendanceQueue(handlers: {
  onSent: (mark: AttendanceMark) => void;
  onRefused: (mark: AttendanceMark) => void;
}) {
  const current = attendanceQueue();
  useSyncExternalStore(
    (notify) =>
      current.subscribe(() => {
        version += 1;
        notify();
      }),
    () => version,
  );
  const { onSent, onRefused } = handlers;
  useEffect(() => {
    sentListeners.add(onSent);
    refusedListeners.add(onRefused);
    return () => {
      sentListeners.delete(onSent);
      refusedListeners.delete(onRefused);
    };
  }, [onSent, onRefused]);
  useEffect(() => {
    const wake = () => current.wake();
    window.addEventListener('online', wake);
    wake();
    return () => window.removeEventListener('online', wake);
  }, [current]);
  return current;
}
