import { join } from 'node:path';
import { defaultLogLevel, logLevels } from '../../functions/shared/logger.ts';
import * as z from '../../functions/shared/zod.ts';
import { assertPortFree } from './ports.ts';
import { ensureJava, thisSystem } from './prerequisites.ts';
import { repositoryRoot, startLocalRuntime } from './runtime.ts';
import { buildWebIfStale } from './web-build.ts';

/**
 * `npm start`: the whole of Lotse on this machine, no AWS account needed. Configuration comes from
 * the environment (see README, "Configuration"); every server binds to 127.0.0.1.
 */
const port = z.coerce.number().check(z.int(), z.minimum(1), z.maximum(65535));
const settings = z
  .object({
    PORT: z._default(port, 3000),
    LOTSE_DYNAMODB_PORT: z._default(port, 8000),
    LOTSE_SFN_PORT: z._default(port, 8083),
    LOTSE_SES_PORT: z._default(port, 8005),
    LOTSE_AUTH_PORT: z._default(port, 8084),
    LOTSE_DATA_DIR: z._default(z.string(), join(repositoryRoot, '.lotse', 'data')),
    LOTSE_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
    LOTSE_ENV_FILE: z._default(z.string(), join(repositoryRoot, '.lotse', 'local.env')),
    MAIL_FROM: z._default(z.email(), 'lotse@example.org'),
    ORGANISATION_NAME: z._default(z.string().check(z.minLength(1)), 'Lotse'),
    LOTSE_ADMIN_EMAIL: z._default(z.email(), 'admin@example.org'),
    LOG_LEVEL: z._default(z.enum(logLevels), defaultLogLevel),
  })
  .safeParse(process.env);

if (!settings.success) {
  console.error('Cannot start: bad configuration');
  for (const issue of settings.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const config = settings.data;

const log = (message: string, details?: Record<string, unknown>) =>
  console.log(`[lotse] ${message}${details ? ` ${JSON.stringify(details)}` : ''}`);

try {
  // First, so a machine without Java learns it at once (or gets it installed), not after the build.
  await ensureJava(thisSystem());
  const buildStarted = performance.now();
  if (await buildWebIfStale(repositoryRoot))
    log(`built the web app in ${Math.round(performance.now() - buildStarted)} ms`);

  await Promise.all([
    assertPortFree(config.PORT, 'PORT'),
    assertPortFree(config.LOTSE_DYNAMODB_PORT, 'LOTSE_DYNAMODB_PORT'),
    assertPortFree(config.LOTSE_SFN_PORT, 'LOTSE_SFN_PORT'),
    assertPortFree(config.LOTSE_SES_PORT, 'LOTSE_SES_PORT'),
    assertPortFree(config.LOTSE_AUTH_PORT, 'LOTSE_AUTH_PORT'),
  ]);
  const started = performance.now();
  const envFile = config.LOTSE_ENV_FILE;
  const runtime = await startLocalRuntime({
    port: config.PORT,
    dynamodbPort: config.LOTSE_DYNAMODB_PORT,
    stepFunctionsPort: config.LOTSE_SFN_PORT,
    sesPort: config.LOTSE_SES_PORT,
    authPort: config.LOTSE_AUTH_PORT,
    dataDir: config.LOTSE_DATA_DIR,
    persistent: true,
    timeScale: config.LOTSE_TIME_SCALE,
    mailFrom: config.MAIL_FROM,
    organisationName: config.ORGANISATION_NAME,
    adminEmail: config.LOTSE_ADMIN_EMAIL,
    logLevel: config.LOG_LEVEL,
    envFile,
    log,
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Handlers are in place before READY is printed, so a stop right after it is still clean.
  const firstAdmin = runtime.auth.ensureFirstAdmin();
  if (firstAdmin) {
    console.log(
      `\nCreated the first admin (shown only this once; kept hashed in ${config.LOTSE_DATA_DIR}/auth):\n  username ${firstAdmin.username}\n  password ${firstAdmin.password}`,
    );
  }
  if (runtime.seededForms.length > 0) log(`seeded forms: ${runtime.seededForms.join(', ')}`);
  const readyMs = Math.round(performance.now() - started);
  console.log(`
Lotse is running (ready in ${readyMs} ms: ${Object.entries(runtime.startupPhases)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(
      ', ',
    )}${runtime.resumedExecutions ? `, resumed ${runtime.resumedExecutions} waiting execution(s)` : ''}):
  web app         ${runtime.urls.web}
  console         ${runtime.urls.web}/console   (sign in as an admin; the first one is printed above on first start)
  HTTP API        ${runtime.urls.api}   (health: ${runtime.urls.api}/health, OpenAPI: ${runtime.urls.api}/openapi.json)
  mailbox (SES)   ${runtime.urls.mailbox}   (what needs attention is mailed to ${config.LOTSE_ADMIN_EMAIL})
  DynamoDB Local  ${runtime.urls.dynamodb}
  Step Functions  ${runtime.urls.stepFunctions}
  sign-in         ${runtime.urls.auth}   (OpenID provider, console client ${runtime.openIdProvider.clientId}; Cognito InitiateAuth for the CLI, client ${runtime.auth.clientId})
  data            ${config.LOTSE_DATA_DIR}
  endpoints file  ${envFile}
Press Ctrl-C to stop.
LOTSE_READY ${readyMs}`);
} catch (error) {
  console.error(`Cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
