import type { Browser } from 'playwright-core';
import { driveEveryField } from './web-fields.ts';

/** Lighthouse's mobile profile slows the CPU down 4×; typing is measured at the same factor. */
const CPU_SLOWDOWN = 4;
const PAGE_TIMEOUT_MS = 60_000;

export interface TypingFigures {
  /** Fields answered (typed into, ticked, chosen). */
  readonly fields: number;
  /** Longest main-thread task while answering them, ms (0: none over 50 ms). */
  readonly longestMs: number;
  /** Tasks over 50 ms while answering. */
  readonly over50: number;
  /** Longest task from navigation until the form showed, ms: what the first paint waits for. */
  readonly loadLongestMs: number;
}

interface Task {
  readonly start: number;
  readonly duration: number;
}

// Runs before the page's own scripts, so long tasks of the first render are seen too.
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/** Opens the page at 4× CPU slowdown, waits for the form, answers every field, and reads the long tasks. */
export async function measureTyping(
  browser: Browser,
  url: string,
  formSelector: string,
): Promise<TypingFigures> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'de-DE' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message.slice(0, 200)));
    await page.addInitScript(OBSERVE_LONG_TASKS);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'networkidle', timeout: PAGE_TIMEOUT_MS });
    await page.locator(`${formSelector} input`).first().waitFor();
    const typingStart = await page.evaluate(() => performance.now());
    const fields = await driveEveryField(page, formSelector).catch((error: Error) => {
      throw new Error(
        `${url}: ${error.message.split('\n')[0]}; page errors: ${errors.join(' | ') || 'none'}`,
      );
    });
    // Idle means every task of the last keystroke has run and its long-task entry was delivered.
    await page.evaluate(
      () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5000 })),
    );
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: Task[] }).__longTasks);
    const typing = tasks.filter((task) => task.start >= typingStart);
    const loading = tasks.filter((task) => task.start < typingStart);
    return {
      fields: fields.length,
      longestMs: Math.max(0, ...typing.map((task) => task.duration)),
      over50: typing.filter((task) => task.duration > 50).length,
      loadLongestMs: Math.max(0, ...loading.map((task) => task.duration)),
    };
  } finally {
    await context.close();
  }
}
