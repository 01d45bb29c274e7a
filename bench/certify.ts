import type { LocalRuntime } from '../infra/local/runtime.ts';
import { withTimeout } from './cleanup.ts';
import { fmt, heading, median } from './stats.ts';

interface StoredMail {
  readonly messageId: string;
  readonly destination: { to: string[] };
  readonly attachments?: { contentType: string }[];
}

export interface CertifyOptions {
  readonly participants: number;
  readonly budgetMs: number;
}

/**
 * Benchmark 7: certifying a course end to end on the local runtime, as a coordinator does it: a
 * course of `participants` enrolled by hand through the console API, everyone marked present at both
 * sessions, then the last session's attendance completed. Measured from that request until every
 * participant's certificate e-mail (PDF attached, credential signed) is in the mailbox: the
 * certification workflow, 30 PDFs, 30 signatures and 30 mails.
 */
export async function benchCertify(runtime: LocalRuntime, options: CertifyOptions): Promise<void> {
  heading(
    `7. Certifying a course of ${options.participants}, end to end (last session completed → every certificate mailed)`,
  );
  const token = runtime.auth.issueFor('bench-admin', ['admin']).AccessToken;
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${runtime.urls.api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const course = await api('POST', '/admin/courses', {
    formSlug: 'integrationslotsen-registrierung',
    title: { de: 'Bench-Kurs', en: 'Bench course' },
    teachingLanguage: 'de',
    place: 'Rathaus',
    sessions: [
      { date: day(5), start: '18:00', end: '21:00' },
      { date: day(6), start: '18:00', end: '21:00' },
    ],
    capacity: options.participants,
    coordinator: 'bench-coordinator@example.org',
  });
  const courseId = course.courseId as string;
  const people: { participantId: string; email: string }[] = [];
  for (let i = 0; i < options.participants; i++) {
    const email = `bench-${i}-${courseId.slice(0, 8)}@example.org`;
    const enrolment = await api('POST', `/admin/courses/${courseId}/enrolments`, {
      firstName: `Person${i}`,
      lastName: 'Bench',
      email,
      locale: ['de', 'en', 'ar', 'uk', 'fa', 'tr', 'ru'][i % 7],
    });
    people.push({ participantId: enrolment.participantId as string, email });
  }
  const [first, second] = course.sessions as { sessionId: string }[];
  for (const session of [first, second]) {
    for (const person of people) {
      await api(
        'PUT',
        `/admin/courses/${courseId}/sessions/${session?.sessionId}/attendance/${person.participantId}`,
        { present: true },
      );
    }
  }
  await api('POST', `/admin/courses/${courseId}/sessions/${first?.sessionId}/complete`);

  const started = Date.now();
  await api('POST', `/admin/courses/${courseId}/sessions/${second?.sessionId}/complete`);
  const addresses = new Set(people.map((p) => p.email));
  const certificateMails = async () => {
    const response = await fetch(`${runtime.urls.ses}/store`);
    const { emails } = (await response.json()) as { emails: StoredMail[] };
    return emails.filter(
      (m) =>
        m.destination.to.some((to) => addresses.has(to)) &&
        (m.attachments ?? []).some((a) => a.contentType === 'application/pdf'),
    );
  };
  // The local mailbox stamps mails to the second, so arrival is when this loop first sees a mail.
  const seen = new Map<string, number>();
  await withTimeout(
    (async () => {
      for (;;) {
        for (const mail of await certificateMails())
          if (!seen.has(mail.messageId)) seen.set(mail.messageId, Date.now() - started);
        if (seen.size >= people.length) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })(),
    options.budgetMs,
    `${options.participants} certificate mails`,
  );
  const total = Date.now() - started;
  const arrivals = [...seen.values()].sort((a, b) => a - b);
  console.log(`participants                          ${options.participants}`);
  console.log(`end to end (all certificates mailed)   ${fmt(total / 1000, 1)} s`);
  console.log(`first certificate mailed after         ${fmt((arrivals[0] ?? Number.NaN) / 1000, 1)} s`);
  console.log(`median certificate mailed after        ${fmt(median(arrivals) / 1000, 1)} s`);
  console.log(`per certificate (total ÷ n)            ${fmt(total / options.participants, 0)} ms`);
}
