import { formatTime } from './format.ts';
import type { TimelineEvent } from './inbox-api.ts';
import { useInboxText } from './messages.ts';
import { ScrollRegion } from './scroll-region.tsx';

/** Each step, when and by whom; notes and assignments included (staff only). */
export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t, locale } = useInboxText();
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t.timeline}</h2>
      <ScrollRegion labelledBy="timeline-caption">
        <table className="inbox-table">
          <caption id="timeline-caption">{t.timelineCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.what}</th>
              <th scope="col">{t.who}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={`${event.at}-${event.action}-${event.actor}`}>
                <td>{formatTime(event.at, locale)}</td>
                <td>
                  {t.action[event.action] ?? event.action}
                  {event.detail?.to ? `: ${event.detail.to}` : ''}
                </td>
                <td>{event.actor === 'applicant' ? t.applicantActor : event.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
