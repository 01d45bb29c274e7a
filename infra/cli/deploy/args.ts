/** What `npm run deploy -- …` was asked to do. Everything it does not know goes to `cdk deploy`. */
export interface DeployArgs {
  /** `-c key=value` pairs, in order; also passed to `cdk deploy`. */
  readonly context: Readonly<Record<string, string>>;
  /** Options for `cdk deploy` that this command does not handle itself (e.g. `--profile x`). */
  readonly passThrough: readonly string[];
  readonly yes: boolean;
  readonly checkOnly: boolean;
  readonly rotateOriginSecret: boolean;
  /** `--no-admin`: do not create the first admin after the deploy. */
  readonly noAdmin: boolean;
  /** `--resend-invite`: mail the first admin's invitation again if it is still unanswered. */
  readonly resendInvite: boolean;
  readonly help: boolean;
  /** `--profile NAME`, so the checks use the same credentials as the deploy. */
  readonly profile: string | undefined;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseDeployArgs(argv: readonly string[]): DeployArgs {
  const context: Record<string, string> = {};
  const passThrough: string[] = [];
  let yes = false;
  let checkOnly = false;
  let rotateOriginSecret = false;
  let noAdmin = false;
  let resendInvite = false;
  let help = false;
  let profile: string | undefined;

  const addContext = (pair: string | undefined, flag: string) => {
    const at = pair?.indexOf('=') ?? -1;
    if (pair === undefined || at < 1) {
      throw new UsageError(
        `${flag} needs key=value, e.g. ${flag} lotse:mailFrom=lotse@your-organisation.org`,
      );
    }
    context[pair.slice(0, at)] = pair.slice(at + 1);
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-c' || arg === '--context') addContext(argv[++i], arg);
    else if (arg.startsWith('--context=')) addContext(arg.slice('--context='.length), '--context');
    else if (arg === '--yes' || arg === '-y') yes = true;
    else if (arg === '--check-only') checkOnly = true;
    else if (arg === '--rotate-origin-secret') rotateOriginSecret = true;
    else if (arg === '--no-admin') noAdmin = true;
    else if (arg === '--resend-invite') resendInvite = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else {
      if (arg === '--profile') profile = argv[i + 1];
      else if (arg.startsWith('--profile=')) profile = arg.slice('--profile='.length);
      passThrough.push(arg);
    }
  }
  return { context, passThrough, yes, checkOnly, rotateOriginSecret, noAdmin, resendInvite, help, profile };
}

/** The `cdk deploy` command line: every stack, no approval prompt, a line per CloudFormation event. */
export function cdkDeployArgs(
  args: Pick<DeployArgs, 'context' | 'passThrough'>,
  outputsFile: string,
  parameters: readonly string[] = [],
): string[] {
  return [
    'cdk',
    'deploy',
    '--all',
    '--require-approval',
    'never',
    '--progress',
    'events',
    '--outputs-file',
    outputsFile,
    ...Object.entries(args.context).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    ...parameters,
    ...args.passThrough,
  ];
}

export const deployHelp = `Usage: npm run deploy -- [options]

Checks the AWS account, then deploys both Lotse stacks with the CDK, invites the first admin
(lotse:adminEmail) and prints where Lotse is.

Options:
  -c key=value             configuration, as for the CDK (docs/deploy.md, "Configuration"), e.g.
                           -c lotse:mailFrom=lotse@your-organisation.org -c lotse:adminEmail=you@…
  --check-only             run the checks, deploy nothing
  --yes                    do not ask before deploying when a check warns
  --rotate-origin-secret   give CloudFront a new secret for the API (the old one stays valid
                           until the next rotation)
  --no-admin               do not create the first admin after the deploy
  --resend-invite          mail the first admin's invitation again if it is still unanswered
  --profile NAME           the AWS CLI profile to use (for the checks and the deploy)
  anything else            passed to \`cdk deploy\`
`;
