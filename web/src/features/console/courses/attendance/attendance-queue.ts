/**
 * Attendance taps waiting for the network. A coordinator in a basement classroom taps a name, the
 * phone has no signal: the tap must not be lost. Every tap is written to storage at once (it
 * survives a reload or a closed tab), then sent in order with backoff until the API has it. The
 * PUT is idempotent, so sending a mark again after an unclear failure is safe.
 *
 * One entry per (course, session, participant): a newer tap replaces the older one, so the last tap
 * wins even when the older one is still in flight (it is sent first, the newer one after it).
 */

export interface AttendanceMark {
  readonly courseId: string;
  readonly sessionId: string;
  readonly participantId: string;
  readonly present: boolean;
}

interface QueuedMark extends AttendanceMark {
  /** Grows with every tap; an entry is removed after sending only if no newer tap replaced it. */
  readonly seq: number;
}

/** What `send` reports: sent, worth retrying (offline, 5xx, 429), or refused for good (403, 404, 400). */
export type SendOutcome = 'sent' | 'retry' | 'refused';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface QueueOptions {
  readonly storage: KeyValueStore;
  readonly send: (mark: AttendanceMark) => Promise<SendOutcome>;
  readonly key?: string;
  /** First retry after this, doubling up to `maxDelayMs`. @default 1000 */
  readonly baseDelayMs?: number;
  /** @default 30000 */
  readonly maxDelayMs?: number;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  /** A mark the API refused for good (the participant left the course, the role changed). */
  readonly onRefused?: (mark: AttendanceMark) => void;
}

export const QUEUE_KEY = 'lotse:attendance-queue';

const sameSlot = (a: AttendanceMark, b: AttendanceMark) =>
  a.courseId === b.courseId && a.sessionId === b.sessionId && a.participantId === b.participantId;

export class AttendanceQueue {
  private readonly key: string;
  private readonly listeners = new Set<() => void>();
  private sending = false;
  private attempts = 0;
  private timer: unknown;

  constructor(private readonly options: QueueOptions) {
    this.key = options.key ?? QUEUE_KEY;
  }

  /** The marks not yet confirmed by the API, oldest first. */
  pending(): AttendanceMark[] {
    return this.read().map(({ seq: _seq, ...mark }) => mark);
  }

  /** The mark a slot will have once everything is sent, if a tap for it is waiting. */
  pendingFor(slot: Omit<AttendanceMark, 'present'>): boolean | undefined {
    return this.read().find((entry) => sameSlot(entry, { ...slot, present: false }))?.present;
  }

  /** Stores the tap before anything else, then tries to send. */
  enqueue(mark: AttendanceMark): void {
    const entries = this.read();
    const seq = entries.reduce((max, entry) => Math.max(max, entry.seq), this.storedSeq()) + 1;
    const kept = entries.filter((entry) => !sameSlot(entry, mark));
    this.write([...kept, { ...mark, seq }], seq);
    this.notify();
    void this.flush();
  }

  /** The connection is back (or the page opened): send now instead of waiting out the backoff. */
  wake(): void {
    this.attempts = 0;
    this.cancelTimer();
    void this.flush();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the retry timer (the page is left); the stored marks stay for the next visit. */
  stop(): void {
    this.cancelTimer();
  }

  /** Sends the waiting marks one by one, oldest first; stops at the first that must wait. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (let next = this.read()[0]; next; next = this.read()[0]) {
        const outcome = await this.trySend(next);
        if (outcome === 'retry') {
          this.scheduleRetry();
          return;
        }
        this.attempts = 0;
        this.remove(next);
        if (outcome === 'refused') this.options.onRefused?.(withoutSeq(next));
      }
    } finally {
      this.sending = false;
    }
  }

  private async trySend(entry: QueuedMark): Promise<SendOutcome> {
    try {
      return await this.options.send(withoutSeq(entry));
    } catch {
      return 'retry';
    }
  }

  /** Removes the sent entry unless a newer tap replaced it while it was on its way. */
  private remove(sent: QueuedMark): void {
    this.write(
      this.read().filter((entry) => entry.seq !== sent.seq),
      this.storedSeq(),
    );
    this.notify();
  }

  private scheduleRetry(): void {
    const base = this.options.baseDelayMs ?? 1000;
    const delay = Math.min(this.options.maxDelayMs ?? 30_000, base * 2 ** this.attempts);
    this.attempts += 1;
    this.cancelTimer();
    const setTimer = this.options.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.timer = setTimer(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    const clearTimer = this.options.clearTimer ?? ((timer) => clearTimeout(timer as number));
    clearTimer(this.timer);
    this.timer = undefined;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private read(): QueuedMark[] {
    return parse(this.options.storage.getItem(this.key)).entries;
  }

  /** The highest seq ever given out, kept so a reload never reuses one that is still in flight. */
  private storedSeq(): number {
    return parse(this.options.storage.getItem(this.key)).seq;
  }

  private write(entries: QueuedMark[], seq: number): void {
    this.options.storage.setItem(this.key, JSON.stringify({ seq, entries }));
  }
}

const withoutSeq = ({ seq: _seq, ...mark }: QueuedMark): AttendanceMark => mark;

function parse(text: string | null): { seq: number; entries: QueuedMark[] } {
  if (!text) return { seq: 0, entries: [] };
  try {
    const value = JSON.parse(text) as { seq?: unknown; entries?: unknown };
    const entries = Array.isArray(value.entries) ? value.entries.filter(isQueuedMark) : [];
    return { seq: typeof value.seq === 'number' ? value.seq : 0, entries };
  } catch {
    // A damaged entry (another app on the origin, a manual edit) must not break the page.
    return { seq: 0, entries: [] };
  }
}

function isQueuedMark(value: unknown): value is QueuedMark {
  const entry = value as Partial<QueuedMark> | null;
  return (
    typeof entry?.courseId === 'string' &&
    typeof entry.sessionId === 'string' &&
    typeof entry.participantId === 'string' &&
    typeof entry.present === 'boolean' &&
    typeof entry.seq === 'number'
  );
}
