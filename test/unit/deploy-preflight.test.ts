import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdkDeployArgs, parseDeployArgs } from '../../infra/cli/deploy/args.ts';
import { type CheckResult, formatCheck } from '../../infra/cli/deploy/check-result.ts';
import {
  currentOriginSecret,
  newOriginSecret,
  originSecretParameters,
  RotationError,
  withoutSecrets,
} from '../../infra/cli/deploy/origin-secret.ts';
import { type PreflightClients, runPreflight } from '../../infra/cli/deploy/preflight.ts';
import { deploySummary, pendingDkimRecords } from '../../infra/cli/deploy/summary.ts';
import { runDeployCli } from '../../infra/cli/deploy.ts';
import {
  account,
  bootstrapVersion,
  emailIdentity,
  type FakeAws,
  functionConfiguration,
  json11Error,
  noSuchIdentity,
  queryError,
  restError,
  sesAccount,
  stackFunctions,
  startFakeAws,
} from '../support/fake-aws.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const region = 'eu-central-1';
const config = {
  region,
  mailFrom: 'lotse@verein-lotsen.de',
  mailFromUndeliverable: undefined,
  adminEmail: 'alex@verein-lotsen.de',
};
const keys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' };

let aws: FakeAws;
beforeEach(async () => {
  aws = await startFakeAws();
});
afterEach(async () => {
  await aws.close();
});

/** Real SDK clients, sending to the fake; one attempt, so a fault shows at once. */
function clientsFor(endpoint: string, credentials: typeof keys | 'default chain' = keys): PreflightClients {
  const options = {
    region,
    endpoint,
    maxAttempts: 1,
    ...(credentials === 'default chain' ? {} : { credentials }),
  };
  return { sts: new STSClient(options), ssm: new SSMClient(options), ses: new SESv2Client(options) };
}

async function preflight(options: { timeoutMs?: number; clients?: PreflightClients } = {}) {
  const printed: string[] = [];
  const result = await runPreflight(
    config,
    options.clients ?? clientsFor(aws.endpoint),
    (r) => printed.push(formatCheck(r)),
    options.timeoutMs ?? 5_000,
  );
  return { ...result, printed: printed.join('\n') };
}

const lineOf = (results: readonly CheckResult[], start: RegExp) => {
  const found = results.find((r) => start.test(r.line));
  if (!found) throw new Error(`no check line matches ${start}: ${results.map((r) => r.line).join(' | ')}`);
  return found;
};

describe('npm run deploy: the checks before deploying', () => {
  it('passes every check on a ready account and prints one ✔ line each, sender first', async () => {
    const { verdict, account: found, printed } = await preflight();
    expect(verdict).toBe('ok');
    expect(found).toBe(account);
    expect(printed.split('\n')).toEqual([
      '✔ Sender lotse@verein-lotsen.de (lotse:mailFrom)',
      '✔ First admin alex@verein-lotsen.de (lotse:adminEmail)',
      `✔ AWS account ${account} (arn:aws:iam::${account}:user/alex)`,
      '✔ CDK bootstrapped in eu-central-1 (version 28)',
      '✔ Sender domain verein-lotsen.de is verified in SES (eu-central-1, domain identity with DKIM)',
      '✔ SES production access in eu-central-1 (up to 50,000 mails a day)',
    ]);
    expect(aws.calls.find((c) => c.operation === 'ssm:GetParameter')?.subject).toBe(
      '/cdk-bootstrap/hnb659fds/version',
    );
  });

  it('stops when the account is not bootstrapped and gives the exact bootstrap command', async () => {
    aws.answer('ssm:GetParameter', () => json11Error('ParameterNotFound', 'not found'));
    const { verdict, results } = await preflight();
    expect(verdict).toBe('fail');
    const line = lineOf(results, /bootstrap/);
    expect(line.status).toBe('fail');
    expect(line.fix).toContain(`Run once: npx cdk bootstrap aws://${account}/${region}`);
  });

  it('names the profile in the bootstrap command when the deploy uses one', async () => {
    aws.answer('ssm:GetParameter', () => json11Error('ParameterNotFound', 'not found'));
    const { results } = await runPreflight({ ...config, profile: 'lotse-admin' }, clientsFor(aws.endpoint));
    expect(lineOf(results, /bootstrap/).fix).toContain(
      `Run once: npx cdk bootstrap aws://${account}/${region} --profile lotse-admin`,
    );
  });

  it('stops when the bootstrap is older than the stacks accept', async () => {
    aws.answer('ssm:GetParameter', () => bootstrapVersion('5'));
    const line = lineOf((await preflight()).results, /bootstrap/);
    expect(line).toMatchObject({ status: 'fail', line: expect.stringContaining('version 5, too old') });
  });

  it('warns when the sender domain is in SES but its DKIM records are not found yet', async () => {
    aws.answer('ses:GetEmailIdentity', (call) =>
      call.subject.includes('@') ? noSuchIdentity() : emailIdentity({ type: 'DOMAIN', verified: false }),
    );
    const { verdict, results } = await preflight();
    expect(verdict).toBe('warn');
    const line = lineOf(results, /^Sender domain/);
    expect(line.status).toBe('warn');
    expect(line.line).toContain('domain identity');
    expect(line.line).toContain('DKIM PENDING');
    expect(line.fix?.join(' ')).toMatch(/DKIM records printed at the end/);
  });

  it('warns when only an address identity exists and it is not verified: the link in the mail', async () => {
    aws.answer('ses:GetEmailIdentity', (call) =>
      call.subject.includes('@')
        ? emailIdentity({ type: 'EMAIL_ADDRESS', verified: false })
        : noSuchIdentity(),
    );
    const line = lineOf((await preflight()).results, /^Sender lotse@verein-lotsen.de is in SES/);
    expect(line.status).toBe('warn');
    expect(line.line).toContain('address identity');
    expect(line.fix?.join(' ')).toContain('Click the link SES sent to lotse@verein-lotsen.de');
  });

  it('accepts a verified address identity when there is no domain identity', async () => {
    aws.answer('ses:GetEmailIdentity', (call) =>
      call.subject.includes('@')
        ? emailIdentity({ type: 'EMAIL_ADDRESS', verified: true })
        : noSuchIdentity(),
    );
    const { verdict, results } = await preflight();
    expect(verdict).toBe('ok');
    expect(lineOf(results, /^Sender lotse@verein-lotsen.de is verified/).line).toContain('address identity');
  });

  it('says the deploy creates the domain identity when SES knows neither domain nor address', async () => {
    aws.answer('ses:GetEmailIdentity', noSuchIdentity);
    const line = lineOf((await preflight()).results, /not in SES/);
    expect(line).toMatchObject({
      status: 'warn',
      line: 'Sender domain verein-lotsen.de is not in SES (eu-central-1) yet.',
    });
    expect(line.fix?.join(' ')).toContain('The deploy creates the domain identity for verein-lotsen.de');
  });

  it('warns about the SES sandbox: verified recipients only, 200 a day, and how to leave it', async () => {
    aws.answer('ses:GetAccount', () => sesAccount({ production: false }));
    const { verdict, printed } = await preflight();
    expect(verdict).toBe('warn');
    expect(printed).toContain(
      '! SES in eu-central-1 is in the sandbox: mail goes only to verified addresses, at most 200 in 24 hours.',
    );
    expect(printed).toContain('https://docs.aws.amazon.com/ses/latest/dg/request-production-access.html');
  });

  it('says a request to leave the sandbox is pending instead of asking for it again', async () => {
    aws.answer('ses:GetAccount', () => sesAccount({ production: false, reviewPending: true }));
    const { printed } = await preflight();
    expect(printed).toContain('Your request for production access is being reviewed.');
    expect(printed).not.toContain('request-production-access.html');
  });

  it('without credentials says `aws configure` / `aws sso login` in plain words and asks AWS nothing', async () => {
    const saved = { ...process.env };
    for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
    Object.assign(process.env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/lotse-test-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/lotse-test-credentials',
    });
    try {
      // The SDK's own default credential chain: environment, files, SSO, process, metadata.
      const {
        verdict,
        account: found,
        printed,
      } = await preflight({ clients: clientsFor(aws.endpoint, 'default chain') });
      expect(verdict).toBe('fail');
      expect(found).toBeUndefined();
      expect(printed).toContain('✖ AWS credentials: none found.');
      expect(printed).toContain('Run `aws configure` (access key of an IAM user) or `aws sso login`');
      expect(printed).not.toMatch(/\bat .+:\d+:\d+|Error:/);
      expect(aws.calls).toEqual([]);
    } finally {
      for (const name of Object.keys(process.env)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  it('turns credentials AWS does not accept into plain words', async () => {
    aws.answer('sts:GetCallerIdentity', () =>
      queryError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
    );
    const { verdict, printed } = await preflight();
    expect(verdict).toBe('fail');
    expect(printed).toContain('✖ AWS credentials: not accepted.');
    expect(printed).toContain('Check them with `aws configure`.');
  });

  it('names the missing permission when AWS denies access, and does not block on a check it cannot make', async () => {
    aws.answer('ssm:GetParameter', () =>
      json11Error('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized', 400),
    );
    aws.answer('ses:GetAccount', () => restError('AccessDeniedException', 'not authorized', 403));
    const { verdict, results } = await preflight();
    expect(verdict).toBe('warn');
    expect(lineOf(results, /bootstrap/)).toMatchObject({
      status: 'warn',
      line: 'CDK bootstrap in eu-central-1: could not check.',
    });
    expect(lineOf(results, /bootstrap/).fix?.[0]).toBe(
      'Your AWS user or role may not call ssm:GetParameter.',
    );
    expect(lineOf(results, /sandbox/).fix?.[0]).toBe('Your AWS user or role may not call ses:GetAccount.');
  });

  it('gives up on an AWS call that does not answer within the timeout, in plain words', async () => {
    aws.answer('sts:GetCallerIdentity', () => 'hang');
    const started = Date.now();
    const { verdict, printed } = await preflight({ timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(verdict).toBe('fail');
    expect(printed).toContain('✖ AWS credentials: no answer from AWS.');
    expect(printed).toContain('Check your internet connection or proxy');
  });

  it('times out each later check on its own and still prints the others', async () => {
    aws.answer('ses:GetEmailIdentity', () => 'hang');
    const { verdict, results } = await preflight({ timeoutMs: 300 });
    expect(verdict).toBe('warn');
    expect(lineOf(results, /^Sender lotse@verein-lotsen.de in SES/).status).toBe('warn');
    expect(lineOf(results, /production access/).status).toBe('ok');
  });

  it('says AWS cannot be reached when nothing listens', async () => {
    const closed = aws.endpoint;
    await aws.close();
    const { printed } = await preflight({ clients: clientsFor(closed) });
    expect(printed).toContain('✖ AWS credentials: AWS cannot be reached.');
    expect(printed).toContain('(ECONNREFUSED)');
    aws = await startFakeAws();
  });

  it('does not ask SES about a placeholder sender, and stops', async () => {
    const printed: string[] = [];
    const { verdict } = await runPreflight(
      {
        ...config,
        mailFrom: 'lotse@example.org',
        mailFromUndeliverable: 'example.org is reserved for examples and tests',
      },
      clientsFor(aws.endpoint),
      (r) => printed.push(formatCheck(r)),
    );
    expect(verdict).toBe('fail');
    expect(printed[0]).toMatch(/^✖ Sender lotse@example.org \(lotse:mailFrom\)/);
    expect(aws.calls.map((c) => c.operation)).not.toContain('ses:GetEmailIdentity');
  });
});

describe('npm run deploy: the command line', () => {
  const cli = (args: string[], extraEnv: Record<string, string> = {}) => {
    const env: NodeJS.ProcessEnv = {};
    for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('AWS_')) env[name] = value;
    Object.assign(env, {
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/lotse-test-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/lotse-test-credentials',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...extraEnv,
    });
    return spawnSync(process.execPath, ['--import', 'tsx', 'infra/cli/deploy.ts', ...args], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 45_000,
    });
  };

  it('--check-only with a placeholder sender stops with exit 1, names lotse:mailFrom, and deploys nothing', () => {
    const run = cli(['--check-only', '-c', 'lotse:mailFrom=lotse@example.org']);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    const first = lines.findIndex((line) => /^[✔✖!] /.test(line));
    expect(lines[first]).toBe(
      '✖ Sender lotse@example.org (lotse:mailFrom): example.org is reserved for examples and tests, no mail from it can be delivered.',
    );
    expect(run.stdout).toContain('npm run deploy -- -c lotse:mailFrom=lotse@your-organisation.org');
    expect(run.stdout).toContain('✖ AWS credentials: none found.');
    expect(run.stdout).toContain('Nothing was deployed.');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('with a real sender but no credentials stops with exit 1 and says how to sign in to AWS', () => {
    const run = cli(['--check-only', '-c', 'lotse:mailFrom=lotse@verein-lotsen.de']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✔ Sender lotse@verein-lotsen.de (lotse:mailFrom)');
    expect(run.stdout).toContain('`aws configure`');
    expect(run.stdout).toContain('`aws sso login`');
  });

  it('lists every bad configuration key before asking AWS anything', () => {
    const run = cli(['--check-only', '-c', 'lotse:stage=Prod', '-c', 'lotse:mailFrom=nobody']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('lotse:stage "Prod" must start with a lowercase letter');
    expect(run.stdout).toContain('lotse:mailFrom "nobody" is not an e-mail address');
    expect(run.stdout).not.toContain('AWS credentials');
  });
});

describe('npm run deploy: what it passes to cdk deploy', () => {
  it('passes the -c options on and keeps its own options to itself', () => {
    const args = parseDeployArgs([
      '-c',
      'lotse:mailFrom=lotse@verein-lotsen.de',
      '--context=lotse:stage=test',
      '--yes',
      '--check-only',
      '--profile',
      'lotse-admin',
    ]);
    expect(args).toMatchObject({
      yes: true,
      checkOnly: true,
      rotateOriginSecret: false,
      profile: 'lotse-admin',
    });
    expect(cdkDeployArgs(args, '/tmp/out.json')).toEqual([
      'cdk',
      'deploy',
      '--all',
      '--require-approval',
      'never',
      '--progress',
      'events',
      '--outputs-file',
      '/tmp/out.json',
      '-c',
      'lotse:mailFrom=lotse@verein-lotsen.de',
      '-c',
      'lotse:stage=test',
      '--profile',
      'lotse-admin',
    ]);
  });

  it('refuses a -c without key=value', () => {
    expect(() => parseDeployArgs(['-c', 'lotse:mailFrom'])).toThrow(/needs key=value/);
  });

  it('rotation: first the functions accept the new secret, then CloudFront sends it and the current one stays accepted; neither is shown', () => {
    const next = newOriginSecret();
    expect(next).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newOriginSecret()).not.toBe(next);
    const [learn, parameters] = originSecretParameters('prod-lotse-stateless', next, 'current-secret');
    expect(learn).toEqual(['--parameters', `prod-lotse-stateless:PreviousOriginSecret=${next}`]);
    expect(parameters).toEqual([
      '--parameters',
      `prod-lotse-stateless:OriginSecret=${next}`,
      '--parameters',
      'prod-lotse-stateless:PreviousOriginSecret=current-secret',
    ]);
    if (!parameters) throw new Error('no second deploy');
    const args = cdkDeployArgs(parseDeployArgs(['--rotate-origin-secret']), '/tmp/o.json', parameters);
    expect(args.slice(-4)).toEqual(parameters);
    const shown = withoutSecrets(args).join(' ');
    expect(shown).toContain(
      'prod-lotse-stateless:OriginSecret=*** --parameters prod-lotse-stateless:PreviousOriginSecret=***',
    );
    expect(shown).not.toContain(next);
    expect(shown).not.toContain('current-secret');
  });

  it('rotation reads the current secret from a function of the stateless stack that has it', async () => {
    aws.answer('cloudformation:ListStackResources', () => stackFunctions(['prod-redrive', 'prod-form-get']));
    aws.answer('lambda:GetFunctionConfiguration', (call) =>
      functionConfiguration(call.subject, call.subject === 'prod-form-get' ? { ORIGIN_SECRET: 'today' } : {}),
    );
    const options = { region, endpoint: aws.endpoint, maxAttempts: 1, credentials: keys };
    const clients = { cloudFormation: new CloudFormationClient(options), lambda: new LambdaClient(options) };
    await expect(currentOriginSecret(clients, 'prod-lotse-stateless', 5_000)).resolves.toBe('today');
    expect(
      aws.calls.filter((c) => c.operation === 'lambda:GetFunctionConfiguration').map((c) => c.subject),
    ).toEqual(['prod-redrive', 'prod-form-get']);
  });

  it('rotation stops in plain words when the stack does not exist or no function has a secret', async () => {
    const options = { region, endpoint: aws.endpoint, maxAttempts: 1, credentials: keys };
    const clients = { cloudFormation: new CloudFormationClient(options), lambda: new LambdaClient(options) };
    aws.answer('cloudformation:ListStackResources', () =>
      queryError('ValidationError', 'Stack with id prod-lotse-stateless does not exist'),
    );
    await expect(currentOriginSecret(clients, 'prod-lotse-stateless', 5_000)).rejects.toThrow(
      /does not exist yet in this region, so there is no secret to rotate/,
    );
    aws.answer('cloudformation:ListStackResources', () => stackFunctions(['prod-redrive']));
    const error = await currentOriginSecret(clients, 'prod-lotse-stateless', 5_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RotationError);
    expect((error as Error).message).toContain('No function of prod-lotse-stateless has ORIGIN_SECRET yet');
  });
});

describe('npm run deploy: the summary after deploying', () => {
  const outputs = {
    'prod-lotse-stateful': { UserPoolId: 'eu-central-1_AbC123', UserPoolClientId: 'client' },
    'prod-lotse-stateless': { WebUrl: 'https://d1.cloudfront.net', ApiUrl: 'https://d1.cloudfront.net/api' },
  };

  it('prints the URLs and the invited first admin', () => {
    const text = deploySummary({
      stage: 'prod',
      region,
      adminEmail: 'alex@verein-lotsen.de',
      outputs,
      dkim: [],
      firstAdmin: { status: 'invited', email: 'alex@verein-lotsen.de', days: 7 },
    }).join('\n');
    expect(text).toContain('  Web app   https://d1.cloudfront.net');
    expect(text).toContain('  Console   https://d1.cloudfront.net/console');
    expect(text).toContain('  API       https://d1.cloudfront.net/api');
    expect(text).toContain(
      'First admin: alex@verein-lotsen.de — invitation sent by e-mail (temporary password, valid 7 days); sign in at https://d1.cloudfront.net/console',
    );
    expect(text).not.toContain('aws cognito-idp');
    expect(text).not.toContain('DNS records');
  });

  it('without a first admin, prints the AWS CLI commands with the real pool id, named by the e-mail address', () => {
    const text = deploySummary({
      stage: 'prod',
      region,
      adminEmail: undefined,
      profile: 'lotse',
      outputs,
      dkim: [],
    }).join('\n');
    expect(text).toContain(
      'aws cognito-idp admin-create-user --region eu-central-1 --profile lotse --user-pool-id eu-central-1_AbC123 --username you@your-organisation.org',
    );
    expect(text).toContain('--desired-delivery-mediums EMAIL');
    expect(text).toContain('--group-name admin');
    expect(text).not.toContain('PASSWORD');
  });

  it('prints the DKIM records SES still waits for', async () => {
    aws.answer('ses:GetEmailIdentity', () =>
      emailIdentity({ type: 'DOMAIN', verified: false, tokens: ['tok1', 'tok2', 'tok3'] }),
    );
    const ses = new SESv2Client({ region, endpoint: aws.endpoint, maxAttempts: 1, credentials: keys });
    const dkim = await pendingDkimRecords(ses, 'lotse@verein-lotsen.de', 5_000);
    expect(dkim).toHaveLength(3);
    const text = deploySummary({ stage: 'prod', region, adminEmail: undefined, outputs, dkim }).join('\n');
    expect(text).toContain('  tok1._domainkey.verein-lotsen.de  CNAME  tok1.dkim.amazonses.com');
  });

  it('falls back to DKIM outputs of the stacks when SES cannot be asked', async () => {
    aws.answer('ses:GetEmailIdentity', () => restError('AccessDeniedException', 'no', 403));
    const ses = new SESv2Client({ region, endpoint: aws.endpoint, maxAttempts: 1, credentials: keys });
    const dkim = await pendingDkimRecords(ses, 'lotse@verein-lotsen.de', 5_000);
    expect(dkim).toBeUndefined();
    const withDkim = {
      ...outputs,
      'prod-lotse-stateless': {
        ...outputs['prod-lotse-stateless'],
        DkimRecord1: 'a._domainkey CNAME a.dkim.amazonses.com',
      },
    };
    const text = deploySummary({
      stage: 'prod',
      region,
      adminEmail: undefined,
      outputs: withDkim,
      dkim,
    }).join('\n');
    expect(text).toContain('DkimRecord1: a._domainkey CNAME a.dkim.amazonses.com');
  });
});

describe('npm run deploy: from the checks to the summary', () => {
  const sender = [
    '-c',
    'lotse:mailFrom=lotse@verein-lotsen.de',
    '-c',
    'lotse:adminEmail=alex@verein-lotsen.de',
  ];
  const outputs = {
    'prod-lotse-stateful': { UserPoolId: 'eu-central-1_AbC123', TableName: 'prod-lotse-table' },
    'prod-lotse-stateless': { WebUrl: 'https://d1.cloudfront.net', ApiUrl: 'https://d1.cloudfront.net/api' },
  };

  /** The command with the fake AWS, a CDK that only records its arguments, and no web build. */
  function deploy(argv: string[], options: { cdkExit?: number; answer?: boolean } = {}) {
    const printed: string[] = [];
    const cdkCalls: string[][] = [];
    const asked: string[] = [];
    const run = runDeployCli(argv, {
      env: { ...process.env },
      out: (line) => printed.push(line),
      aws: { endpoint: aws.endpoint, credentials: keys },
      timeoutMs: 5_000,
      confirm: async (question) => {
        asked.push(question);
        return options.answer ?? false;
      },
      buildWeb: async () => false,
      runCdk: async (args) => {
        cdkCalls.push([...args]);
        const file = args[args.indexOf('--outputs-file') + 1] as string;
        if (!options.cdkExit) writeFileSync(file, JSON.stringify(outputs));
        return options.cdkExit ?? 0;
      },
    });
    return run.then((code) => ({ code, printed: printed.join('\n'), cdkCalls, asked }));
  }

  it('deploys on a ready account without asking, passes the options on, and prints where Lotse is', async () => {
    const { code, printed, cdkCalls, asked } = await deploy(sender);
    expect(code).toBe(0);
    expect(asked).toEqual([]);
    expect(cdkCalls).toHaveLength(1);
    expect(cdkCalls[0]?.slice(0, 7)).toEqual([
      'cdk',
      'deploy',
      '--all',
      '--require-approval',
      'never',
      '--progress',
      'events',
    ]);
    expect(cdkCalls[0]).toContain('lotse:mailFrom=lotse@verein-lotsen.de');
    expect(printed).toContain('Lotse prod is deployed in eu-central-1.');
    expect(printed).toContain('  Console   https://d1.cloudfront.net/console');
    expect(printed).toContain('First admin: alex@verein-lotsen.de — invitation sent by e-mail');
  });

  it('asks before deploying despite a warning, and deploys nothing on no', async () => {
    aws.answer('ses:GetAccount', () => sesAccount({ production: false }));
    const { code, printed, cdkCalls, asked } = await deploy(sender, { answer: false });
    expect(asked).toHaveLength(1);
    expect(code).toBe(1);
    expect(cdkCalls).toEqual([]);
    expect(printed).toContain('Nothing was deployed.');
  });

  it('--yes deploys despite a warning without asking', async () => {
    aws.answer('ses:GetAccount', () => sesAccount({ production: false }));
    const { code, cdkCalls, asked } = await deploy([...sender, '--yes']);
    expect({ code, asked, deploys: cdkCalls.length }).toEqual({ code: 0, asked: [], deploys: 1 });
  });

  it('does not deploy when a check stops it', async () => {
    aws.answer('ssm:GetParameter', () => json11Error('ParameterNotFound', 'not found'));
    const { code, cdkCalls } = await deploy([...sender, '--yes']);
    expect(code).toBe(1);
    expect(cdkCalls).toEqual([]);
  });

  it('passes on the exit code of a failed cdk deploy and prints no summary', async () => {
    const { code, printed } = await deploy(sender, { cdkExit: 3 });
    expect(code).toBe(3);
    expect(printed).toContain('The deploy did not finish');
    expect(printed).not.toContain('is deployed');
  });

  it('--rotate-origin-secret deploys twice (functions first, then CloudFront) and prints neither secret', async () => {
    aws.answer('cloudformation:ListStackResources', () => stackFunctions(['prod-form-get']));
    aws.answer('lambda:GetFunctionConfiguration', (call) =>
      functionConfiguration(call.subject, { ORIGIN_SECRET: 'the-current-secret' }),
    );
    const { code, printed, cdkCalls } = await deploy([...sender, '--rotate-origin-secret']);
    expect(code).toBe(0);
    expect(cdkCalls).toHaveLength(2);
    const args = cdkCalls[1] ?? [];
    expect(args).toContain('prod-lotse-stateless:PreviousOriginSecret=the-current-secret');
    const next = args.find((a) => a.startsWith('prod-lotse-stateless:OriginSecret='))?.split('=')[1];
    expect(next).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The first deploy only teaches the functions the new secret; CloudFront keeps the current one.
    expect(cdkCalls[0]).toContain(`prod-lotse-stateless:PreviousOriginSecret=${next}`);
    expect((cdkCalls[0] ?? []).some((a) => a.includes(':OriginSecret='))).toBe(false);
    expect(printed).not.toContain('the-current-secret');
    expect(printed).not.toContain(next);
    expect(printed).toContain('OriginSecret=***');
  });

  it('--rotate-origin-secret deploys nothing when the current secret cannot be read', async () => {
    aws.answer('cloudformation:ListStackResources', () => stackFunctions(['prod-form-get']));
    aws.answer('lambda:GetFunctionConfiguration', () => restError('AccessDeniedException', 'no', 403));
    const { code, printed, cdkCalls } = await deploy([...sender, '--rotate-origin-secret']);
    expect(code).toBe(1);
    expect(cdkCalls).toEqual([]);
    expect(printed).toContain('Cannot read the configuration of the function prod-form-get');
    expect(printed).toContain('may not call lambda:GetFunctionConfiguration');
    expect(printed).toContain('Nothing was deployed.');
  });
});
