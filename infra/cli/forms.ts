import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { checkStorableSize } from '../../functions/shared/adapters/form-store.ts';
import { PayloadTooLargeError } from '../../functions/shared/domain/errors.ts';
import { validateFormDefinition } from '../../functions/shared/domain/form-validation.ts';
import { readFormFiles } from '../local/seed.ts';
import { exportRequestOf, exportToFile, exportUsageProblem } from './export-command.ts';
import { exportForm, formExportUsageProblem, importForm, importUsageProblem } from './form-files-command.ts';

const HELP = `Usage: npm run forms -- <command> [options]

Commands:
  validate <file...>   check form definition files offline (no API needed)
  publish <file...>    save each file as a new version of its form and publish it
  seed                 publish every forms/*.json whose form does not exist yet
  restart --failed     restart every application whose workflow failed or timed out
  restart <id...>      restart these applications (failed, timed out or expired)
  export <slug>        export a form's submissions to a file, any size (page by page, streamed)
  export <slug> --format jsonforms --out DIR
                       write a version of the form as DIR/<slug>.schema.json and <slug>.uischema.json
  import <schema.json> [uischema.json] --locale de [--slug x] [--title T]
                       create a new form's draft from JSON Forms files (publish it in the console)

Options (publish, seed, restart, import, export):
  --api URL            the API, e.g. https://d123.cloudfront.net/api (default: the local runtime)
  --user NAME          an admin user (default: admin); the password comes from LOTSE_PASSWORD or a prompt
  --client-id ID       the user pool's app client (default: LOTSE_USER_POOL_CLIENT_ID)
  --region REGION      the user pool's region (default: AWS_REGION or eu-central-1)
  --draft              publish: save as a draft only, do not publish
  --version N          export --format jsonforms: this version (default: the published one)

Options (export; coordinators and viewers may export the forms assigned to them):
  --format csv|xlsx    the file type (required)
  --out FILE           where to write it (required); written to FILE.part and renamed when complete
  --status STATUS      only submissions in this status (new, waiting, approved, rejected, …)
  --from DATE          only submissions received on or after this date (2026-01-31) or UTC time
  --to DATE            only submissions received on or before this date or UTC time
  --locale LOCALE      the language of the column labels (default: the form's default language)
`;

type Out = (line: string) => void;

/** The admin's command line for forms: the same admin API the browser uses, so the same checks apply. */
export async function runFormsCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  out: Out = console.log,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      user: { type: 'string', default: 'admin' },
      'client-id': { type: 'string' },
      region: { type: 'string' },
      draft: { type: 'boolean', default: false },
      failed: { type: 'boolean', default: false },
      format: { type: 'string' },
      out: { type: 'string' },
      status: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      locale: { type: 'string' },
      slug: { type: 'string' },
      title: { type: 'string' },
      version: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...files] = positionals;
  if (values.help || !command) {
    out(HELP);
    return command ? 0 : 2;
  }
  if (command === 'validate') return validateFiles(files, out);
  if (command === 'restart' && !values.failed && files.length === 0) {
    out('restart needs --failed or the ids of the applications to restart.');
    return 2;
  }
  const formExport = command === 'export' && values.format === 'jsonforms';
  const usageProblem =
    command === 'import'
      ? importUsageProblem(files, values)
      : formExport
        ? formExportUsageProblem(files, values)
        : command === 'export'
          ? exportUsageProblem(files, values)
          : undefined;
  if (usageProblem) {
    out(usageProblem);
    return 2;
  }
  if (!['publish', 'seed', 'restart', 'export', 'import'].includes(command)) {
    out(`Unknown command "${command}".\n${HELP}`);
    return 2;
  }
  const local = readLocalEnv();
  const api = (
    values.api ??
    env.LOTSE_API_URL ??
    (local.LOTSE_WEB_URL ? `${local.LOTSE_WEB_URL}/api` : '')
  ).replace(/\/$/, '');
  if (!api) {
    out('No API given: pass --api https://<your-distribution>/api or start the local runtime (npm start).');
    return 2;
  }
  const clientId = values['client-id'] ?? env.LOTSE_USER_POOL_CLIENT_ID ?? local.LOTSE_USER_POOL_CLIENT_ID;
  if (!clientId) {
    out('No user pool client: pass --client-id (stack output UserPoolClientId).');
    return 2;
  }
  // Locally the sign-in is the runtime's Cognito stand-in; on AWS the SDK finds Cognito itself.
  const cognitoEndpoint =
    env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??
    (values.api ? undefined : local.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER);
  const password = env.LOTSE_PASSWORD ?? (await prompt(`Password for ${values.user}: `));
  const cognito = new CognitoIdentityProviderClient({
    region: values.region ?? env.AWS_REGION ?? 'eu-central-1',
    ...(cognitoEndpoint ? { endpoint: cognitoEndpoint } : {}),
    // InitiateAuth with USER_PASSWORD_AUTH is unsigned; no AWS credentials are needed.
    credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' },
  });
  let token: string;
  try {
    const { AuthenticationResult, ChallengeName } = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: values.user as string, PASSWORD: password },
      }),
    );
    token = AuthenticationResult?.AccessToken ?? '';
    if (!token) {
      out(
        `Sign-in needs another step (${ChallengeName ?? 'unknown challenge'}): sign in to the console once and choose your own password there (docs/deploy.md, "The first admin").`,
      );
      return 1;
    }
  } catch (error) {
    out(`Sign-in failed: ${(error as Error).message}`);
    return 1;
  }
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
    };
  };

  if (command === 'restart') return restart(call, values.failed ? 'failed' : 'given', files, out);
  if (formExport) return exportForm(call, files[0] as string, values, out);
  if (command === 'export') return exportToFile(call, exportRequestOf(files, values), out);
  if (command === 'import') return importForm(call, files, values, out);

  const entries =
    command === 'seed'
      ? readFormFiles(join(process.cwd(), 'forms'))
      : files.map((file) => ({
          file,
          definition: JSON.parse(readFileSync(file, 'utf8')) as { slug: string },
        }));
  let failures = 0;
  for (const { file, definition } of entries) {
    if (
      command === 'seed' &&
      (await call('GET', `/admin/forms/${definition.slug}/versions`)).status === 200
    ) {
      out(`${definition.slug}: exists, left as it is`);
      continue;
    }
    const saved = await call('POST', `/admin/forms/${definition.slug}/versions`, definition);
    if (saved.status !== 201) {
      failures += 1;
      out(`${basename(file)}: not saved (${saved.status})`);
      for (const issue of (saved.body.error as { issues?: { field: string; message: string }[] })?.issues ??
        []) {
        out(`  ${issue.field}: ${issue.message}`);
      }
      continue;
    }
    const version = Number(saved.body.version);
    if (values.draft) {
      out(`${definition.slug}: saved version ${version} as a draft`);
      continue;
    }
    const published = await call('POST', `/admin/forms/${definition.slug}/versions/${version}/publish`);
    if (published.status !== 200) {
      failures += 1;
      out(`${definition.slug}: version ${version} saved but not published (${published.status})`);
      continue;
    }
    out(`${definition.slug}: version ${version} published`);
  }
  return failures > 0 ? 1 : 0;
}

type Call = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: Record<string, unknown> }>;

/** Restarts the given applications, or every one whose workflow failed; each restart is recorded. */
async function restart(call: Call, which: 'failed' | 'given', ids: string[], out: Out): Promise<number> {
  const targets = [...ids];
  if (which === 'failed') {
    let cursor: string | undefined;
    do {
      const page = await call(
        'GET',
        `/admin/attention?kind=workflow-failed&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      if (page.status !== 200) {
        out(`Could not list the failed workflows (${page.status}).`);
        return 1;
      }
      for (const item of page.body.items as { submissionId: string }[]) targets.push(item.submissionId);
      cursor = page.body.cursor as string | undefined;
    } while (cursor);
  }
  let failures = 0;
  for (const id of targets) {
    const restarted = await call('POST', `/admin/submissions/${id}/restart`);
    if (restarted.status === 202) out(`${id}: restarted`);
    else {
      failures += 1;
      const message = (restarted.body.error as { message?: string } | undefined)?.message ?? '';
      out(`${id}: not restarted (${restarted.status}) ${message}`.trim());
    }
  }
  out(`Restarted ${targets.length - failures} of ${targets.length}.`);
  return failures > 0 ? 1 : 0;
}

function validateFiles(files: string[], out: Out): number {
  let failures = 0;
  for (const file of files) {
    const input: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const tooLarge = sizeProblem(input);
    if (tooLarge) {
      failures += 1;
      out(`${file}: ${tooLarge}`);
      continue;
    }
    const result = validateFormDefinition(input);
    if (result.ok) {
      out(`${file}: valid`);
      continue;
    }
    failures += 1;
    out(`${file}: ${result.issues.length} problem(s)`);
    for (const issue of result.issues) out(`  ${issue.field}: ${issue.message}`);
  }
  return failures > 0 ? 1 : 0;
}

/** The API's 413 for a form too large to store, offline; measured as saved by a typical user name. */
function sizeProblem(input: unknown): string | undefined {
  try {
    checkStorableSize(input, 'admin');
    return undefined;
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return error.message;
    throw error;
  }
}

function readLocalEnv(): Record<string, string> {
  const file = process.env.LOTSE_ENV_FILE ?? join(process.cwd(), '.lotse', 'local.env');
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

async function prompt(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runFormsCli(process.argv.slice(2));
}
