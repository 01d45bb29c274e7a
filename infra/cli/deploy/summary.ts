import { GetEmailIdentityCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { withTimeout } from './aws-call.ts';

/** `cdk deploy --outputs-file`: stack name → output key → value. */
export type StackOutputs = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface DnsRecord {
  readonly name: string;
  readonly type: 'CNAME';
  readonly value: string;
}

export interface SummaryInput {
  readonly stage: string;
  readonly region: string;
  readonly adminEmail: string | undefined;
  /** `--profile` of the deploy, so the printed AWS CLI commands use the same account. */
  readonly profile?: string;
  readonly outputs: StackOutputs;
  /** DKIM records still to add to DNS; empty when SES has found them; undefined when SES could not say. */
  readonly dkim: readonly DnsRecord[] | undefined;
}

/**
 * The DKIM records an SES domain identity waits for: none when it is verified or there is no domain
 * identity, undefined when SES could not be asked.
 */
export async function pendingDkimRecords(
  ses: SESv2Client,
  mailFrom: string,
  timeoutMs: number,
): Promise<DnsRecord[] | undefined> {
  const domain = mailFrom.slice(mailFrom.lastIndexOf('@') + 1);
  try {
    const identity = await withTimeout(timeoutMs, (abortSignal) =>
      ses.send(new GetEmailIdentityCommand({ EmailIdentity: domain }), { abortSignal }),
    );
    if (identity.DkimAttributes?.Status === 'SUCCESS') return [];
    return (identity.DkimAttributes?.Tokens ?? []).map((token) => ({
      name: `${token}._domainkey.${domain}`,
      type: 'CNAME',
      value: `${token}.dkim.amazonses.com`,
    }));
  } catch (error) {
    return (error as { name?: string }).name === 'NotFoundException' ? [] : undefined;
  }
}

/** A Cognito user name from an e-mail address: the pool takes the address as a second way to sign in, not as the name. */
export function userNameFor(email: string | undefined): string {
  const local = (email ?? '').slice(0, Math.max(0, (email ?? '').indexOf('@'))).toLowerCase();
  const name = local.replace(/[^a-z0-9._-]/g, '');
  return name || 'admin';
}

/** What the admin needs after the deploy: where Lotse is, the DNS records for mail, and the first sign-in. */
export function deploySummary(input: SummaryInput): string[] {
  const stateful = input.outputs[`${input.stage}-lotse-stateful`] ?? {};
  const stateless = input.outputs[`${input.stage}-lotse-stateless`] ?? {};
  const web = stateless.WebUrl;
  const lines = [`Lotse ${input.stage} is deployed in ${input.region}.`, ''];
  if (web) {
    lines.push(
      `  Web app   ${web}`,
      `  Console   ${web}/console`,
      `  API       ${stateless.ApiUrl ?? `${web}/api`}`,
    );
  } else {
    lines.push('  (The outputs name no WebUrl; see them with `aws cloudformation describe-stacks`.)');
  }

  const dkimOutputs = Object.entries({ ...stateful, ...stateless }).filter(([key]) => /dkim/i.test(key));
  if (input.dkim && input.dkim.length > 0) {
    lines.push('', 'Mail: add these DNS records at your domain (DKIM), so SES verifies the sender:');
    for (const record of input.dkim) lines.push(`  ${record.name}  ${record.type}  ${record.value}`);
  } else if (input.dkim === undefined && dkimOutputs.length > 0) {
    lines.push('', 'Mail: add these DNS records at your domain (DKIM), so SES verifies the sender:');
    for (const [key, value] of dkimOutputs) lines.push(`  ${key}: ${value}`);
  }

  const poolId = stateful.UserPoolId;
  const user = userNameFor(input.adminEmail);
  const email = input.adminEmail ?? 'you@your-organisation.org';
  const profile = input.profile ? ` --profile ${input.profile}` : '';
  const pool = `--region ${input.region}${profile} --user-pool-id ${poolId ?? '<UserPoolId>'}`;
  lines.push(
    '',
    'First sign-in: create the first admin once (docs/deploy.md, "The first admin"):',
    '',
    `  aws cognito-idp admin-create-user ${pool} --username ${user} \\`,
    `    --user-attributes Name=email,Value=${email} Name=email_verified,Value=true --message-action SUPPRESS`,
    `  aws cognito-idp admin-add-user-to-group ${pool} --username ${user} --group-name admin`,
    "  read -rs -p 'Password: ' PASSWORD && echo",
    `  aws cognito-idp admin-set-user-password ${pool} --username ${user} --password "$PASSWORD" --permanent`,
    '  unset PASSWORD',
    '',
    `Then sign in at ${web ? `${web}/console` : '<WebUrl>/console'} as ${user} (or ${email}) with that password:`,
    'at least 12 characters with upper case, lower case and digits.',
  );
  return lines;
}
