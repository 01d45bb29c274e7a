import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { type LotseConfig, readConfig } from '../../config.ts';

/**
 * The configuration the deploy will use: the context of cdk.json and cdk.context.json, overridden by
 * the `-c` options, read by the same `readConfig` as the app. Throws readConfig's error listing every
 * bad key.
 */
export function resolveDeployConfig(
  root: string,
  context: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv = process.env,
): LotseConfig {
  const fileContext = (name: string): Record<string, unknown> => {
    const path = join(root, name);
    if (!existsSync(path)) return {};
    const json = JSON.parse(readFileSync(path, 'utf8')) as { context?: Record<string, unknown> };
    return name === 'cdk.json' ? (json.context ?? {}) : (json as Record<string, unknown>);
  };
  const app = new App({
    context: { ...fileContext('cdk.json'), ...fileContext('cdk.context.json'), ...context },
  });
  return readConfig(app.node, env);
}
