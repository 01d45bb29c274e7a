import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ArnFormat,
  Aws,
  CfnCondition,
  CfnOutput,
  CfnParameter,
  Duration,
  Fn,
  Lazy,
  RemovalPolicy,
  Stack,
  type StackProps,
} from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  type FunctionDefinition,
  type FunctionId,
  functionArnSubstitutionKey,
  functionIds,
  functions,
} from '#definitions/functions.ts';
import {
  ORIGIN_SECRET_ENV,
  ORIGIN_SECRET_PARAMETER,
  PREVIOUS_ORIGIN_SECRET_ENV,
  PREVIOUS_ORIGIN_SECRET_PARAMETER,
} from '#definitions/origin-secret.ts';
import { routes } from '#definitions/routes.ts';
import {
  readWorkflow,
  type StateMachineId,
  stateMachineArnVariable,
  stateMachineIds,
  stateMachines,
} from '#definitions/state-machines.ts';
import { defaultLogLevel, type LogLevel } from '../../functions/shared/logger.ts';
import type { CustomDomain } from '../config.ts';
import { Alarms } from '../constructs/alarms.ts';
import { grantAccess } from '../constructs/function-access.ts';
import { addTrigger } from '../constructs/function-trigger.ts';
import { LotseHttpApi } from '../constructs/http-api.ts';
import { LotseFunction } from '../constructs/lotse-function.ts';
import { MailSender } from '../constructs/mail-sender.ts';
import { LotseConsoleClient } from '../constructs/user-pool.ts';
import { WebDistribution } from '../constructs/web-distribution.ts';
import { Workflow } from '../constructs/workflow.ts';
import { acknowledgeStatelessFindings } from './stateless-nag.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Who may sign in: the user pool's token issuer and app client (both in the stateful stack). */
export interface ApiAuth {
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>` */
  readonly issuerUrl: string;
  /** The app client; tokens must have been issued to it (the JWT authorizer's audience). */
  readonly clientId: string;
  /** The pool: admins manage its accounts (USER_POOL_ID, grants for `userPool` access); the console's app client lives in it. */
  readonly userPool: cognito.IUserPool;
  /** The managed login domain, `https://<prefix>.auth.<region>.amazoncognito.com`. */
  readonly loginUrl: string;
}

/** Optional overrides of the submission rate limit; without them the handler's defaults apply. */
export interface SubmissionRateLimit {
  /** Submissions one client may send per window (SUBMISSION_RATE_LIMIT). */
  readonly limit?: number;
  /** SUBMISSION_RATE_WINDOW_SECONDS */
  readonly windowSeconds?: number;
}

export interface StatelessStackProps extends StackProps {
  /** Name prefix, e.g. `prod`; also part of the state machines' names. */
  readonly stage: string;
  readonly table: dynamodb.ITable;
  /** Checks the token of every route whose definition has `auth`. */
  readonly auth: ApiAuth;
  /** @default - the defaults of functions/shared/env.ts */
  readonly submissionRateLimit?: SubmissionRateLimit;
  /** Sender address of every e-mail; its domain is the SES identity. */
  readonly mailFrom: string;
  readonly organisationName: string;
  /** LOG_LEVEL of every function. @default the one default of functions/shared/logger.ts */
  readonly logLevel?: LogLevel;
  /** @default - no alarms */
  readonly alarmEmail?: string;
  /** Receives the digest of applications that need attention. @default - none: health and alarms only */
  readonly adminEmail?: string;
  /** The built web app. @default <repository>/web/dist */
  readonly webAssetsPath?: string;
  /** Signs credentials; functions with `signCredentials` get CREDENTIAL_KEY_ID. @default - none */
  readonly credentialKey?: kms.IKey;
  /**
   * Or the Parameter Store names of the signing key (made on first use): signing functions get
   * both, publishing ones the public one. @default - none
   */
  readonly credentialKeyParameters?: { readonly privateKey: string; readonly publicKey: string };
  /** Where package.json and the function entries are. @default the repository this file is in */
  readonly projectRoot?: string;
  /**
   * The app's own host name and its ACM certificate (us-east-1): the public URL of pages, mails and
   * sign-in becomes `https://<domainName>`. @default the distribution's `*.cloudfront.net` name
   */
  readonly customDomain?: CustomDomain;
}

/**
 * Everything that can be rebuilt from the repository: functions, workflows, the HTTP API, the mail
 * identity and the web distribution. Built from the single-source definitions in functions/shared/definitions.
 */
export class StatelessStack extends Stack {
  readonly functions: Readonly<Record<FunctionId, lambda.IFunction>>;
  /** The dead-letter queue of each function with a table-stream trigger. */
  readonly deadLetterQueues: Readonly<Partial<Record<FunctionId, sqs.IQueue>>>;
  readonly webUrl: string;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const projectRoot = props.projectRoot ?? repositoryRoot;

    const mail = new MailSender(this, 'Mail', {
      mailFrom: props.mailFrom,
      configurationSetName: `${props.stage}-lotse`,
    });
    const api = new LotseHttpApi(this, 'Http', { apiName: `${props.stage}-lotse` });
    const originSecret = originSecrets(this);
    const web = new WebDistribution(this, 'Web', {
      apiDomainName: api.domainName,
      originSecret: originSecret.current,
      webAssetsPath: props.webAssetsPath ?? join(projectRoot, 'web/dist'),
      ...(props.customDomain
        ? {
            customDomain: {
              domainName: props.customDomain.domainName,
              certificate: acm.Certificate.fromCertificateArn(
                this,
                'Certificate',
                props.customDomain.certificateArn,
              ),
            },
          }
        : {}),
      // The console's OpenID client reads Cognito's discovery document and posts to its token endpoint.
      connectSources: [`${props.auth.issuerUrl}/`, props.auth.loginUrl],
      // The console signs in with managed login (code + PKCE); its client needs the distribution's URL.
      runtimeConfig: {
        organisationName: props.organisationName,
        oidc: Lazy.any({
          produce: () => ({ authority: props.auth.issuerUrl, ...consoleClient.oidcConfig }),
        }),
      },
    });
    this.webUrl = web.url;
    const consoleClient = new LotseConsoleClient(this, 'Console', {
      userPool: props.auth.userPool,
      loginUrl: props.auth.loginUrl,
      webUrl: web.url,
    });

    // Fixed names make the ARNs known up front, so functions can hold them while the machines hold theirs.
    const machineNames = Object.fromEntries(stateMachineIds.map((sm) => [sm, `${props.stage}-${sm}`]));
    const machineArns = Object.fromEntries(
      stateMachineIds.map((sm) => [
        sm,
        this.formatArn({
          service: 'states',
          resource: 'stateMachine',
          resourceName: machineNames[sm],
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ]),
    ) as Record<StateMachineId, string>;

    // What functions/shared/env.ts parses, the same for every function.
    const rateLimit = props.submissionRateLimit ?? {};
    const environment: Record<string, string> = {
      TABLE_NAME: props.table.tableName,
      MAIL_FROM: props.mailFrom,
      LOG_LEVEL: props.logLevel ?? defaultLogLevel,
      ORGANISATION_NAME: props.organisationName,
      PUBLIC_BASE_URL: web.url,
      LOTSE_USER_POOL_CLIENT_ID: props.auth.clientId,
      ...(props.auth.userPool ? { USER_POOL_ID: props.auth.userPool.userPoolId } : {}),
      ...(props.adminEmail ? { ADMIN_EMAIL: props.adminEmail } : {}),
      // Every function learns every machine's ARN: it is an address, not a permission, and the shared
      // system-check wiring parses it at cold start even in functions that never start an execution.
      ...Object.fromEntries(stateMachineIds.map((sm) => [stateMachineArnVariable(sm), machineArns[sm]])),
      ...(rateLimit.limit === undefined ? {} : { SUBMISSION_RATE_LIMIT: String(rateLimit.limit) }),
      ...(rateLimit.windowSeconds === undefined
        ? {}
        : { SUBMISSION_RATE_WINDOW_SECONDS: String(rateLimit.windowSeconds) }),
    };

    // Only the functions behind the API check the secret; the rest need not know it.
    const servesRoutes = new Set<FunctionId>(routes.map((route) => route.function));
    const originSecretEnvironment = {
      [ORIGIN_SECRET_ENV]: originSecret.current,
      [PREVIOUS_ORIGIN_SECRET_ENV]: originSecret.previous,
    };

    const built = {} as Record<FunctionId, LotseFunction>;
    const deadLetterQueues: Partial<Record<FunctionId, sqs.IQueue>> = {};
    // One log group for all functions: a group per function made the stack outgrow
    // CloudFormation's 500 resources (477 of them before the courses, 67 log groups).
    const functionLogs = new logs.LogGroup(this, 'FunctionLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const functionId of functionIds) {
      const definition: FunctionDefinition = functions[functionId];
      const fn = new LotseFunction(this, pascalCase(functionId), {
        logGroup: functionLogs,
        entry: join(projectRoot, definition.entry),
        projectRoot,
        description: definition.description,
        serviceName: functionId,
        memoryMb: definition.memoryMb,
        timeout:
          definition.timeoutSeconds === undefined ? undefined : Duration.seconds(definition.timeoutSeconds),
        environment: {
          ...environment,
          ...(servesRoutes.has(functionId) ? originSecretEnvironment : {}),
          ...credentialKeyEnvironment(definition.access, props),
        },
        ...(definition.assets ? { assets: definition.assets } : {}),
        // A scheduled run has no caller to follow through services; its log lines and the alarms'
        // metrics cover it. Traced, the two schedules were 11,520 traces a month ($0.06 of an idle
        // stage's bill, npm run cost).
        tracing: definition.trigger?.type !== 'schedule',
      });
      grantAccess(fn.function, definition.access, {
        table: props.table,
        stateMachineArns: machineArns,
        mail,
        ...(props.auth.userPool ? { userPool: props.auth.userPool } : {}),
        ...(props.credentialKey ? { credentialKey: props.credentialKey } : {}),
        ...(props.credentialKeyParameters ? { credentialKeyParameters: props.credentialKeyParameters } : {}),
      });
      if (definition.trigger) {
        const { deadLetterQueue } = addTrigger(fn, fn.function, definition.trigger, {
          table: props.table,
          stateMachineArns: machineArns,
        });
        if (deadLetterQueue) deadLetterQueues[functionId] = deadLetterQueue;
      }
      built[functionId] = fn;
    }
    this.deadLetterQueues = deadLetterQueues;
    const handlers: Partial<Record<FunctionId, lambda.IFunction>> = {};
    for (const f of functionIds) handlers[f] = built[f].function;
    this.functions = handlers as Record<FunctionId, lambda.IFunction>;

    // One log group for all state machines, so that one metric filter (infra/constructs/alarms.ts)
    // sees every failed execution; the vended-logs prefix keeps Step Functions from growing the
    // account's log resource policy.
    const workflowLogs = new logs.LogGroup(this, 'WorkflowLogs', {
      logGroupName: `/aws/vendedlogs/states/${props.stage}-lotse`,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const workflows = {} as Record<StateMachineId, Workflow>;
    for (const sm of stateMachineIds) {
      workflows[sm] = new Workflow(this, `${pascalCase(sm)}Workflow`, {
        stateMachineName: machineNames[sm] as string,
        logGroup: workflowLogs,
        definition: readWorkflow(sm),
        functions: Object.fromEntries(
          stateMachines[sm].invokes.map((f) => [functionArnSubstitutionKey(f), this.functions[f]]),
        ),
      });
      new CfnOutput(this, `${pascalCase(sm)}StateMachineArn`, {
        value: workflows[sm].stateMachine.stateMachineArn,
        description: stateMachines[sm].description,
      });
    }

    // One authorizer for every route with `auth`: a valid token of the pool, issued to the app client
    // (`aud` of ID tokens, `client_id` of access tokens). Groups are the handler's business.
    const authorizer = new HttpJwtAuthorizer('Cognito', props.auth.issuerUrl, {
      authorizerName: 'cognito',
      jwtAudience: [props.auth.clientId, consoleClient.client.userPoolClientId],
    });
    const routesPerFunction = new Map<string, number>();
    for (const route of routes)
      routesPerFunction.set(route.function, (routesPerFunction.get(route.function) ?? 0) + 1);
    for (const route of routes) {
      api.addRoute({
        method: route.method,
        path: route.path,
        handler: this.functions[route.function],
        ...(route.auth ? { authorizer } : {}),
        permissionPerRoute: routesPerFunction.get(route.function) === 1,
      });
    }

    if (props.alarmEmail) {
      new Alarms(this, 'Alarms', {
        email: props.alarmEmail,
        workflowLogs,
        api: api.api,
        deadLetterQueues,
      });
    }

    acknowledgeStatelessFindings(
      functionIds.map((f) => {
        const definition: FunctionDefinition = functions[f];
        return { construct: built[f], access: definition.access, trigger: definition.trigger };
      }),
      api,
    );

    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'The web app' });
    if (props.customDomain) {
      // CloudFront answers for the name only once DNS sends viewers to the distribution.
      new CfnOutput(this, 'DnsRecord', {
        value: `${props.customDomain.domainName} CNAME ${web.distribution.distributionDomainName}`,
        description: `Create this DNS record (in Route 53 an alias A and AAAA record to the distribution instead) so that ${web.url} reaches the app`,
      });
    }
    new CfnOutput(this, 'ApiUrl', {
      value: `${web.url}/api`,
      description: 'The HTTP API, through CloudFront (its own endpoint refuses other callers)',
    });
  }
}

/** Where a function that signs or publishes credentials finds the key (functions/shared/certificates/signer.ts). */
function credentialKeyEnvironment(
  access: FunctionDefinition['access'],
  props: Pick<StatelessStackProps, 'credentialKey' | 'credentialKeyParameters'>,
): Record<string, string> {
  if (!access.signCredentials && !access.readCredentialKey) return {};
  if (props.credentialKey) return { CREDENTIAL_KEY_ID: props.credentialKey.keyArn };
  if (!props.credentialKeyParameters) return {};
  return {
    CREDENTIAL_PUBLIC_KEY_PARAMETER: props.credentialKeyParameters.publicKey,
    ...(access.signCredentials ? { CREDENTIAL_KEY_PARAMETER: props.credentialKeyParameters.privateKey } : {}),
  };
}

/**
 * The secret CloudFront adds to every API request, as stack parameters so that it costs nothing
 * (no Secrets Manager) and can be rotated: the one CloudFront sends, and a second one the functions
 * accept too while a rotation is under way (docs/deploy.md). Left empty, the first is the random
 * part of the stack's own id: unguessable, stable across deploys, and never shown to the public.
 */
function originSecrets(stack: Stack): { current: string; previous: string } {
  // Empty, or long enough and safe in a header; the deploy refuses anything else before it starts.
  const allowedPattern = '^$|^[A-Za-z0-9._~-]{16,256}$';
  const constraintDescription = 'must be empty or 16 to 256 of the characters A-Z a-z 0-9 . _ ~ -';
  const secretParameter = (id: string, description: string) =>
    new CfnParameter(stack, id, {
      type: 'String',
      noEcho: true,
      default: '',
      allowedPattern,
      constraintDescription,
      description,
    });
  const current = secretParameter(
    ORIGIN_SECRET_PARAMETER,
    'The secret CloudFront sends to the API (x-lotse-origin-secret). Empty: the random part of the stack id. See docs/deploy.md.',
  );
  const previous = secretParameter(
    PREVIOUS_ORIGIN_SECRET_PARAMETER,
    'A second secret the API accepts during a rotation (the next one, then the old one). Empty: none. See docs/deploy.md.',
  );
  const useStackId = new CfnCondition(stack, 'OriginSecretFromStackId', {
    expression: Fn.conditionEquals(current.valueAsString, ''),
  });
  const stackIdPart = Fn.select(2, Fn.split('/', Aws.STACK_ID));
  return {
    current: Fn.conditionIf(useStackId.logicalId, stackIdPart, current.valueAsString).toString(),
    previous: previous.valueAsString,
  };
}

const pascalCase = (id: string): string =>
  id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
