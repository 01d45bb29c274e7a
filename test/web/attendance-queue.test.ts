import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AttendanceMark,
  AttendanceQueue,
  type SendOutcome,
} from '../../web/src/features/console/courses/attendance/attendance-queue.ts';

/** localStorage over a Map: a "reload" is a new queue over the same map. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

/** The API as the queue sees it: records what arrived, answers 'retry' while offline. */
function fakeApi() {
  const api = {
    online: true,
    received: [] as AttendanceMark[],
    /** Server state: the last mark per participant and session. */
    marks: new Map<string, boolean>(),
    refuse: new Set<string>(),
    send: async (mark: AttendanceMark): Promise<SendOutcome> => {
      if (!api.online) throw new TypeError('Failed to fetch');
      if (api.refuse.has(mark.participantId)) return 'refused';
      api.received.push(mark);
      api.marks.set(`${mark.sessionId}/${mark.participantId}`, mark.present);
      return 'sent';
    },
  };
  return api;
}

const mark = (participantId: string, present: boolean, sessionId = 's1'): AttendanceMark => ({
  courseId: 'c1',
  sessionId,
  participantId,
  present,
});

let storage: ReturnType<typeof memoryStorage>;
let api: ReturnType<typeof fakeApi>;
const queueOver = (options: Partial<ConstructorParameters<typeof AttendanceQueue>[0]> = {}) =>
  new AttendanceQueue({ storage, send: (m) => api.send(m), baseDelayMs: 1000, maxDelayMs: 8000, ...options });

beforeEach(() => {
  vi.useFakeTimers();
  storage = memoryStorage();
  api = fakeApi();
});
afterEach(() => vi.useRealTimers());

describe('the attendance queue', () => {
  it('sends a tap at once when online and keeps nothing afterwards', async () => {
    const queue = queueOver();
    queue.enqueue(mark('p1', true));
    await vi.runAllTimersAsync();
    expect(api.received).toEqual([mark('p1', true)]);
    expect(queue.pending()).toEqual([]);
  });

  it('keeps taps made offline in storage and sends them in order once the connection is back', async () => {
    api.online = false;
    const queue = queueOver();
    queue.enqueue(mark('p1', true));
    queue.enqueue(mark('p2', false));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(api.received).toEqual([]);
    expect(queue.pending()).toEqual([mark('p1', true), mark('p2', false)]);
    expect(JSON.parse(storage.getItem('lotse:attendance-queue') ?? '{}').entries).toHaveLength(2);

    api.online = true;
    queue.wake();
    await vi.runAllTimersAsync();
    expect(api.received).toEqual([mark('p1', true), mark('p2', false)]);
    expect(queue.pending()).toEqual([]);
  });

  it('retries on its own with growing delays, without a wake', async () => {
    api.online = false;
    const send = vi.fn((m: AttendanceMark) => api.send(m));
    const queue = queueOver({ send });
    queue.enqueue(mark('p1', true));
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1999);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(3);
    api.online = true;
    await vi.advanceTimersByTimeAsync(4000);
    expect(api.marks.get('s1/p1')).toBe(true);
    expect(queue.pending()).toEqual([]);
  });

  it('survives a reload: a new queue over the same storage sends what the old one could not', async () => {
    api.online = false;
    const before = queueOver();
    before.enqueue(mark('p1', true));
    before.enqueue(mark('p2', true, 's2'));
    await vi.advanceTimersByTimeAsync(0);
    before.stop();

    api.online = true;
    const after = queueOver();
    expect(after.pending()).toEqual([mark('p1', true), mark('p2', true, 's2')]);
    expect(after.pendingFor({ courseId: 'c1', sessionId: 's2', participantId: 'p2' })).toBe(true);
    after.wake();
    await vi.runAllTimersAsync();
    expect(api.received).toEqual([mark('p1', true), mark('p2', true, 's2')]);
  });

  it('last tap wins: taps on one name offline leave one mark, the last', async () => {
    api.online = false;
    const queue = queueOver();
    queue.enqueue(mark('p1', true));
    queue.enqueue(mark('p1', false));
    queue.enqueue(mark('p1', true));
    queue.enqueue(mark('p1', false));
    expect(queue.pending()).toEqual([mark('p1', false)]);
    api.online = true;
    queue.wake();
    await vi.runAllTimersAsync();
    expect(api.received).toEqual([mark('p1', false)]);
  });

  it('last tap wins even when the earlier tap is still in flight', async () => {
    let release: (() => void) | undefined;
    const slowFirst = vi.fn(async (m: AttendanceMark) => {
      if (slowFirst.mock.calls.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return api.send(m);
    });
    const queue = queueOver({ send: slowFirst });
    queue.enqueue(mark('p1', true));
    await vi.advanceTimersByTimeAsync(0);
    queue.enqueue(mark('p1', false));
    release?.();
    await vi.runAllTimersAsync();
    expect(api.received).toEqual([mark('p1', true), mark('p1', false)]);
    expect(api.marks.get('s1/p1')).toBe(false);
    expect(queue.pending()).toEqual([]);
  });

  it('drops a mark the API refuses for good and says so, then goes on with the rest', async () => {
    api.refuse.add('gone');
    const refused: AttendanceMark[] = [];
    const queue = queueOver({ onRefused: (m) => refused.push(m) });
    queue.enqueue(mark('gone', true));
    queue.enqueue(mark('p2', true));
    await vi.runAllTimersAsync();
    expect(refused).toEqual([mark('gone', true)]);
    expect(api.received).toEqual([mark('p2', true)]);
    expect(queue.pending()).toEqual([]);
  });

  it('tells its listeners about each change and ignores damaged storage', async () => {
    storage.setItem('lotse:attendance-queue', '{not json');
    const queue = queueOver();
    expect(queue.pending()).toEqual([]);
    const listener = vi.fn();
    queue.subscribe(listener);
    queue.enqueue(mark('p1', true));
    await vi.runAllTimersAsync();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
