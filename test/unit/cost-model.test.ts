import { describe, expect, it } from 'vitest';
import { countResources, everyMinutes } from '../../infra/cli/cost/inventory.ts';
import { freeTierCredit, sum, usageBill } from '../../infra/cli/cost/model.ts';
import { emptyUsage, perRun, type Usage } from '../../infra/cli/cost/usage.ts';

const registration: Usage = {
  ...emptyUsage(),
  lambda: { 'submission-create': { invocations: 2, durationMs: 2000, memoryMb: 512 } },
  dynamodb: { requests: 4, readUnits: 10, writeUnits: 20 },
  transitions: { 'volunteer-onboarding': 14 },
  mails: { count: 6, bytes: 6000 },
  apiRequests: 12,
  executions: 2,
};

describe('the cost model', () => {
  it('prices 10,000 runs of a measured usage service by service', () => {
    const each = perRun(registration, 2);
    const { bill } = usageBill(each, 10_000, { files: 0, bytes: 0 }, new Set());
    // 7 transitions × 10,000 / 1,000 × $0.025
    expect(bill['Step Functions']).toBeCloseTo(1.75, 6);
    // 3 mails × 10,000 / 1,000 × $0.10, and 30 MB at $0.12 per GB
    expect(bill.SES).toBeCloseTo(3 + 0.03 * 0.12, 6);
    // 10 WRU and 5 RRU × 10,000
    expect(bill.DynamoDB).toBeCloseTo(0.1 * 0.7625 + 0.05 * 0.1525, 6);
    // 1 invocation of 1 s at 512 MB: 0.5 GB-s each
    expect(bill.Lambda).toBeCloseTo(0.01 * 0.2 + 5_000 * 0.0000133334, 6);
    expect(bill['API Gateway']).toBeCloseTo(0.06 * 1.2, 6);
  });

  it('takes the always-free tiers off, never more than a service costs', () => {
    const bill = { 'Step Functions': 1.75, Lambda: 0.01, SES: 3 };
    const credit = freeTierCredit(bill, {
      lambdaRequests: 10_000,
      lambdaGbSeconds: 5_000,
      transitions: 70_000,
      alarmMetrics: 0,
      customMetrics: 0,
      logBytes: 0,
      kmsRequests: 0,
      cdnBytes: 0,
      cdnRequests: 0,
      traces: 0,
    });
    expect(credit['Step Functions']).toBeCloseTo(0.1, 6);
    expect(credit.Lambda).toBe(0.01);
    // SES has no free tier that lasts.
    expect(credit.SES).toBeUndefined();
    expect(sum(credit)).toBeCloseTo(0.11, 6);
  });
});

describe('the idle inventory of a template', () => {
  it('counts each metric of a metric-math alarm, as CloudWatch bills it, and the schedules', () => {
    const inventory = countResources([
      { Type: 'AWS::CloudWatch::Alarm', Properties: { MetricName: 'Errors' } },
      {
        Type: 'AWS::CloudWatch::Alarm',
        Properties: {
          Metrics: [
            { Expression: 'SUM(METRICS())' },
            { MetricStat: {} },
            { MetricStat: {} },
            { MetricStat: {} },
          ],
        },
      },
      { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
      { Type: 'AWS::KMS::Key', Properties: {} },
      {
        Type: 'AWS::Events::Rule',
        Properties: { ScheduleExpression: 'rate(5 minutes)', Targets: [{ Id: 'T' }] },
      },
      { Type: 'AWS::Events::Rule', Properties: { EventPattern: {} } },
    ]);
    expect(inventory.alarms).toBe(2);
    expect(inventory.alarmMetrics).toBe(4);
    expect(inventory.kmsKeys).toBe(2);
    expect(inventory.rotatedKmsKeys).toBe(1);
    expect(inventory.schedules).toEqual([{ target: 'T', everyMinutes: 5 }]);
  });

  it('reads rate expressions in minutes', () => {
    expect(everyMinutes('rate(1 minute)')).toBe(1);
    expect(everyMinutes('rate(2 hours)')).toBe(120);
    expect(everyMinutes('rate(1 day)')).toBe(1440);
    expect(everyMinutes('cron(0 12 * * ? *)')).toBeUndefined();
  });
});
