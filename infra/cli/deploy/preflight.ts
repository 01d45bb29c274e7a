import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SSMClient } from '@aws-sdk/client-ssm';
import type { STSClient } from '@aws-sdk/client-sts';
import type { LotseConfig } from '../../config.ts';
import { defaultTimeoutMs } from './aws-call.ts';
import { checkBootstrap, checkCredentials, checkSandbox, checkSenderIdentity } from './aws-checks.ts';
import type { CheckResult } from './check-result.ts';
import { checkFirstAdmin, checkSenderAddress } from './local-checks.ts';

export interface PreflightClients {
  readonly sts: STSClient;
  readonly ssm: SSMClient;
  readonly ses: SESv2Client;
}

export interface Preflight {
  readonly results: readonly CheckResult[];
  /** The account of the credentials, when they work. */
  readonly account: string | undefined;
  readonly verdict: 'ok' | 'warn' | 'fail';
}

/**
 * Every check, in the order they print: first those that need no AWS (a wrong sender stops the
 * deploy even without credentials), then the credentials, and only with working credentials the
 * bootstrap, the sender's SES identity and the sandbox. Each result goes to `onResult` as soon as
 * it is known.
 */
export async function runPreflight(
  config: Pick<LotseConfig, 'region' | 'mailFrom' | 'mailFromUndeliverable' | 'adminEmail'> & {
    /** `--profile` of the deploy, for the commands the checks print. */
    readonly profile?: string;
  },
  clients: PreflightClients,
  onResult: (result: CheckResult) => void = () => {},
  timeoutMs = defaultTimeoutMs,
): Promise<Preflight> {
  const results: CheckResult[] = [];
  const record = (result: CheckResult) => {
    results.push(result);
    onResult(result);
  };
  const sender = checkSenderAddress(config);
  record(sender);
  record(checkFirstAdmin(config));
  const caller = await checkCredentials(clients.sts, timeoutMs);
  record(caller.result);
  if (caller.account) {
    record(await checkBootstrap(clients.ssm, caller.account, config.region, timeoutMs, config.profile));
    if (sender.status === 'ok')
      record(await checkSenderIdentity(clients.ses, config.mailFrom, config.region, timeoutMs));
    record(await checkSandbox(clients.ses, config.region, timeoutMs));
  }
  const verdict = results.some((r) => r.status === 'fail')
    ? 'fail'
    : results.some((r) => r.status === 'warn')
      ? 'warn'
      : 'ok';
  return { results, account: caller.account, verdict };
}
