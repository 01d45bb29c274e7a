/**
 * `npm run cost [-- --runs=5]`: what Lotse costs a month on AWS in eu-central-1. Counts come from
 * the synthesized stack (what costs when idle) and from registrations run on the local runtime
 * (transitions, invocations and durations, mails, DynamoDB request units, API requests, page
 * bytes); prices from infra/cli/cost/prices.ts. docs/deploy.md explains the figures.
 */
import { functionIds, functions } from '../../functions/shared/definitions/functions.ts';
import { synthesizedInventory } from './cost/inventory.ts';
import { measureLocally } from './cost/local-measure.ts';
import { assumptions, freeTierCredit, idleBill, merge, minus, sum, usageBill } from './cost/model.ts';
import { measurePageLoads } from './cost/page.ts';
import { PRICES_AS_OF, prices } from './cost/prices.ts';
import { printReport } from './cost/report.ts';
import { perRun } from './cost/usage.ts';

const runs = Number(/^--runs=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--runs=')) ?? '')?.[1] ?? 5);
const withIntake = !process.argv.includes('--no-intake');

const streamFunctions = new Set<string>(
  functionIds.filter(
    (id) => (functions[id] as { trigger?: { type: string } }).trigger?.type === 'table-stream',
  ),
);

const pages = await measurePageLoads();
const inventories = {
  on: synthesizedInventory('ops@example.org'),
  off: synthesizedInventory(undefined),
};
const measured = await measureLocally({ runs, intake: withIntake });
// NeedsAttention (the total over the kinds) is published only while something needs attention
// (functions/attention-digest), the workflow-failure metric filter only when an execution fails:
// none on an idle stage; each costs $0.30 a month while it gets data.
const customMetrics = 0;
const scheduled = Object.values(measured.scheduled).map((s) => ({
  everyMinutes: s.everyMinutes,
  each: perRun(s.usage, s.runs),
}));

const registration = perRun(measured.registration.usage, measured.registration.runs);
const page = {
  files: pages.form.files + pages.decision.files,
  bytes: pages.form.bytes + pages.decision.bytes,
};
const cognito = assumptions.staffMonthlyActiveUsers * prices.cognito.plusPerMau;

function month(count: number, alarms: 'on' | 'off') {
  const idle = idleBill(inventories[alarms], scheduled, customMetrics);
  const use = usageBill(registration, count, page, streamFunctions);
  const bill = merge(idle.bill, use.bill, count > 0 ? { Cognito: cognito } : {});
  const credit = freeTierCredit(bill, {
    lambdaRequests: idle.quantities.invocations + use.quantities.invocations,
    lambdaGbSeconds: idle.quantities.gbSeconds + use.quantities.gbSeconds,
    transitions: count * Object.values(registration.transitions).reduce((a, b) => a + b, 0),
    alarmMetrics: inventories[alarms].alarmMetrics,
    customMetrics,
    logBytes: idle.quantities.logBytes + use.quantities.logBytes,
    kmsRequests: inventories[alarms].rotatedKmsKeys > 0 ? assumptions.tableKeyRequestsPerMonth : 0,
    cdnBytes: use.quantities.cdnBytes,
    cdnRequests: use.quantities.cdnRequests,
    traces: idle.quantities.traces + use.quantities.traces,
  });
  return { bill, free: minus(bill, credit) };
}

const perTenThousand = usageBill(registration, 10_000, page, streamFunctions);
printReport({
  pricesAsOf: PRICES_AS_OF,
  runs,
  registration,
  intake: measured.intake ? perRun(measured.intake.usage, measured.intake.runs) : undefined,
  pages,
  inventories,
  customMetrics,
  scheduled: measured.scheduled,
  months: Object.fromEntries(
    (['on', 'off'] as const).map((alarms) => [
      alarms,
      [0, 100, 1_000, 10_000].map((count) => ({ count, ...month(count, alarms) })),
    ]),
  ) as Record<'on' | 'off', { count: number; bill: Record<string, number>; free: Record<string, number> }[]>,
  perTenThousand: { bill: perTenThousand.bill, total: sum(perTenThousand.bill) },
});
process.exit(0);
