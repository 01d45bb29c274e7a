import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fmt } from './stats.ts';

/**
 * Measures how long this process's event loop was blocked while `work` ran. The runtime's HTTP
 * server, handlers and workflow engine share this event loop, so a long block delays every request.
 */
export async function withLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; loop: string }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    const result = await work();
    histogram.disable();
    const ms = (ns: number) => ns / 1e6;
    return {
      result,
      loop: `event-loop delay meanwhile: p50 ${fmt(ms(histogram.percentile(50)), 1)} ms, p99 ${fmt(
        ms(histogram.percentile(99)),
        1,
      )} ms, max ${fmt(ms(histogram.max), 1)} ms`,
    };
  } finally {
    histogram.disable();
  }
}
