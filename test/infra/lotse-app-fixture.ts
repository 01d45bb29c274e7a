import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLotseApp, type LotseApp } from '../../infra/lotse-app.ts';

export const testContext = {
  'lotse:stage': 'test',
  'lotse:region': 'eu-central-1',
  'lotse:mailFrom': 'lotse@example.org',
  'lotse:organisationName': 'Lotse Test',
  'lotse:alarmEmail': 'ops@example.org',
};

export interface TestAppOptions {
  readonly context?: Record<string, unknown>;
  /** CDK's CloudFormation schema validation; thorough but takes ~10 s per synth. @default true */
  readonly cloudFormationValidation?: boolean;
  /** What the CDK CLI would set, e.g. CDK_DEFAULT_ACCOUNT. @default {} */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Builds the real app (functions bundled with esbuild, cdk-nag registered) into a temporary
 * directory, with no web build, so the placeholder page is used whatever the state of web/dist,
 * and without the caller's AWS environment variables.
 */
export function buildTestApp(options: TestAppOptions = {}): LotseApp {
  const outdir = mkdtempSync(join(tmpdir(), 'lotse-cdk-'));
  return createLotseApp({
    outdir,
    context: options.context ?? testContext,
    env: options.env ?? {},
    webAssetsPath: join(outdir, 'no-web-build'),
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
  });
}
