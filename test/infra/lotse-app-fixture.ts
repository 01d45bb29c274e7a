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
  // As `-c` passes it: a string. The rate window is left to the handler's default.
  'lotse:submissionRateLimit': '30',
  // Kept like production data, so the templates under test are the ones `prod` deploys; what a
  // test stage without this deletes is in removal.test.ts.
  'lotse:retainData': 'true',
};

export interface TestAppOptions {
  readonly context?: Record<string, unknown>;
  /** CDK's CloudFormation schema validation; thorough but takes ~10 s per synth. @default true */
  readonly cloudFormationValidation?: boolean;
  /** What the CDK CLI would set, e.g. CDK_DEFAULT_ACCOUNT. @default {} */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Bundle the functions with esbuild (~1 s each). Without, CDK stages a stand-in asset and the
   * templates are the same apart from asset hashes; stacks.test.ts bundles, the rest need not.
   * @default true
   */
  readonly bundle?: boolean;
  /** The web build to deploy. @default none, so the placeholder page */
  readonly webAssetsPath?: string;
}

/**
 * Builds the real app (cdk-nag registered, functions bundled with esbuild unless told otherwise)
 * into a temporary directory, with no web build unless given one, so the placeholder page is used
 * whatever the state of web/dist, and without the caller's AWS environment variables.
 */
export function buildTestApp(options: TestAppOptions = {}): LotseApp {
  const outdir = mkdtempSync(join(tmpdir(), 'lotse-cdk-'));
  return createLotseApp({
    outdir,
    context: {
      ...(options.context ?? testContext),
      // CDK's own switch: stacks whose assets are bundled (none: a stand-in asset per function).
      'aws:cdk:bundling-stacks': (options.bundle ?? true) ? ['**'] : [],
    },
    env: options.env ?? {},
    webAssetsPath: options.webAssetsPath ?? join(outdir, 'no-web-build'),
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
  });
}
