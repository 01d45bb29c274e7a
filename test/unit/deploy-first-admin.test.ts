import { writeFileSync } from 'node:fs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeployArgs } from '../../infra/cli/deploy/args.ts';
import { ensureFirstAdmin, type FirstAdmin } from '../../infra/cli/deploy/first-admin.ts';
import { deploySummary } from '../../infra/cli/deploy/summary.ts';
import { runDeployCli } from '../../infra/cli/deploy.ts';
import {
  type FakeAws,
  type FakeUser,
  json11Error,
  startFakeAws,
  temporaryPasswordDays,
  userPoolId,
} from '../support/fake-aws.ts';

const region = 'eu-central-1';
const keys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };
const tableName = 'prod-lotse-table';
const email = 'alex@verein-lotsen.de';
const at = new Date('2026-12-02T03:00:00.000Z');

let aws: FakeAws;
beforeEach(async () => {
  aws = await startFakeAws();
});
afterEach(async () => {
  await aws.close();
});

/** Real SDK clients, sending to the fake; one attempt, so a fault shows at once. */
function clients() {
  const options = { region, endpoint: aws.endpoint, maxAttempts: 1, credentials: keys };
  return { cognito: new CognitoIdentityProviderClient(options), dynamo: new DynamoDBClient(options) };
}

const ensure = (
  input: Partial<Parameters<typeof ensureFirstAdmin>[0]> = {},
  timeoutMs = 5_000,
): Promise<FirstAdmin> =>
  ensureFirstAdmin({ email, userPoolId, tableName, ...input }, clients(), timeoutMs, () => at);

const bodiesOf = (operation: string) =>
  aws.calls.filter((call) => call.operation === operation).map((call) => call.body);

/** The fake table's item, decoded from DynamoDB JSON just enough to read it. */
function itemAt(pk: string, sk: string) {
  const item = aws.items.get(`${pk}|${sk}`);
  if (!item) return undefined;
  return Object.fromEntries(
    Object.entries(item).map(([key, value]) => {
      const v = value as { S?: string; L?: { S: string }[] };
      return [key, v.S ?? v.L?.map((entry) => entry.S) ?? value];
    }),
  );
}

const existing = (status: FakeUser['status'], groups: string[] = []): FakeUser => ({
  sub: '11111111-2222-3333-4444-555555555555',
  status,
  enabled: true,
  groups: new Set(groups),
  invitations: 1,
});

describe('npm run deploy: the first admin', () => {
  it('invites the admin like the console: Cognito mails the invitation, group admin, staff profile, audit entry', async () => {
    const result = await ensure({ email: 'Alex@Verein-Lotsen.de' });
    expect(result).toEqual({ status: 'invited', email, days: temporaryPasswordDays });

    expect(bodiesOf('cognito-idp:AdminCreateUser')).toEqual([
      {
        UserPoolId: userPoolId,
        Username: email,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'locale', Value: 'de' },
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      },
    ]);
    // No password is chosen here: Cognito makes the temporary one and mails it.
    const created = JSON.stringify(bodiesOf('cognito-idp:AdminCreateUser'));
    expect(created).not.toMatch(/Password|MessageAction/);

    const user = aws.users.get(email);
    expect(user?.invitations).toBe(1);
    expect(bodiesOf('cognito-idp:AdminAddUserToGroup')).toEqual([
      { UserPoolId: userPoolId, Username: user?.sub, GroupName: 'admin' },
    ]);
    expect([...(user?.groups ?? [])]).toEqual(['admin']);

    const profile = itemAt(`STAFF#${user?.sub}`, 'PROFILE');
    expect(profile).toMatchObject({
      type: 'StaffProfile',
      sub: user?.sub,
      username: user?.sub,
      role: 'admin',
      forms: ['*'],
      updatedBy: 'npm run deploy',
      updatedAt: at.toISOString(),
    });
    // The table gets no e-mail address: the profile names the account by its sub.
    expect(JSON.stringify([...aws.items.values()])).not.toContain('alex');
    const audit = [...aws.items.values()].filter((item) => (item.type as { S: string }).S === 'AuditEntry');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).toContain('user.invite');
    expect(bodiesOf('dynamodb:PutItem').every((body) => body?.TableName === tableName)).toBe(true);
  });

  it('is idempotent: a second run finds the account, invites nobody and writes nothing', async () => {
    await ensure();
    const puts = bodiesOf('dynamodb:PutItem').length;
    const second = await ensure();
    expect(second).toEqual({
      status: 'exists',
      email,
      days: temporaryPasswordDays,
      invitation: 'pending',
      madeAdmin: false,
      sentOn: '2026-01-01',
    });
    expect(aws.users.get(email)?.invitations).toBe(1);
    expect(aws.users.size).toBe(1);
    expect(bodiesOf('dynamodb:PutItem')).toHaveLength(puts);
    expect([...(aws.users.get(email)?.groups ?? [])]).toEqual(['admin']);
  });

  it('UsernameExistsException: an account made by hand becomes admin (group, profile), and is not invited again', async () => {
    aws.users.set(email, existing('CONFIRMED'));
    const result = await ensure();
    expect(result).toMatchObject({ status: 'exists', invitation: 'accepted', madeAdmin: true });
    expect(aws.calls.map((call) => call.operation)).toContain('cognito-idp:AdminGetUser');
    expect(bodiesOf('cognito-idp:AdminAddUserToGroup')).toEqual([
      { UserPoolId: userPoolId, Username: '11111111-2222-3333-4444-555555555555', GroupName: 'admin' },
    ]);
    expect(itemAt('STAFF#11111111-2222-3333-4444-555555555555', 'PROFILE')).toMatchObject({
      role: 'admin',
      forms: ['*'],
    });
    expect(aws.users.get(email)?.invitations).toBe(1);

    const text = deploySummary({
      stage: 'prod',
      region,
      adminEmail: email,
      outputs: { 'prod-lotse-stateless': { WebUrl: 'https://d1.cloudfront.net' } },
      dkim: [],
      firstAdmin: result,
    }).join('\n');
    expect(text).toContain(
      `First admin: ${email} already exists, now in the group admin with every form; sign in at https://d1.cloudfront.net/console`,
    );
  });

  it('leaves an account alone that an admin gave another role', async () => {
    await ensure();
    const sub = aws.users.get(email)?.sub ?? '';
    const profile = aws.items.get(`STAFF#${sub}|PROFILE`) ?? {};
    aws.items.set(`STAFF#${sub}|PROFILE`, { ...profile, role: { S: 'viewer' } });
    const groupsBefore = bodiesOf('cognito-idp:AdminAddUserToGroup').length;
    const result = await ensure();
    expect(result).toMatchObject({ status: 'left' });
    expect(result.status === 'left' && result.why).toContain('has the role viewer');
    expect(bodiesOf('cognito-idp:AdminAddUserToGroup')).toHaveLength(groupsBefore);
  });

  it('--resend-invite mails the unanswered invitation again (RESEND), and only then', async () => {
    aws.users.set(email, existing('FORCE_CHANGE_PASSWORD', ['admin']));
    await ensure();
    expect(aws.users.get(email)?.invitations).toBe(1);
    const result = await ensure({ resendInvite: true });
    expect(result).toMatchObject({ status: 'exists', invitation: 'resent' });
    expect(aws.users.get(email)?.invitations).toBe(2);
    expect(bodiesOf('cognito-idp:AdminCreateUser').at(-1)).toEqual({
      UserPoolId: userPoolId,
      Username: '11111111-2222-3333-4444-555555555555',
      MessageAction: 'RESEND',
      DesiredDeliveryMediums: ['EMAIL'],
    });
  });

  it('access denied: plain words naming the permission, no stack trace', async () => {
    aws.answer('cognito-idp:AdminCreateUser', () =>
      json11Error('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized', 400),
    );
    const result = await ensure();
    expect(result.status).toBe('failed');
    const words = result.status === 'failed' ? result.problem.join(' ') : '';
    expect(words).toContain('Access denied.');
    expect(words).toContain('may not call cognito-idp:AdminCreateUser');
    expect(words).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('a table that refuses the profile: the admin is invited all the same, and the next run writes the profile', async () => {
    aws.answer('dynamodb:PutItem', () =>
      json11Error('com.amazonaws.dynamodb.v20120810#AccessDeniedException', 'not authorized'),
    );
    const result = await ensure();
    expect(result).toMatchObject({ status: 'invited', email });
    const words = result.status === 'invited' ? (result.tableProblem ?? []).join(' ') : '';
    expect(words).toContain('may not call dynamodb:PutItem');
    expect([...(aws.users.get(email)?.groups ?? [])]).toEqual(['admin']);

    const restarted = await startFakeAws();
    await aws.close();
    aws = restarted;
    aws.users.set(email, existing('FORCE_CHANGE_PASSWORD', ['admin']));
    expect(await ensure()).toMatchObject({ status: 'exists', invitation: 'pending', madeAdmin: true });
    expect(itemAt('STAFF#11111111-2222-3333-4444-555555555555', 'PROFILE')).toMatchObject({ role: 'admin' });
  });

  it('a pool that does not exist, and an address Cognito refuses, in plain words', async () => {
    const missing = await ensure({ userPoolId: 'eu-central-1_Gone' });
    expect(missing).toMatchObject({
      status: 'failed',
      problem: ['The user pool eu-central-1_Gone was not found in this account and region.'],
    });
    const invalid = await ensure({ email: 'not an address' });
    expect(invalid.status === 'failed' && invalid.problem[0]).toContain('is not an e-mail address');
    expect(aws.users.size).toBe(0);
  });

  it('no UserPoolId in the outputs: says so, calls nothing', async () => {
    const result = await ensure({ userPoolId: undefined });
    expect(result.status === 'failed' && result.problem[0]).toContain('name no UserPoolId');
    expect(aws.calls).toEqual([]);
  });

  it('no answer in time becomes plain words too', async () => {
    aws.answer('cognito-idp:DescribeUserPool', () => 'hang');
    const result = await ensure({}, 100);
    expect(result.status === 'failed' && result.problem.join(' ')).toContain('No answer from AWS.');
  });
});

describe('npm run deploy: the first admin in the summary', () => {
  const outputs = {
    'prod-lotse-stateful': { UserPoolId: userPoolId, TableName: tableName },
    'prod-lotse-stateless': { WebUrl: 'https://d1.cloudfront.net', ApiUrl: 'https://d1.cloudfront.net/api' },
  };
  const summary = (firstAdmin: FirstAdmin | undefined, extra: { noAdmin?: boolean } = {}) =>
    deploySummary({ stage: 'prod', region, adminEmail: email, outputs, dkim: [], firstAdmin, ...extra }).join(
      '\n',
    );

  it('invited: one line with the address, the validity and where to sign in', () => {
    expect(summary({ status: 'invited', email, days: 7 })).toContain(
      `First admin: ${email} — invitation sent by e-mail (temporary password, valid 7 days); sign in at https://d1.cloudfront.net/console`,
    );
  });

  it('pending: says the invitation waits and how to send it again', () => {
    const text = summary({
      status: 'exists',
      email,
      days: 7,
      invitation: 'pending',
      madeAdmin: false,
      sentOn: '2026-11-30',
    });
    expect(text).toContain(
      `First admin: ${email} already exists; the invitation of 2026-11-30 is not answered yet`,
    );
    expect(text).toContain('--resend-invite');
  });

  it('failed: the problem, that the stacks are deployed, and the AWS CLI commands as the way out', () => {
    const text = summary({
      status: 'failed',
      email,
      problem: ['Access denied.', 'Your AWS user or role may not call cognito-idp:AdminCreateUser.'],
    });
    expect(text).toContain(`! First admin: ${email} was not created.\n    Access denied.`);
    expect(text).toContain('The stacks are deployed.');
    expect(text).toContain(
      `aws cognito-idp admin-create-user --region ${region} --user-pool-id ${userPoolId} --username ${email}`,
    );
    expect(text).toContain('--desired-delivery-mediums EMAIL');
    expect(text).toContain(
      `admin-add-user-to-group --region ${region} --user-pool-id ${userPoolId} --username ${email} --group-name admin`,
    );
    expect(text).not.toContain('password "$PASSWORD"');
  });

  it('--no-admin: says so and shows the commands', () => {
    const text = summary(undefined, { noAdmin: true });
    expect(text).toContain('First admin: not created (--no-admin).');
    expect(text).toContain('admin-create-user');
  });
});

describe('npm run deploy: creating the first admin after cdk deploy', () => {
  const sender = ['-c', 'lotse:mailFrom=lotse@verein-lotsen.de', '-c', `lotse:adminEmail=${email}`];
  const outputs = {
    'prod-lotse-stateful': { UserPoolId: userPoolId, TableName: tableName },
    'prod-lotse-stateless': { WebUrl: 'https://d1.cloudfront.net', ApiUrl: 'https://d1.cloudfront.net/api' },
  };

  async function deploy(argv: string[], written: object = outputs) {
    const printed: string[] = [];
    let deploys = 0;
    const code = await runDeployCli(argv, {
      env: { ...process.env },
      out: (line) => printed.push(line),
      aws: { endpoint: aws.endpoint, credentials: keys },
      timeoutMs: 5_000,
      confirm: async () => false,
      buildWeb: async () => false,
      runCdk: async (args) => {
        deploys += 1;
        writeFileSync(args[args.indexOf('--outputs-file') + 1] as string, JSON.stringify(written));
        return 0;
      },
    });
    return { code, deploys, printed: printed.join('\n') };
  }

  it('invites the admin once; the second deploy says it exists', async () => {
    const first = await deploy(sender);
    expect(first.code).toBe(0);
    expect(first.printed).toContain(
      `First admin: ${email} — invitation sent by e-mail (temporary password, valid 7 days); sign in at https://d1.cloudfront.net/console`,
    );
    const second = await deploy(sender);
    expect(second.code).toBe(0);
    expect(second.printed).toContain(`First admin: ${email} already exists`);
    expect(aws.users.get(email)?.invitations).toBe(1);
  });

  it('a failure to create the admin leaves the deploy successful, with the commands to do it by hand', async () => {
    aws.answer('cognito-idp:DescribeUserPool', () => json11Error('AccessDeniedException', 'not authorized'));
    const { code, printed } = await deploy(sender);
    expect(code).toBe(0);
    expect(printed).toContain('Lotse prod is deployed in eu-central-1.');
    expect(printed).toContain('may not call cognito-idp:DescribeUserPool');
    expect(printed).toContain('The stacks are deployed.');
    expect(printed).toContain(`--user-pool-id ${userPoolId} --username ${email} --group-name admin`);
    expect(printed).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it('outputs without the user pool: plain words and the commands with a placeholder', async () => {
    const { code, printed } = await deploy(sender, {
      'prod-lotse-stateless': outputs['prod-lotse-stateless'],
    });
    expect(code).toBe(0);
    expect(printed).toContain("The stateful stack's outputs name no UserPoolId");
    expect(printed).toContain('--user-pool-id <UserPoolId>');
    expect(aws.calls.some((call) => call.operation.startsWith('cognito-idp:'))).toBe(false);
  });

  it('--no-admin creates nothing; --check-only neither', async () => {
    const skipped = await deploy([...sender, '--no-admin']);
    expect(skipped.code).toBe(0);
    expect(skipped.printed).toContain('First admin: not created (--no-admin).');
    const checked = await deploy([...sender, '--check-only']);
    expect(checked.deploys).toBe(0);
    expect(aws.calls.some((call) => call.operation.startsWith('cognito-idp:'))).toBe(false);
    expect(aws.users.size).toBe(0);
  });

  it("the flags are ours, not cdk deploy's", () => {
    const args = parseDeployArgs(['--no-admin', '--resend-invite', '--profile', 'p']);
    expect(args).toMatchObject({ noAdmin: true, resendInvite: true, passThrough: ['--profile', 'p'] });
  });
});
