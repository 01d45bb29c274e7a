/**
 * `npm run deploy -- -c lotse:mailFrom=… -c lotse:adminEmail=…`: checks the AWS account with the SDK
 * (credentials, CDK bootstrap, the sender in SES, the SES sandbox, the first admin), then runs
 * `cdk deploy --all` with the same options, invites the first admin (infra/cli/deploy/first-admin.ts)
 * and prints the URLs and the first admin's sign-in.
 * `--check-only` stops after the checks. docs/deploy.md walks through it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { LotseConfig } from '../config.ts';
import { buildWebIfStale } from '../local/web-build.ts';
import { cdkDeployArgs, type DeployArgs, deployHelp, parseDeployArgs, UsageError } from './deploy/args.ts';
import { defaultTimeoutMs } from './deploy/aws-call.ts';
import { runCdk } from './deploy/cdk.ts';
import { formatCheck } from './deploy/check-result.ts';
import { resolveDeployConfig } from './deploy/config.ts';
import { ensureFirstAdmin, type FirstAdmin } from './deploy/first-admin.ts';
import { originSecretRotation, RotationError, withoutSecrets } from './deploy/origin-secret.ts';
import { runPreflight } from './deploy/preflight.ts';
import { deploySummary, pendingDkimRecords, type StackOutputs } from './deploy/summary.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** What the command uses from outside; the tests replace AWS's endpoint, the CDK and the prompt. */
export interface DeployDeps {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly root: string;
  /** Added to every SDK client's configuration (tests: a local endpoint and fixed keys). */
  readonly aws: {
    readonly endpoint?: string;
    readonly credentials?: { accessKeyId: string; secretAccessKey: string };
  };
  readonly timeoutMs: number;
  readonly confirm: (question: string) => Promise<boolean>;
  readonly buildWeb: (root: string) => Promise<unknown>;
  readonly runCdk: (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) => Promise<number>;
}

const defaultDeps: DeployDeps = {
  env: process.env,
  out: console.log,
  root: repositoryRoot,
  aws: {},
  timeoutMs: defaultTimeoutMs,
  confirm: confirmOnTerminal,
  buildWeb: buildWebIfStale,
  runCdk,
};

export async function runDeployCli(argv: string[], overrides: Partial<DeployDeps> = {}): Promise<number> {
  const { env, out, root, timeoutMs, confirm, buildWeb, ...deps } = { ...defaultDeps, ...overrides };
  let args: DeployArgs;
  try {
    args = parseDeployArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out(`✖ ${error.message}\n\n${deployHelp}`);
    return 2;
  }
  if (args.help) {
    out(deployHelp);
    return 0;
  }
  // The SDK reads the profile from the environment; the CDK gets --profile itself.
  if (args.profile) env.AWS_PROFILE = args.profile;

  let config: LotseConfig;
  try {
    config = resolveDeployConfig(root, args.context, env);
  } catch (error) {
    out(`✖ ${(error as Error).message}`);
    return 1;
  }

  out(`Checking before deploying Lotse "${config.stage}" to ${config.region}:\n`);
  noteNodeVersion(out);
  const aws = { region: config.region, maxAttempts: 2, ...deps.aws };
  const ses = new SESv2Client(aws);
  const preflight = await runPreflight(
    { ...config, profile: args.profile },
    { sts: new STSClient(aws), ssm: new SSMClient(aws), ses },
    (result) => out(formatCheck(result)),
    timeoutMs,
  );
  if (preflight.account === undefined)
    out('  (Bootstrap, sender and sandbox are checked once the credentials work.)');
  if (preflight.verdict === 'fail') {
    out('\nNothing was deployed. Fix what is marked ✖ and run this again.');
    return 1;
  }
  if (args.checkOnly) {
    out(
      preflight.verdict === 'ok'
        ? '\nAll checks passed. Run the same command without --check-only to deploy.'
        : '\nNo blocking problem; read the warnings (!) above. Run the same command without --check-only to deploy.',
    );
    return 0;
  }
  if (preflight.verdict === 'warn' && !args.yes && !(await confirm('\nDeploy with these warnings? [y/N] '))) {
    out('Nothing was deployed. (Add --yes to deploy despite warnings without being asked.)');
    return 1;
  }

  const statelessStack = `${config.stage}-lotse-stateless`;
  // One deploy, or a rotation's two (infra/cli/deploy/origin-secret.ts says why two).
  let rounds: string[][] = [[]];
  if (args.rotateOriginSecret) {
    try {
      rounds = await originSecretRotation(
        { cloudFormation: new CloudFormationClient(aws), lambda: new LambdaClient(aws) },
        statelessStack,
        timeoutMs,
      );
      out(
        '✔ New origin secret made. Two deploys follow: the functions learn it, then CloudFront sends it; the current one stays valid beside it until the next rotation.',
      );
    } catch (error) {
      if (!(error instanceof RotationError)) throw error;
      out(`✖ ${error.message}\n\nNothing was deployed.`);
      return 1;
    }
  }

  out('\nBuilding the web app (web/dist) if it is missing or older than its sources …');
  await buildWeb(root);

  const outputsFile = join(mkdtempSync(join(tmpdir(), 'lotse-deploy-')), 'outputs.json');
  for (const [round, parameters] of rounds.entries()) {
    const cdkArgs = cdkDeployArgs(args, outputsFile, parameters);
    const which = rounds.length > 1 ? ` ${round + 1} of ${rounds.length}` : '';
    out(
      `\nDeploying${which} (CloudFormation reports each step; the first deploy takes 10 to 20 minutes):\n  npx ${withoutSecrets(cdkArgs).join(' ')}\n`,
    );
    const code = await deps.runCdk(cdkArgs, root, env);
    if (code !== 0) {
      out(
        '\n✖ The deploy did not finish; CloudFormation says why above (the first red line), and rolled back what it had begun.',
      );
      return code;
    }
  }

  let outputs: StackOutputs = {};
  try {
    outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as StackOutputs;
  } catch {
    out('\n! The CDK wrote no outputs; `aws cloudformation describe-stacks` shows them.');
  } finally {
    rmSync(dirname(outputsFile), { recursive: true, force: true });
  }
  const dkim = await pendingDkimRecords(ses, config.mailFrom, timeoutMs);
  let firstAdmin: FirstAdmin | undefined;
  if (config.adminEmail && !args.noAdmin) {
    out(`\nThe first admin: inviting ${config.adminEmail}, or checking the account if it exists …`);
    const stateful = outputs[`${config.stage}-lotse-stateful`] ?? {};
    firstAdmin = await ensureFirstAdmin(
      {
        email: config.adminEmail,
        userPoolId: stateful.UserPoolId,
        tableName: stateful.TableName,
        resendInvite: args.resendInvite,
      },
      { cognito: new CognitoIdentityProviderClient(aws), dynamo: new DynamoDBClient(aws) },
      timeoutMs,
    );
  }
  out(
    [
      '',
      ...deploySummary({
        stage: config.stage,
        region: config.region,
        adminEmail: config.adminEmail,
        ...(args.profile ? { profile: args.profile } : {}),
        outputs,
        dkim,
        ...(firstAdmin ? { firstAdmin } : {}),
        noAdmin: args.noAdmin,
      }),
    ].join('\n'),
  );
  return 0;
}

/**
 * The AWS SDK warns on Node.js 20 with a paragraph between the check lines; one line here says the
 * same in its place.
 */
function noteNodeVersion(out: (line: string) => void) {
  if (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED) return;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    out(
      `  (Node.js ${process.versions.node} works; the AWS SDK needs Node.js 22 or newer for updates from 2027.)\n`,
    );
  }
}

async function confirmOnTerminal(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(await runDeployCli(process.argv.slice(2)));
}
