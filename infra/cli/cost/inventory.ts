import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLotseApp } from '../../lotse-app.ts';

/** What the deployed stacks hold that costs by the month, whether or not anybody uses Lotse. */
export interface Inventory {
  /** Metrics read by alarms: CloudWatch bills each metric of an alarm (metric math too). */
  readonly alarmMetrics: number;
  readonly alarms: number;
  readonly kmsKeys: number;
  /** Keys with automatic rotation: each of the first two rotations adds a key-month. */
  readonly rotatedKmsKeys: number;
  readonly userPools: number;
  readonly logGroups: number;
  readonly pitrTables: number;
  readonly secrets: number;
  readonly webAcls: number;
  readonly snsEmailSubscriptions: number;
  /** Scheduled rules: function invoked and how often (minutes). */
  readonly schedules: readonly { readonly target: string; readonly everyMinutes: number }[];
  readonly functions: number;
  readonly stateMachines: number;
}

type Resource = { Type: string; Properties?: Record<string, unknown> };

const CONTEXT = {
  'lotse:stage': 'cost',
  'lotse:region': 'eu-central-1',
  'lotse:mailFrom': 'lotse@example.org',
  'lotse:organisationName': 'Lotse',
};

/**
 * Synthesizes the real app (functions not bundled: a stand-in asset each, as test/infra does) and
 * counts from the templates, with or without an alarm e-mail address (no address, no alarms).
 */
export function synthesizedInventory(alarmEmail: string | undefined): Inventory {
  const outdir = mkdtempSync(join(tmpdir(), 'lotse-cost-cdk-'));
  try {
    const { app } = createLotseApp({
      outdir,
      context: {
        ...CONTEXT,
        ...(alarmEmail ? { 'lotse:alarmEmail': alarmEmail } : {}),
        'aws:cdk:bundling-stacks': [],
      },
      env: {},
      webAssetsPath: join(outdir, 'no-web-build'),
      builtinCloudFormationValidation: false,
    });
    const assembly = app.synth();
    const resources = assembly.stacks.flatMap((stack) =>
      Object.values((stack.template as { Resources?: Record<string, Resource> }).Resources ?? {}),
    );
    return countResources(resources);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function countResources(resources: readonly Resource[]): Inventory {
  const of = (type: string) => resources.filter((r) => r.Type === type);
  const alarms = of('AWS::CloudWatch::Alarm');
  return {
    alarms: alarms.length,
    alarmMetrics: alarms.reduce((sum, alarm) => sum + metricsOf(alarm), 0),
    kmsKeys: of('AWS::KMS::Key').length,
    rotatedKmsKeys: of('AWS::KMS::Key').filter((k) => k.Properties?.EnableKeyRotation === true).length,
    userPools: of('AWS::Cognito::UserPool').length,
    logGroups: of('AWS::Logs::LogGroup').length,
    pitrTables: of('AWS::DynamoDB::Table').filter((t) => {
      const spec = t.Properties?.PointInTimeRecoverySpecification as
        | { PointInTimeRecoveryEnabled?: boolean }
        | undefined;
      return spec?.PointInTimeRecoveryEnabled === true;
    }).length,
    secrets: of('AWS::SecretsManager::Secret').length,
    webAcls: of('AWS::WAFv2::WebACL').length,
    snsEmailSubscriptions: of('AWS::SNS::Subscription').filter((s) => s.Properties?.Protocol === 'email')
      .length,
    schedules: of('AWS::Events::Rule').flatMap((rule) => {
      const expression = String(rule.Properties?.ScheduleExpression ?? '');
      const minutes = everyMinutes(expression);
      if (minutes === undefined) return [];
      const targets = (rule.Properties?.Targets as { Id?: string }[] | undefined) ?? [];
      return [{ target: targets.map((t) => t.Id ?? '?').join(','), everyMinutes: minutes }];
    }),
    functions: of('AWS::Lambda::Function').length,
    stateMachines: of('AWS::StepFunctions::StateMachine').length,
  };
}

/** A plain alarm reads one metric; a metric-math alarm each metric (not expression) it lists. */
function metricsOf(alarm: Resource): number {
  const metrics = alarm.Properties?.Metrics as { MetricStat?: unknown }[] | undefined;
  if (!metrics) return 1;
  return Math.max(1, metrics.filter((m) => m.MetricStat !== undefined).length);
}

/** `rate(5 minutes)`, `rate(1 hour)`, `rate(1 day)`; cron expressions are not used by Lotse. */
export function everyMinutes(expression: string): number | undefined {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = match[2] ?? '';
  return unit.startsWith('minute') ? value : unit.startsWith('hour') ? value * 60 : value * 1440;
}
