import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createSigningKeyFile } from '../../functions/shared/certificates/signer.ts';
import {
  type FunctionId,
  type FunctionTrigger,
  functionArnSubstitutionKey,
  functionIds,
  functions,
  type StreamFilter,
} from '../../functions/shared/definitions/functions.ts';
import {
  ORIGIN_SECRET_ENV,
  PREVIOUS_ORIGIN_SECRET_ENV,
} from '../../functions/shared/definitions/origin-secret.ts';
import {
  readWorkflow,
  stateMachineArnVariable,
  stateMachineIds,
  stateMachines,
  substitute,
} from '../../functions/shared/definitions/state-machines.ts';
import { localTableName } from '../../functions/shared/definitions/table.ts';
import { defaultLogLevel } from '../../functions/shared/logger.ts';
import { LOCAL_USER_POOL_ID } from './auth/cognito-api.ts';
import { sesInvitationSender } from './auth/invitation-mail.ts';
import { LocalAuth } from './auth/local-auth.ts';
import { CONSOLE_SCOPE, createOpenIdProvider, type LocalOpenIdProvider } from './auth/openid-provider.ts';
import { startAuthServer } from './auth/server.ts';
import { createTokenVerifier } from './auth/token-verifier.ts';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb/dynamodb-local.ts';
import { startStreamPoller } from './dynamodb/stream-poller.ts';
import { ensureTable } from './dynamodb/tables.ts';
import type { ViewerAddressSource } from './http/cloudfront-origin.ts';
import { startHttpServer } from './http/server.ts';
import { LocalLambda, type LocalLambdaOptions } from './lambda/local-lambda.ts';
import { seedForms } from './seed.ts';
import { type SesLocalOptions, sesOptionsFromEnv } from './ses/policy.ts';
import { startSesLocal } from './ses/ses-local.ts';
import { type ExecutionStatusChange, LocalStepFunctions } from './stepfunctions/engine.ts';
import { startStepFunctionsServer } from './stepfunctions/server.ts';
import { ExecutionStore } from './stepfunctions/store.ts';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface LocalRuntimeOptions {
  /** Every server binds to this address only. @default '127.0.0.1' */
  readonly host?: string;
  /** Web app and HTTP API. */
  readonly port: number;
  readonly dynamodbPort: number;
  readonly stepFunctionsPort: number;
  readonly sesPort: number;
  /** The local sign-in (Cognito stand-in). */
  readonly authPort: number;
  /** The built web app the server serves (a bench serves its own build). @default '<repository>/web/dist' */
  readonly webRoot?: string;
  /** Seed forms/*.json into an empty database. @default true */
  readonly seedForms?: boolean;
  /** Where executions (and, when `persistent`, the database) are kept. */
  readonly dataDir: string;
  /** Keep DynamoDB on disk under dataDir; in memory otherwise (tests). @default false */
  readonly persistent?: boolean;
  /** Multiplies every workflow duration; tests use e.g. 0.001. @default 1 */
  readonly timeScale?: number;
  /** @default 'lotse@example.org' */
  readonly mailFrom?: string;
  /** @default 'Lotse' */
  readonly organisationName?: string;
  /** Receives the digest of what needs attention. @default - none (health and timeline only) */
  readonly adminEmail?: string;
  /** Write the endpoints as KEY=value lines to this file (npm start writes .lotse/local.env). */
  readonly envFile?: string;
  /** @default 'INFO' */
  readonly logLevel?: string;
  /** What the local SES refuses (sandbox, refused addresses). @default from LOTSE_SES_* variables */
  readonly ses?: SesLocalOptions;
  readonly log?: (message: string, details?: Record<string, unknown>) => void;
  /** Told of every Lambda invocation, for `npm run cost`; observation only. */
  readonly onLambdaInvoke?: LocalLambdaOptions['onInvoke'];
  /**
   * Where the web server takes the viewer's address from: the socket, as CloudFront does, or
   * X-Forwarded-For, so tests and benchmarks can act as many visitors. @default 'socket'
   */
  readonly viewerAddressFrom?: ViewerAddressSource;
}

export interface LocalRuntime {
  readonly urls: {
    readonly web: string;
    readonly api: string;
    readonly dynamodb: string;
    readonly stepFunctions: string;
    readonly ses: string;
    readonly mailbox: string;
    readonly auth: string;
  };
  readonly auth: LocalAuth;
  /** The local OpenID provider the console signs in with (issuer, console client, JWKS). */
  readonly openIdProvider: Pick<LocalOpenIdProvider, 'issuer' | 'clientId' | 'jwksUri'>;
  readonly seededForms: readonly string[];
  /** Runs the scheduled redrive of pending submission workflows now; resolves to its report by function id. */
  redrive(graceMs?: number): Promise<Record<string, unknown>>;
  /** Invokes a function as its trigger would (e.g. a scheduled one, now); for tests and scripts. */
  invoke(functionId: FunctionId, event: unknown): Promise<unknown>;
  /** The variables handlers and scripts need to reach the local services. */
  readonly env: Readonly<Record<string, string>>;
  readonly engine: LocalStepFunctions;
  readonly resumedExecutions: number;
  /** Milliseconds each start-up phase took, for the start-up line and the bench. */
  readonly startupPhases: Readonly<Record<string, number>>;
  stop(): Promise<void>;
}

const REGION = 'eu-central-1';
const ACCOUNT = '000000000000';

/**
 * The secret the web server adds to API requests, as CloudFront does on AWS; random per process.
 * Not per start: the handler modules are imported once per process and read it at that cold
 * start, so a runtime started again in the same process (tests) must keep it.
 */
const originSecret = randomBytes(32).toString('base64url');

/**
 * Starts everything Lotse needs on one machine: DynamoDB Local, the local SES, the local Step
 * Functions service and the HTTP server for web app and API. Handlers run in this process and
 * reach the services only through AWS_ENDPOINT_URL_* variables, as they would on AWS.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const host = options.host ?? '127.0.0.1';
  const cacheDir = join(repositoryRoot, '.lotse', 'cache');
  mkdirSync(options.dataDir, { recursive: true });
  const cleanups: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    const phase = phaseTimer();
    const [dynamo, ses] = await Promise.all([
      startDynamoDbLocal({
        host,
        port: options.dynamodbPort,
        cacheDir,
        ...(options.persistent ? { dbPath: join(options.dataDir, 'dynamodb') } : {}),
      }).then((d: DynamoDbLocal) => {
        cleanups.push(() => d.stop());
        return d;
      }),
      startSesLocal(host, options.sesPort, options.ses ?? sesOptionsFromEnv(process.env)).then((s) => {
        cleanups.push(() => closeServer(s.server));
        return s;
      }),
    ]);
    const webUrl = `http://${host}:${options.port}`;
    const authUrl = `http://${host}:${options.authPort}`;
    // One issuer for the OpenID provider, InitiateAuth and test tokens, so one check fits them all.
    const auth = new LocalAuth(options.dataDir, authUrl);
    const openIdProvider = createOpenIdProvider({
      auth,
      issuer: authUrl,
      webOrigin: webUrl,
      dataDir: options.dataDir,
      apiAudience: `${webUrl}/api`,
    });
    const sfnUrl = `http://${host}:${options.stepFunctionsPort}`;
    const lambda = new LocalLambda({
      rootDir: repositoryRoot,
      region: REGION,
      accountId: ACCOUNT,
      prefix: 'lotse',
      ...(options.onLambdaInvoke ? { onInvoke: options.onLambdaInvoke } : {}),
    });
    const deliverStatusChange = statusChangeDelivery(
      (id, event) => lambda.invoke(id, event),
      REGION,
      ACCOUNT,
      options.log,
    );
    const env: Record<string, string> = {
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB_STREAMS: dynamo.endpoint,
      AWS_ENDPOINT_URL_SFN: sfnUrl,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: authUrl,
      LOTSE_USER_POOL_CLIENT_ID: auth.clientId,
      [ORIGIN_SECRET_ENV]: originSecret,
      [PREVIOUS_ORIGIN_SECRET_ENV]: '',
      USER_POOL_ID: LOCAL_USER_POOL_ID,
      TABLE_NAME: localTableName(),
      MAIL_FROM: options.mailFrom ?? 'lotse@example.org',
      ORGANISATION_NAME: options.organisationName ?? 'Lotse',
      PUBLIC_BASE_URL: webUrl,
      LOG_LEVEL: options.logLevel ?? defaultLogLevel,
      LOTSE_WEB_URL: webUrl,
      LOTSE_MAILBOX_URL: ses.endpoint,
      // CloudWatch metrics (embedded in logs) mean nothing here; the alarms they feed are AWS's.
      POWERTOOLS_METRICS_DISABLED: 'true',
      ...(options.adminEmail ? { ADMIN_EMAIL: options.adminEmail } : {}),
      // What KMS is on AWS: the credential signing key, made on first start and kept with the data.
      LOTSE_SIGNING_KEY_FILE: join(options.dataDir, 'keys', 'credential-signing.jwk.json'),
    };
    await createSigningKeyFile(env.LOTSE_SIGNING_KEY_FILE as string);
    for (const id of stateMachineIds) {
      env[stateMachineArnVariable(id)] = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:lotse-${id}`;
    }
    Object.assign(process.env, env);

    phase('services');
    const table = await ensureTable(
      new DynamoDBClient({ endpoint: dynamo.endpoint }),
      env.TABLE_NAME as string,
    );
    const authServer = await startAuthServer(auth, host, options.authPort, webUrl, {
      openIdProvider: openIdProvider.listener,
      invitations: sesInvitationSender({
        sesEndpoint: ses.endpoint,
        region: REGION,
        from: env.MAIL_FROM as string,
        organisationName: env.ORGANISATION_NAME as string,
        authOrigin: authUrl,
        consoleUrl: `${webUrl}/console`,
      }),
    });
    cleanups.push(() => closeServer(authServer));

    const engine = new LocalStepFunctions({
      region: REGION,
      accountId: ACCOUNT,
      store: new ExecutionStore(join(options.dataDir, 'stepfunctions')),
      invoke: (name, payload) => lambda.invoke(name, payload),
      ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
      ...(options.log ? { log: options.log } : {}),
      onStatusChange: (change) => deliverStatusChange(change),
    });
    cleanups.push(() => engine.shutdown());
    const substitutions = Object.fromEntries(
      functionIds.map((id) => [functionArnSubstitutionKey(id), lambda.functionArn(id)]),
    );
    for (const id of stateMachineIds) {
      engine.createStateMachine({
        name: `lotse-${id}`,
        definition: substitute(readWorkflow(id), substitutions),
      });
      void stateMachines[id];
    }
    const sfnServer = await startStepFunctionsServer(engine, host, options.stepFunctionsPort);
    cleanups.push(() => closeServer(sfnServer));
    const resumedExecutions = engine.resumeAll();

    const streamTargets = functionIds.flatMap((id: FunctionId) => {
      const trigger = (functions[id] as { trigger?: { type: string } }).trigger;
      if (trigger?.type !== 'table-stream') return [];
      const { filter, batchSize, maxRetries } = trigger as unknown as {
        filter: StreamFilter | readonly StreamFilter[];
        batchSize: number;
        maxRetries: number;
      };
      return [
        { name: id, filter, batchSize, maxRetries, invoke: (event: unknown) => lambda.invoke(id, event) },
      ];
    });
    if (table?.LatestStreamArn && streamTargets.length > 0) {
      const poller = startStreamPoller({
        endpoint: dynamo.endpoint,
        region: REGION,
        streamArn: table.LatestStreamArn,
        targets: streamTargets,
        retryBaseMs: Math.max(20, 1000 * (options.timeScale ?? 1)),
        // Only a database on disk outlives the process; an in-memory one starts with an empty stream.
        ...(options.persistent ? { checkpointFile: join(options.dataDir, 'stream-checkpoint.json') } : {}),
        ...(options.log ? { log: options.log } : {}),
      });
      cleanups.push(() => poller.stop());
    }
    const scheduled = functionIds.filter(
      (id) => (functions[id] as { trigger?: { type: string } }).trigger?.type === 'schedule',
    );
    const redrive = async (graceMs?: number) => {
      const id = 'submission-workflow-redrive';
      return { [id]: await lambda.invoke(id, graceMs === undefined ? {} : { graceMs }) };
    };
    const timers = scheduled.map((id) => {
      const minutes = (functions[id] as { trigger?: { everyMinutes?: number } }).trigger?.everyMinutes ?? 5;
      return setInterval(
        () => void lambda.invoke(id, {}).catch(() => {}),
        minutes * 60_000 * (options.timeScale ?? 1),
      );
    });
    cleanups.push(async () => {
      for (const timer of timers) clearInterval(timer);
    });
    phase('table, engine, servers');
    const seededForms =
      options.seedForms === false
        ? []
        : await seedForms(join(repositoryRoot, 'forms'), env.TABLE_NAME as string);
    // Whatever was accepted while the runtime was down (or whose start failed) starts now, without
    // holding up the start.
    const startupRedrive = redrive(0).then(
      (reports) => options.log?.('start-up redrive done', reports),
      (error: unknown) => options.log?.('redrive failed', { error: String(error) }),
    );
    cleanups.push(() => startupRedrive);

    phase('forms');
    const web = await startHttpServer({
      host,
      port: options.port,
      webRoot: options.webRoot ?? join(repositoryRoot, 'web', 'dist'),
      compressedCacheDir: join(cacheDir, 'web'),
      // The console's OpenID client fetches discovery and tokens from the provider (CSP connect-src).
      connectSources: [`${openIdProvider.issuer}/`],
      invoke: (id, event) => lambda.invoke(id, event),
      originSecret,
      ...(options.viewerAddressFrom ? { viewerAddressFrom: options.viewerAddressFrom } : {}),
      verifyToken: createTokenVerifier({
        issuer: openIdProvider.issuer,
        jwksUri: openIdProvider.jwksUri,
        audiences: [auth.clientId, openIdProvider.clientId],
      }),
      runtimeConfig: {
        organisationName: env.ORGANISATION_NAME,
        oidc: { authority: openIdProvider.issuer, clientId: openIdProvider.clientId, scope: CONSOLE_SCOPE },
      },
      ...(options.log ? { log: options.log } : {}),
    });
    cleanups.push(() => closeServer(web));

    if (options.envFile) {
      mkdirSync(dirname(options.envFile), { recursive: true });
      writeFileSync(
        options.envFile,
        // Scripts reach the API through the web server like everyone else; they need no secret.
        `${Object.entries(env)
          .filter(([k]) => k !== ORIGIN_SECRET_ENV && k !== PREVIOUS_ORIGIN_SECRET_ENV)
          .map(([k, v]) => `${k}=${v}`)
          .join('\n')}\n`,
      );
    }
    return {
      urls: {
        web: webUrl,
        api: `${webUrl}/api`,
        dynamodb: dynamo.endpoint,
        stepFunctions: sfnUrl,
        ses: ses.endpoint,
        mailbox: ses.endpoint,
        auth: authUrl,
      },
      env,
      engine,
      auth,
      openIdProvider: {
        issuer: openIdProvider.issuer,
        clientId: openIdProvider.clientId,
        jwksUri: openIdProvider.jwksUri,
      },
      seededForms,
      redrive,
      invoke: (functionId: FunctionId, event: unknown) => lambda.invoke(functionId, event),
      resumedExecutions,
      startupPhases: phase.done(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The local stand-in for the EventBridge rules of `workflow-status` triggers: each matching end of
 * an execution is delivered as Step Functions' "Execution Status Change" event, retried a few times
 * with back-off as EventBridge would.
 */
function statusChangeDelivery(
  invoke: (id: FunctionId, event: unknown) => Promise<unknown>,
  region: string,
  account: string,
  log?: (message: string, details?: Record<string, unknown>) => void,
) {
  const listeners = functionIds.flatMap((id) => {
    const trigger = (functions[id] as { trigger?: FunctionTrigger }).trigger;
    return trigger?.type === 'workflow-status' ? [{ id, trigger }] : [];
  });
  return (change: ExecutionStatusChange) => {
    const machine =
      change.stateMachineArn
        .split(':')
        .at(-1)
        ?.replace(/^lotse-/, '') ?? '';
    for (const { id, trigger } of listeners) {
      if (!trigger.stateMachines.includes(machine)) continue;
      if (!(trigger.statuses as readonly string[]).includes(change.status)) continue;
      const event = {
        version: '0',
        id: randomUUID(),
        'detail-type': 'Step Functions Execution Status Change',
        source: 'aws.states',
        account,
        time: new Date().toISOString(),
        region,
        resources: [change.executionArn],
        detail: change,
      };
      void (async () => {
        for (let attempt = 0; attempt < 5; attempt++) {
          try {
            await invoke(id, event);
            return;
          } catch (error) {
            log?.('status change delivery failed', { function: id, error: String(error) });
            await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
          }
        }
      })();
    }
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function phaseTimer() {
  const phases: Record<string, number> = {};
  let last = performance.now();
  const mark = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - last);
    last = now;
  };
  return Object.assign(mark, { done: () => phases });
}
