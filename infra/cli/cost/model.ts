import type { Inventory } from './inventory.ts';
import { alwaysFree, prices } from './prices.ts';
import { gbSeconds, lambdaInvocations, totalTransitions, type Usage } from './usage.ts';

/** Dollars per service for one month. */
export type Bill = Record<string, number>;

/**
 * What is assumed because the local runtime cannot measure it. Each figure is printed with the
 * result, so a reader can judge it.
 */
export const assumptions = {
  /** CloudWatch Logs per Lambda invocation: START/END/REPORT lines and one structured log line. */
  lambdaLogBytes: 1000,
  /** One Step Functions log event (level ALL, without execution data). */
  workflowLogEventBytes: 400,
  /** Staff who sign in during a month (Cognito bills monthly active users). */
  staffMonthlyActiveUsers: 5,
  /** KMS requests a month for the table's key (DynamoDB caches the data key for minutes). */
  tableKeyRequestsPerMonth: 8_640,
  minutesPerMonth: 30 * 24 * 60,
} as const;

export interface PageTraffic {
  /** Pages a registration loads first-time (the form, the coordinator's decision page). */
  readonly files: number;
  readonly bytes: number;
}

const add = (bill: Bill, service: string, dollars: number) => {
  bill[service] = (bill[service] ?? 0) + dollars;
};

/** The usage-dependent part of a month: `count` runs of a scenario measured as `each`. */
export function usageBill(
  each: Usage,
  count: number,
  page: PageTraffic,
  streamFunctions: ReadonlySet<string>,
) {
  const bill: Bill = {};
  const invocations = lambdaInvocations(each) * count;
  add(bill, 'Lambda', (invocations / 1e6) * prices.lambda.perMillionRequests);
  add(bill, 'Lambda', gbSeconds(each) * count * prices.lambda.perGbSecond);
  add(bill, 'API Gateway', ((each.apiRequests * count) / 1e6) * prices.apiGateway.perMillionHttpRequests);
  add(
    bill,
    'Step Functions',
    ((totalTransitions(each) * count) / 1000) * prices.stepFunctions.perThousandStandardTransitions,
  );
  add(bill, 'SES', ((each.mails.count * count) / 1000) * prices.ses.perThousandMails);
  add(bill, 'SES', ((each.mails.bytes * count) / 1e9) * prices.ses.perGbSent);
  add(bill, 'DynamoDB', ((each.dynamodb.writeUnits * count) / 1e6) * prices.dynamodb.perMillionWriteUnits);
  add(bill, 'DynamoDB', ((each.dynamodb.readUnits * count) / 1e6) * prices.dynamodb.perMillionReadUnits);
  const cdnRequests = (page.files + each.apiRequests) * count;
  add(bill, 'CloudFront', (cdnRequests / 1e4) * prices.cloudFront.perTenThousandHttpsRequests);
  add(bill, 'CloudFront', (((page.bytes + each.apiBytes) * count) / 1e9) * prices.cloudFront.perGbOut);

  const logBytes =
    invocations * assumptions.lambdaLogBytes + each.historyEvents * count * assumptions.workflowLogEventBytes;
  add(bill, 'CloudWatch', (logBytes / 1e9) * prices.cloudWatch.logsIngestedPerGb);
  const streamInvocations = Object.entries(each.lambda)
    .filter(([id]) => streamFunctions.has(id))
    .reduce((sum, [, f]) => sum + f.invocations, 0);
  // A trace per request that enters from outside: API calls, executions, stream batches.
  const traces = (each.apiRequests + each.executions + streamInvocations) * count;
  add(bill, 'X-Ray', (traces / 1e6) * prices.xray.perMillionTracesRecorded);
  const cdnBytes = (page.bytes + each.apiBytes) * count;
  const quantities = {
    invocations,
    gbSeconds: gbSeconds(each) * count,
    traces,
    cdnRequests,
    cdnBytes,
    logBytes,
  };
  return { bill, quantities };
}

export interface ScheduledUsage {
  readonly everyMinutes: number;
  /** One idle invocation. */
  readonly each: Usage;
}

/** What the stack costs a month when nobody uses it: fixed resources and the schedules. */
export function idleBill(inventory: Inventory, scheduled: readonly ScheduledUsage[], customMetrics: number) {
  const bill: Bill = {};
  add(bill, 'CloudWatch', inventory.alarmMetrics * prices.cloudWatch.perAlarmMetricMonth);
  add(bill, 'CloudWatch', customMetrics * prices.cloudWatch.perCustomMetricMonth);
  add(bill, 'KMS', inventory.kmsKeys * prices.kms.perKeyMonth);
  // Only a customer managed table key (the one rotated key) is billed per request.
  if (inventory.rotatedKmsKeys > 0)
    add(
      bill,
      'KMS',
      (assumptions.tableKeyRequestsPerMonth / 1e4) * prices.kms.perTenThousandSymmetricRequests,
    );
  add(bill, 'Secrets Manager', inventory.secrets * prices.secretsManager.perSecretMonth);
  add(bill, 'WAF', inventory.webAcls * prices.waf.perWebAclMonth);
  let invocations = 0;
  let seconds = 0;
  let logBytes = 0;
  let traces = 0;
  for (const schedule of scheduled) {
    const times = assumptions.minutesPerMonth / schedule.everyMinutes;
    const usage = usageBill(schedule.each, times, { files: 0, bytes: 0 }, new Set());
    for (const [service, dollars] of Object.entries(usage.bill)) add(bill, service, dollars);
    // Scheduled functions are not traced (infra/stacks/stateless-stack.ts): no X-Ray here.
    invocations += usage.quantities.invocations;
    seconds += usage.quantities.gbSeconds;
    logBytes += usage.quantities.logBytes;
    traces += usage.quantities.traces;
  }
  return { bill, quantities: { invocations, gbSeconds: seconds, logBytes, traces } };
}

export interface MonthQuantities {
  readonly lambdaRequests: number;
  readonly lambdaGbSeconds: number;
  readonly transitions: number;
  readonly alarmMetrics: number;
  readonly customMetrics: number;
  readonly logBytes: number;
  readonly kmsRequests: number;
  readonly cdnBytes: number;
  readonly cdnRequests: number;
  readonly traces: number;
}

/** What the always-free tiers take off a month's bill (never more than the service costs). */
export function freeTierCredit(bill: Bill, q: MonthQuantities): Bill {
  const credit: Bill = {};
  const cap = (service: string, dollars: number) => {
    credit[service] = Math.min(bill[service] ?? 0, (credit[service] ?? 0) + dollars);
  };
  cap(
    'Lambda',
    (Math.min(q.lambdaRequests, alwaysFree.lambdaRequests) / 1e6) * prices.lambda.perMillionRequests +
      Math.min(q.lambdaGbSeconds, alwaysFree.lambdaGbSeconds) * prices.lambda.perGbSecond,
  );
  cap(
    'Step Functions',
    (Math.min(q.transitions, alwaysFree.stepFunctionsTransitions) / 1000) *
      prices.stepFunctions.perThousandStandardTransitions,
  );
  cap(
    'CloudWatch',
    Math.min(q.alarmMetrics, alwaysFree.cloudWatchAlarmMetrics) * prices.cloudWatch.perAlarmMetricMonth +
      Math.min(q.customMetrics, alwaysFree.cloudWatchCustomMetrics) * prices.cloudWatch.perCustomMetricMonth +
      Math.min(q.logBytes / 1e9, alwaysFree.cloudWatchLogsGb) * prices.cloudWatch.logsIngestedPerGb,
  );
  cap(
    'KMS',
    (Math.min(q.kmsRequests, alwaysFree.kmsRequests) / 1e4) * prices.kms.perTenThousandSymmetricRequests,
  );
  cap(
    'CloudFront',
    Math.min(q.cdnBytes / 1e9, alwaysFree.cloudFrontGb) * prices.cloudFront.perGbOut +
      (Math.min(q.cdnRequests, alwaysFree.cloudFrontRequests) / 1e4) *
        prices.cloudFront.perTenThousandHttpsRequests,
  );
  cap('X-Ray', (Math.min(q.traces, alwaysFree.xrayTraces) / 1e6) * prices.xray.perMillionTracesRecorded);
  return credit;
}

export const sum = (bill: Bill) => Object.values(bill).reduce((total, dollars) => total + dollars, 0);

export function merge(...bills: Bill[]): Bill {
  const merged: Bill = {};
  for (const bill of bills)
    for (const [service, dollars] of Object.entries(bill)) add(merged, service, dollars);
  return merged;
}

export function minus(bill: Bill, credit: Bill): Bill {
  return Object.fromEntries(
    Object.entries(bill).map(([service, d]) => [service, d - (credit[service] ?? 0)]),
  );
}
