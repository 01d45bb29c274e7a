import {
  GetAccountCommand,
  type GetAccountCommandOutput,
  GetEmailIdentityCommand,
  type GetEmailIdentityCommandOutput,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { describeAwsError, sentences, withTimeout } from './aws-call.ts';
import { type CheckResult, fail, ok, warn } from './check-result.ts';

export const bootstrapVersionParameter = '/cdk-bootstrap/hnb659fds/version';
/** The oldest bootstrap version the stacks accept (their BootstrapVersion rule). */
export const minimumBootstrapVersion = 6;
export const sandboxHelp = 'https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html';

export interface CallerCheck {
  readonly result: CheckResult;
  /** The account of the credentials, when they work. */
  readonly account?: string;
}

/** Are there credentials, and which account do they belong to? (Needs no permission.) */
export async function checkCredentials(sts: STSClient, timeoutMs: number): Promise<CallerCheck> {
  try {
    const me = await withTimeout(timeoutMs, (abortSignal) =>
      sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
    );
    return { result: ok(`AWS account ${me.Account} (${me.Arn})`), account: me.Account };
  } catch (error) {
    const problem = describeAwsError(error, 'sts:GetCallerIdentity');
    return { result: fail(`AWS credentials: ${problem.headline}.`, ...sentences(problem.words)) };
  }
}

/** Has `cdk bootstrap` prepared this account and region (the bucket and roles the deploy uses)? */
export async function checkBootstrap(
  ssm: SSMClient,
  account: string,
  region: string,
  timeoutMs: number,
  profile?: string,
): Promise<CheckResult> {
  const command = `npx cdk bootstrap aws://${account}/${region}${profile ? ` --profile ${profile}` : ''}`;
  try {
    const answer = await withTimeout(timeoutMs, (abortSignal) =>
      ssm.send(new GetParameterCommand({ Name: bootstrapVersionParameter }), { abortSignal }),
    );
    const version = Number(answer.Parameter?.Value);
    if (Number.isFinite(version) && version < minimumBootstrapVersion) {
      return fail(
        `CDK bootstrap in ${region} is version ${version}, too old for these stacks.`,
        `Update it once: ${command}`,
      );
    }
    return ok(`CDK bootstrapped in ${region} (version ${answer.Parameter?.Value})`);
  } catch (error) {
    if ((error as { name?: string }).name === 'ParameterNotFound') {
      return fail(
        `Account ${account} is not prepared for the CDK in ${region} (not bootstrapped).`,
        `Run once: ${command}`,
      );
    }
    return warn(
      `CDK bootstrap in ${region}: could not check.`,
      ...sentences(describeAwsError(error, 'ssm:GetParameter').words),
    );
  }
}

type Identity = GetEmailIdentityCommandOutput | undefined;

async function findIdentity(ses: SESv2Client, name: string, timeoutMs: number): Promise<Identity> {
  try {
    return await withTimeout(timeoutMs, (abortSignal) =>
      ses.send(new GetEmailIdentityCommand({ EmailIdentity: name }), { abortSignal }),
    );
  } catch (error) {
    if ((error as { name?: string }).name === 'NotFoundException') return undefined;
    throw error;
  }
}

/**
 * Is the sender verified in SES in this region, as a domain identity (DKIM) or as an address
 * identity? A domain identity covers every address at the domain, so it is looked up first.
 */
export async function checkSenderIdentity(
  ses: SESv2Client,
  mailFrom: string,
  region: string,
  timeoutMs: number,
): Promise<CheckResult> {
  const domain = mailFrom.slice(mailFrom.lastIndexOf('@') + 1);
  let byDomain: Identity;
  let byAddress: Identity;
  try {
    byDomain = await findIdentity(ses, domain, timeoutMs);
    if (!byDomain?.VerifiedForSendingStatus) byAddress = await findIdentity(ses, mailFrom, timeoutMs);
  } catch (error) {
    return warn(
      `Sender ${mailFrom} in SES (${region}): could not check.`,
      ...sentences(describeAwsError(error, 'ses:GetEmailIdentity').words),
    );
  }
  if (byDomain?.VerifiedForSendingStatus) {
    return ok(`Sender domain ${domain} is verified in SES (${region}, domain identity with DKIM)`);
  }
  if (byAddress?.VerifiedForSendingStatus) {
    return ok(`Sender ${mailFrom} is verified in SES (${region}, address identity)`);
  }
  if (byDomain) {
    const dkim = byDomain.DkimAttributes?.Status ?? 'NOT_STARTED';
    return warn(
      `Sender domain ${domain} is in SES (${region}, domain identity) but not verified yet (DKIM ${dkim}).`,
      'Add the DKIM records printed at the end of the deploy to your DNS (they are also in the SES',
      'console under Identities). No mail goes out until SES finds them; it looks for up to 72 hours.',
    );
  }
  if (byAddress) {
    return warn(
      `Sender ${mailFrom} is in SES (${region}, address identity) but not verified yet.`,
      `Click the link SES sent to ${mailFrom}; no mail goes out until then. The SES console`,
      '(Identities) can send it again.',
    );
  }
  return warn(
    `Sender domain ${domain} is not in SES (${region}) yet.`,
    `The deploy creates the domain identity for ${domain}. Add the DKIM records printed at the end`,
    "to your domain's DNS; mail goes out once SES finds them (minutes, at most 72 hours).",
  );
}

/** In the SES sandbox, mail goes only to verified addresses, 200 a day. */
export async function checkSandbox(
  ses: SESv2Client,
  region: string,
  timeoutMs: number,
): Promise<CheckResult> {
  let account: GetAccountCommandOutput;
  try {
    account = await withTimeout(timeoutMs, (abortSignal) =>
      ses.send(new GetAccountCommand({}), { abortSignal }),
    );
  } catch (error) {
    return warn(
      `SES sandbox in ${region}: could not check.`,
      ...sentences(describeAwsError(error, 'ses:GetAccount').words),
    );
  }
  if (account.SendingEnabled === false) {
    return warn(
      `SES sending is paused for this account in ${region}.`,
      'See the SES console, Account dashboard and Reputation metrics, for why and how to resume it.',
    );
  }
  if (account.ProductionAccessEnabled) {
    const quota = account.SendQuota?.Max24HourSend;
    return ok(
      `SES production access in ${region}${quota ? ` (up to ${quota.toLocaleString('en')} mails a day)` : ''}`,
    );
  }
  const pending =
    account.Details?.ReviewDetails?.Status === 'PENDING'
      ? ['Your request for production access is being reviewed.']
      : [`Request production access (AWS answers within a day): ${sandboxHelp}`];
  return warn(
    `SES in ${region} is in the sandbox: mail goes only to verified addresses, at most 200 in 24 hours.`,
    ...pending,
    'Until then, verify each test recipient in the SES console (Identities, Create identity).',
  );
}
