import { dynamoAttentionReader } from '#shared/adapters/attention-store.ts';
import { documentClient } from '#shared/adapters/dynamo.ts';
import { dynamoStaffReader } from '#shared/adapters/staff-store.ts';
import { parseConfig } from '#shared/config.ts';
import { type AttentionKind, type AttentionSummary, attentionKinds } from '#shared/domain/attention.ts';
import { checkComponents } from '#shared/domain/health.ts';
import { tableName } from '#shared/env.ts';
import { healthComponents } from '#shared/health-deps.ts';
import { authorize } from '#shared/http/access.ts';
import { httpHandler, json } from '#shared/http/middleware.ts';

const config = parseConfig(tableName);
const client = documentClient();
const components = healthComponents();
const attention = dynamoAttentionReader(client, config.TABLE_NAME);
const staff = dynamoStaffReader(client, config.TABLE_NAME);

/**
 * What needs staff, as counts with the oldest case (an opaque id and a time: nothing personal),
 * so an operator sees at a glance that nobody is left waiting. Unknown when the table is not.
 */
async function attentionReport(): Promise<Record<AttentionKind, AttentionSummary> | undefined> {
  try {
    const now = new Date();
    const entries = await Promise.all(
      attentionKinds.map(async (kind) => [kind, await attention.summary(kind, now)] as const),
    );
    return Object.fromEntries(entries) as Record<AttentionKind, AttentionSummary>;
  } catch {
    return undefined;
  }
}

/** Each component with its latency and detail, and what needs staff: for admins only. */
export const handler = httpHandler(async ({ event }) => {
  await authorize(event, ['admin'], staff);
  const [report, needs] = await Promise.all([
    checkComponents(components, { timeoutMs: 3000 }),
    attentionReport(),
  ]);
  // Cases that need staff do not make the service unhealthy: it answers 200 and says so.
  const attentionSection = needs
    ? { needsAttention: Object.values(needs).some((summary) => summary.count > 0), ...needs }
    : { needsAttention: null };
  return json(report.status === 'ok' ? 200 : 503, { ...report, attention: attentionSection });
});
