import { Annotations, App, type AppProps, CfnRule, Fn, Validations } from 'aws-cdk-lib';
import { type LotseConfig, readConfig } from './config.ts';
import { LotseSolutionsChecks } from './nag.ts';
import { StatefulStack } from './stacks/stateful-stack.ts';
import { StatelessStack } from './stacks/stateless-stack.ts';

const crossStackReferences = '@aws-cdk/core:defaultCrossStackReferences';

export interface LotseApp {
  readonly app: App;
  readonly config: LotseConfig;
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
}

export interface LotseAppOptions extends AppProps {
  /** The built web app. @default <repository>/web/dist */
  readonly webAssetsPath?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Builds the whole Lotse app: the stateful stack, the stateless stack that uses its table, and the
 * AWS Solutions checks of cdk-nag, which fail synthesis on any finding not acknowledged with a reason.
 * infra/app.ts and the infra tests both build the app through this function.
 */
export function createLotseApp(options: LotseAppOptions = {}): LotseApp {
  const { webAssetsPath, env, ...appProps } = options;
  const app = new App(appProps);
  // Exports that protect the table from removal while the stateless stack uses it (today's default).
  if (app.node.tryGetContext(crossStackReferences) === undefined)
    app.node.setContext(crossStackReferences, 'strong');
  const config = readConfig(app.node, env);
  const stackEnv = { account: config.account, region: config.region };

  const stateful = new StatefulStack(app, `${config.stage}-lotse-stateful`, {
    env: stackEnv,
    stage: config.stage,
    tableKey: config.tableKey,
    retainData: config.retainData,
    credentialKey: config.credentialKey,
    description: `Lotse ${config.stage}: data (DynamoDB table and its key) and staff accounts (Cognito user pool); ${config.retainData ? 'retained on delete' : 'deleted with the stack'}`,
  });
  if (!config.retainData) {
    Annotations.of(stateful).addInfo(
      `Stage ${config.stage}: cdk destroy deletes the table, the keys and the user pool with every account. To keep them, deploy with -c lotse:retainData=true (docs/deploy.md#removing).`,
    );
  }
  const stateless = new StatelessStack(app, `${config.stage}-lotse-stateless`, {
    env: stackEnv,
    stage: config.stage,
    description: `Lotse ${config.stage}: functions, workflows, HTTP API, mail identity and web app`,
    table: stateful.table,
    ...(stateful.credentialKey ? { credentialKey: stateful.credentialKey } : {}),
    ...(stateful.credentialKeyParameters
      ? { credentialKeyParameters: stateful.credentialKeyParameters }
      : {}),
    auth: {
      issuerUrl: stateful.users.issuerUrl,
      clientId: stateful.users.client.userPoolClientId,
      userPool: stateful.users.userPool,
      loginUrl: stateful.users.domain.baseUrl(),
    },
    submissionRateLimit: {
      limit: config.submissionRateLimit,
      windowSeconds: config.submissionRateWindowSeconds,
    },
    mailFrom: config.mailFrom,
    logLevel: config.logLevel,
    organisationName: config.organisationName,
    alarmEmail: config.alarmEmail,
    adminEmail: config.adminEmail,
    webAssetsPath,
    customDomain: config.customDomain,
  });

  if (config.mailFromUndeliverable) {
    const fix = `Set the sender, an address at a domain of your organisation whose DNS you can change (SES verifies the domain with DKIM): -c lotse:mailFrom=lotse@your-organisation.org (docs/deploy.md).`;
    Annotations.of(stateless).addWarningV2(
      'lotse:mail-from-placeholder',
      `lotse:mailFrom: ${config.mailFromUndeliverable}, so ${config.mailFrom} is used. Fine for synth; a deploy stops before it creates anything. ${fix}`,
    );
    // A CloudFormation rule is checked before any resource is created or changed, so a deploy with
    // a sender that can never be verified stops at once with this text instead of deploying a
    // stage whose every mail fails.
    for (const stack of [stateful, stateless]) {
      new CfnRule(stack, 'RealSender', {
        assertions: [
          {
            assert: Fn.conditionEquals(config.mailFrom, 'a deliverable sender'),
            assertDescription: `Lotse cannot send mail from ${config.mailFrom}: ${config.mailFromUndeliverable}. ${fix}`,
          },
        ],
      });
    }
  }

  Validations.of(app).addPlugins(new LotseSolutionsChecks(app));
  return { app, config, stateful, stateless };
}
