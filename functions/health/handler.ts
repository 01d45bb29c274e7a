import { checkComponents } from '#shared/domain/health.ts';
import { healthComponents } from '#shared/health-deps.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const components = healthComponents();

/**
 * Up or down, nothing more: anyone may ask, so component details, quotas and what needs staff
 * are for admins only (`GET /api/admin/health`).
 */
export const handler = httpHandler(async () => {
  const report = await checkComponents(components, { timeoutMs: 3000 });
  return json(report.status === 'ok' ? 200 : 503, { status: report.status });
});
