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

/**
 * Builds the real app into a temporary directory, with no web build (so the placeholder page is
 * used whatever the state of web/dist) and without the caller's AWS environment variables.
 */
export function buildTestApp(context: Record<string, unknown> = testContext): LotseApp {
  const outdir = mkdtempSync(join(tmpdir(), 'lotse-cdk-'));
  return createLotseApp({ outdir, context, env: {}, webAssetsPath: join(outdir, 'no-web-build') });
}
