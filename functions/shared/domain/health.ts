/**
 * Returns 'ok', a short reason why the component is not usable, or `{ note }` when it works with a
 * limit people should know about (e.g. mail in the SES sandbox).
 */
export type ComponentCheck = () => Promise<string | { readonly note: string }>;

export interface ComponentReport {
  readonly status: 'ok' | 'error';
  readonly latencyMs: number;
  readonly detail?: string;
}

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly checkedAt: string;
  readonly components: Record<string, ComponentReport>;
}

/** Runs every check at once, each with its own deadline, so one hung dependency cannot hide the others. */
export async function checkComponents(
  checks: Record<string, ComponentCheck>,
  options: { timeoutMs: number; now?: () => Date },
): Promise<HealthReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(
      async ([name, check]) => [name, await runCheck(check, options.timeoutMs)] as const,
    ),
  );
  const components = Object.fromEntries(entries);
  const healthy = entries.every(([, report]) => report.status === 'ok');
  return {
    status: healthy ? 'ok' : 'degraded',
    checkedAt: (options.now?.() ?? new Date()).toISOString(),
    components,
  };
}

async function runCheck(check: ComponentCheck, timeoutMs: number): Promise<ComponentReport> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string | { readonly note: string }>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    const detail = await Promise.race([check(), timeout]);
    const latencyMs = Math.round(performance.now() - started);
    if (typeof detail !== 'string') return { status: 'ok', latencyMs, detail: detail.note };
    return detail === 'ok' ? { status: 'ok', latencyMs } : { status: 'error', latencyMs, detail };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    return { status: 'error', latencyMs, detail: error instanceof Error ? error.name : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
