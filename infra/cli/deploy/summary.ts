import { GetEmailIdentityCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { withTimeout } from './aws-call.ts';
import type { FirstAdmin } from './first-admin.ts';

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
  /** What the deploy did about the first admin; undefined when it did nothing (no e-mail, `--no-admin`). */
  readonly firstAdmin?: FirstAdmin;
  /** `--no-admin` was given. */
  readonly noAdmin?: boolean;
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

  lines.push('', ...firstAdminLines(input, stateful.UserPoolId, web ? `${web}/console` : '<WebUrl>/console'));
  return lines;
}

/** The first admin: what the deploy did, or the AWS CLI commands that do the same by hand. */
function firstAdminLines(input: SummaryInput, poolId: string | undefined, consoleUrl: string): string[] {
  const admin = input.firstAdmin;
  const signIn = `sign in at ${consoleUrl}`;
  if (admin?.status === 'invited')
    return [
      `First admin: ${admin.email} — invitation sent by e-mail (temporary password, valid ${admin.days} days); ${signIn}`,
      '  and choose your own password there.',
      ...(admin.tableProblem
        ? [
            '! Its staff profile or audit entry in the table was not written:',
            ...admin.tableProblem.map((sentence) => `    ${sentence}`),
            '  The admin can sign in and manage Lotse all the same; the next npm run deploy writes the profile.',
          ]
        : []),
    ];
  if (admin?.status === 'exists') {
    const made = admin.madeAdmin ? ', now in the group admin with every form' : '';
    if (admin.invitation === 'accepted')
      return [`First admin: ${admin.email} already exists${made}; ${signIn}`];
    if (admin.invitation === 'resent')
      return [
        `First admin: ${admin.email} already exists${made} — invitation sent again by e-mail (temporary password, valid ${admin.days} days); ${signIn}`,
      ];
    return [
      `First admin: ${admin.email} already exists${made}; the invitation${admin.sentOn ? ` of ${admin.sentOn}` : ''} is not answered yet (valid ${admin.days} days).`,
      `  Use the temporary password from that mail to ${signIn}. Lost or expired? Send it again:`,
      '  the same npm run deploy command with --resend-invite, or Users in the console (another admin).',
    ];
  }
  if (admin?.status === 'left')
    return [`First admin: ${admin.email} already exists and ${admin.why}. Nothing was changed.`];

  const email = admin?.email ?? input.adminEmail ?? 'you@your-organisation.org';
  const profile = input.profile ? ` --profile ${input.profile}` : '';
  const pool = `--region ${input.region}${profile} --user-pool-id ${poolId ?? '<UserPoolId>'}`;
  const head =
    admin?.status === 'failed'
      ? [
          `! First admin: ${email} was not created.`,
          ...admin.problem.map((sentence) => `    ${sentence}`),
          '  The stacks are deployed. Create the first admin with the AWS CLI instead (docs/deploy.md, "The first admin"),',
          '  or run the same npm run deploy command again once that is fixed:',
        ]
      : [
          input.noAdmin
            ? 'First admin: not created (--no-admin). To create one with the AWS CLI (docs/deploy.md, "The first admin"):'
            : 'First admin: none given (lotse:adminEmail). To create one with the AWS CLI (docs/deploy.md, "The first admin"):',
        ];
  return [
    ...head,
    '',
    `  aws cognito-idp admin-create-user ${pool} --username ${email} \\`,
    `    --user-attributes Name=email,Value=${email} Name=email_verified,Value=true --desired-delivery-mediums EMAIL`,
    `  aws cognito-idp admin-add-user-to-group ${pool} --username ${email} --group-name admin`,
    '',
    `Cognito mails a temporary password; ${signIn} with it and choose your own.`,
  ];
}
