import { type LaunchedChrome, launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { offlineChromiumFlags } from '../test/support/browser.ts';
import { median } from './stats.ts';

/** One Lighthouse run can take half a minute on a shared two-core machine; more means it hangs. */
const RUN_TIMEOUT_MS = 120_000;

export interface LighthouseFigures {
  readonly performance: number;
  readonly accessibility: number;
  readonly tbtMs: number;
  readonly lcpMs: number;
  readonly fcpMs: number;
  /** JavaScript the page transferred until the network was quiet (what Chromium got, Brotli), kB. */
  readonly scriptKb: number;
  /** Lighthouse's own CPU benchmark of this machine at the time (higher is faster). */
  readonly benchmarkIndex: number;
}

/** Debian's Chromium, headless, for Lighthouse (which drives it through its own CDP connection). */
export function launchChromeForLighthouse(): Promise<LaunchedChrome> {
  return launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...offlineChromiumFlags],
  });
}

/**
 * One Lighthouse 12 run with its defaults, which are the mobile profile (Moto G Power screen, slow
 * 4G, 4× CPU slowdown, simulated throttling); only the performance and accessibility categories.
 * Storage is reset before the run, so the page's kept copy of the form does not help it.
 */
export async function runLighthouse(chrome: LaunchedChrome, url: string): Promise<LighthouseFigures> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Lighthouse on ${url} took over ${RUN_TIMEOUT_MS} ms`)),
      RUN_TIMEOUT_MS,
    );
  });
  try {
    const result = await Promise.race([
      lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: ['performance', 'accessibility'],
      }),
      timeout,
    ]);
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      performance: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? Number.NaN) * 100),
      tbtMs: audit('total-blocking-time'),
      lcpMs: audit('largest-contentful-paint'),
      fcpMs: audit('first-contentful-paint'),
      scriptKb: scriptTransfer(lhr.audits['resource-summary']?.details) / 1000,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
  } finally {
    clearTimeout(timer);
  }
}

function scriptTransfer(details: unknown): number {
  const items = (details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)
    ?.items;
  return items?.find((item) => item.resourceType === 'script')?.transferSize ?? Number.NaN;
}

/** The median of each figure over several runs (each figure on its own). */
export function medianFigures(runs: readonly LighthouseFigures[]): LighthouseFigures {
  const of = (pick: (run: LighthouseFigures) => number) => median(runs.map(pick));
  return {
    performance: of((run) => run.performance),
    accessibility: of((run) => run.accessibility),
    tbtMs: of((run) => run.tbtMs),
    lcpMs: of((run) => run.lcpMs),
    fcpMs: of((run) => run.fcpMs),
    scriptKb: of((run) => run.scriptKb),
    benchmarkIndex: of((run) => run.benchmarkIndex),
  };
}
