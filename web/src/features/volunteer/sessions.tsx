import type { Locale, PublicMessages } from './messages.ts';
import { formatDay } from './public-shell.tsx';

export interface SessionItem {
  readonly sessionId: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly hours: number;
  readonly cancelled: boolean;
  readonly present?: boolean;
}

/** A course's sessions: day, time, hours; a cancelled one struck through and named so. */
export function SessionList(props: { sessions: readonly SessionItem[]; locale: Locale; t: PublicMessages }) {
  const { t, locale } = props;
  return (
    <ul className="vp-sessions">
      {props.sessions.map((s) => (
        <li key={s.sessionId}>
          <span className={s.cancelled ? 'vp-cancelled' : undefined}>
            {/* Each part isolated, so a right-to-left page keeps clock times and numbers in order. */}
            <bdi>{formatDay(s.date, locale)}</bdi> · <bdi dir="ltr">{`${s.start}–${s.end}`}</bdi> ·{' '}
            <bdi>{t.hours(s.hours)}</bdi>
          </span>
          {s.cancelled && <strong> · {t.sessionCancelled}</strong>}
          {s.present !== undefined && <span className="vp-muted"> · {s.present ? t.present : t.absent}</span>}
        </li>
      ))}
    </ul>
  );
}
