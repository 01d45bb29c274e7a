import type { Inventory } from './inventory.ts';
import { assumptions, type Bill, sum } from './model.ts';
import type { PageLoads } from './page.ts';
import { gbSeconds, lambdaInvocations, totalTransitions, type Usage } from './usage.ts';

export interface Report {
  readonly pricesAsOf: string;
  readonly runs: number;
  readonly registration: Usage;
  readonly intake: Usage | undefined;
  readonly pages: PageLoads;
  readonly inventories: Record<'on' | 'off', Inventory>;
  readonly customMetrics: number;
  readonly scheduled: Record<string, { everyMinutes: number; runs: number; usage: Usage }>;
  readonly months: Record<'on' | 'off', { count: number; bill: Bill; free: Bill }[]>;
  readonly perTenThousand: { bill: Bill; total: number };
}

const TARGET_PER_TEN_THOUSAND = 3;
const TARGET_IDLE = 1;
const usd = (dollars: number) => `$${dollars.toFixed(2)}`;
const n = (value: number, digits = 1) => value.toFixed(digits);

function printUsage(title: string, usage: Usage) {
  const transitions = Object.entries(usage.transitions)
    .map(([machine, count]) => `${machine} ${n(count)}`)
    .join(', ');
  console.log(`\n${title}`);
  console.log(`  Step Functions transitions  ${n(totalTransitions(usage))}  (${transitions})`);
  console.log(
    `  Lambda invocations          ${n(lambdaInvocations(usage))}  ${n(gbSeconds(usage), 3)} GB-s (mean local durations)`,
  );
  for (const [id, f] of Object.entries(usage.lambda).sort((a, b) => b[1].invocations - a[1].invocations)) {
    console.log(
      `    ${id.padEnd(30)} ${n(f.invocations).padStart(5)} × ${n(f.durationMs / f.invocations, 0).padStart(4)} ms @ ${f.memoryMb} MB`,
    );
  }
  console.log(
    `  E-mails                     ${n(usage.mails.count)}  (${n(usage.mails.bytes / Math.max(1, usage.mails.count) / 1000)} kB each)`,
  );
  console.log(
    `  DynamoDB                    ${n(usage.dynamodb.writeUnits)} WRU, ${n(usage.dynamodb.readUnits)} RRU in ${n(usage.dynamodb.requests)} requests`,
  );
  console.log(
    `  API requests                ${n(usage.apiRequests)}  (${n(usage.apiBytes / 1000)} kB of responses); executions ${n(usage.executions)}`,
  );
}

function printMonths(title: string, rows: Report['months']['on']) {
  const services = [...new Set(rows.flatMap((row) => Object.keys(row.bill)))].sort(
    (a, b) => (rows.at(-1)?.bill[b] ?? 0) - (rows.at(-1)?.bill[a] ?? 0),
  );
  const header = rows.map((row) => (row.count === 0 ? 'idle' : `${row.count.toLocaleString('en')} reg.`));
  console.log(`\n${title}`);
  console.log(`  ${'service'.padEnd(16)}${header.map((h) => h.padStart(20)).join('')}`);
  const cell = (row: (typeof rows)[0], pick: (bill: Bill) => number) =>
    `${usd(pick(row.bill)).padStart(9)} (${usd(pick(row.free))})`.padStart(20);
  for (const service of services) {
    if (rows.every((row) => (row.bill[service] ?? 0) < 0.005)) continue;
    console.log(`  ${service.padEnd(16)}${rows.map((row) => cell(row, (b) => b[service] ?? 0)).join('')}`);
  }
  console.log(`  ${'total'.padEnd(16)}${rows.map((row) => cell(row, sum)).join('')}`);
}

export function printReport(report: Report) {
  console.log(`Lotse on AWS, eu-central-1: monthly cost in USD. Prices: ${report.pricesAsOf}.`);
  console.log(
    `Counts measured on the local runtime over ${report.runs} runs of each scenario (after one warm-up run); durations are local and stand in for AWS's.`,
  );
  printUsage(
    'Per volunteer registration through approval (shipped form, one coordinator, no course planned yet):',
    report.registration,
  );
  if (report.intake)
    printUsage('Per counselling request, notified, acknowledged and picked up:', report.intake);
  const { form, decision } = report.pages;
  console.log(
    `\nPage first loads (Brotli, as CloudFront sends them): form ${form.files} files ${n(form.bytes / 1000)} kB, decision page ${decision.files} files ${n(decision.bytes / 1000)} kB`,
  );

  for (const alarms of ['on', 'off'] as const) {
    const inventory = report.inventories[alarms];
    console.log(
      `\nIdle inventory, alarm e-mail ${alarms}: ${inventory.alarms} alarms reading ${inventory.alarmMetrics} metrics, ${report.customMetrics} custom metrics, ` +
        `${inventory.kmsKeys} KMS keys (${inventory.rotatedKmsKeys} rotated yearly), ${inventory.userPools} user pool, ${inventory.pitrTables} table with PITR, ` +
        `${inventory.logGroups} log groups (1 month retention), ${inventory.secrets} secrets, ${inventory.webAcls} WAF, ` +
        `schedules every ${inventory.schedules.map((s) => `${s.everyMinutes}`).join(' and ')} minutes`,
    );
  }
  for (const [id, s] of Object.entries(report.scheduled)) {
    const each = (value: number) => n(value / s.runs, 2);
    const f = s.usage.lambda[id];
    console.log(
      `  ${id}: every ${s.everyMinutes} min, ${each(f?.durationMs ?? 0)} ms, ${each(s.usage.dynamodb.readUnits)} RRU, ${each(s.usage.dynamodb.writeUnits)} WRU per idle run`,
    );
  }
  printMonths(
    'Monthly cost with alarm e-mail on: without free tiers (with the always-free tiers)',
    report.months.on,
  );
  printMonths('Monthly cost with alarm e-mail off (no alarms)', report.months.off);

  const total = report.perTenThousand.total;
  const verdict =
    total <= TARGET_PER_TEN_THOUSAND
      ? 'target met'
      : `target missed by ${usd(total - TARGET_PER_TEN_THOUSAND)}`;
  console.log(
    `\nUsage cost per 10,000 registrations (without free tiers, no idle part): ${usd(total)} ` +
      `(target ≤ ${usd(TARGET_PER_TEN_THOUSAND)}: ${verdict}); SES alone ${usd(report.perTenThousand.bill.SES ?? 0)} for ${n(report.registration.mails.count)} mails each.`,
  );
  const idleOn = sum(report.months.on[0]?.bill ?? {});
  const idleOff = sum(report.months.off[0]?.bill ?? {});
  console.log(
    `Idle: ${usd(idleOn)} with alarms, ${usd(idleOff)} without (target ≤ ${usd(TARGET_IDLE)}: ${idleOn <= TARGET_IDLE ? 'met with alarms on' : idleOff <= TARGET_IDLE ? 'met without alarms only' : 'missed'}). ` +
      'Each KMS key an organisation chooses adds to it: -c lotse:tableKey=customer-managed $1.03 a month, and its yearly rotation $1 more in year 2 and $2 from year 3; ' +
      '-c lotse:credentialKey=kms $1 a month.',
  );
  console.log(
    `Assumed, not measured: ${assumptions.lambdaLogBytes} B of logs per invocation, ${assumptions.workflowLogEventBytes} B per workflow log event, ` +
      `${assumptions.staffMonthlyActiveUsers} staff signing in a month (Cognito Plus), ${assumptions.tableKeyRequestsPerMonth} KMS requests a month for a customer managed table key, ` +
      '~1 kB of headers per mail; DynamoDB storage and PITR grow with retained data (about 0.3 + 0.24 $/GB-month) and are not in the table.',
  );
}
