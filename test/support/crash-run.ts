import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { PENDING_WORKFLOW_KEY } from '#shared/adapters/submission-store.ts';
import { repositoryRoot } from '../../infra/local/runtime.ts';
import { dynamoDbLocalProcessesOn, freeLotsePorts } from './npm-start.ts';
import { eventually } from './poll.ts';

/**
 * Submits to the real `npm start` entry from many concurrent clients, kill -9s its whole process
 * group half-way, starts it again on the same data, submits the rest (and again whatever got no
 * answer, with the same id, as a browser would), then waits until every stored submission's
 * workflow has started. Shared by test/local/crash.e2e.test.ts (1,000) and bench/crash.ts (10,000).
 */
export interface CrashRunOptions {
  readonly count: number;
  readonly concurrency: number;
  readonly dataDir: string;
  /** How long to wait for every workflow after the restart. */
  readonly startedWithinMs: number;
  readonly log?: (line: string) => void;
  /** Told of each spawned `npm start`, so the caller can kill its group if the run is abandoned. */
  readonly onSpawn?: (child: ChildProcess) => void;
}

export interface CrashRunResult {
  readonly acknowledged: readonly string[];
  /** Submission ids in the table, one entry per stored item. */
  readonly stored: readonly string[];
  readonly pendingAfter: number;
  /** Submissions without exactly one execution named after them, with the right input. */
  readonly withoutExecution: readonly string[];
  /** Names of submission-received executions (the engine lists at most 1,000). */
  readonly executionNames: readonly string[];
  readonly acceptedBeforeKill: number;
  readonly submitPerSecondBeforeKill: number;
  readonly submitPerSecondAfterRestart: number;
  readonly restartReadyMs: number;
  /** From the restart (spawn) until every stored submission was marked started. */
  readonly allStartedAfterRestartMs: number;
  /** From the restart until every submission acknowledged before the kill was started: the backlog. */
  readonly backlogStartedAfterRestartMs: number;
  /** From the last acknowledged submission until every workflow had started. */
  readonly allStartedAfterLastSubmitMs: number;
}

const SLUG = 'foerderantrag-initiative';
const WORKFLOW_ARN = 'arn:aws:states:eu-central-1:000000000000:execution:lotse-submission-received';

export async function crashRun(options: CrashRunOptions): Promise<CrashRunResult> {
  const ports = await freeLotsePorts();
  const api = `http://127.0.0.1:${ports.PORT}/api`;
  const log = options.log ?? (() => {});
  const ids = Array.from({ length: options.count }, () => randomUUID());
  const acknowledged = new Set<string>();
  let first: Lotse | undefined;
  let second: Lotse | undefined;
  try {
    first = await startLotse(ports, options.dataDir, options.onSpawn);
    log(`first start ready in ${first.readyMs} ms`);
    const version = await publishedVersion(api);
    const half = Math.floor(options.count / 2);
    const firstStarted = performance.now();
    const unanswered = await submitAll(api, version, ids, options.concurrency, acknowledged, () => {
      if (acknowledged.size < half || !first) return false;
      killGroup(first.child);
      return true;
    });
    const acceptedBeforeKill = acknowledged.size;
    const submitPerSecondBeforeKill = acceptedBeforeKill / ((performance.now() - firstStarted) / 1000);
    log(`killed after ${acceptedBeforeKill} acknowledged; ${unanswered.length} without a 202 (sent again)`);
    await first.exited;
    await eventually(() => (dynamoDbJavaRunning(ports.LOTSE_DYNAMODB_PORT) ? undefined : true), {
      timeoutMs: 30_000,
      what: 'DynamoDB Local to die with its parent',
    });

    const restarted = performance.now();
    second = await startLotse(ports, options.dataDir, options.onSpawn);
    log(`restart ready in ${second.readyMs} ms`);
    const secondStarted = performance.now();
    const backlog = new Set(acknowledged);
    const documents = documentClientFor(ports.LOTSE_DYNAMODB_PORT);
    // Watched while the rest is sent: how long the submissions accepted before the kill wait.
    // The sparse pending index, not a scan: polling must not load the system it measures.
    const backlogStarted = eventually(
      async () => {
        const pending = await pendingIds(documents);
        return pending.some((id) => backlog.has(id)) ? undefined : performance.now();
      },
      { timeoutMs: options.startedWithinMs, intervalMs: 1000, what: 'the backlog to start' },
    ).catch(() => Number.NaN);
    let left = unanswered;
    for (let round = 0; left.length > 0 && round < 10; round++) {
      left = await submitAll(api, version, left, options.concurrency, acknowledged, () => false);
    }
    if (left.length > 0) throw new Error(`${left.length} submissions got no answer after the restart`);
    const lastSubmit = performance.now();
    const submitPerSecondAfterRestart =
      (acknowledged.size - acceptedBeforeKill) / ((lastSubmit - secondStarted) / 1000);

    let stored: string[] = [];
    let pendingAfter = 0;
    const allStarted = await eventually(
      async () => {
        if ((await pendingIds(documents)).length > 0) return undefined;
        const submissions = await scanSubmissions(documents);
        stored = submissions.map((s) => s.submissionId);
        pendingAfter = submissions.filter((s) => s.workflowStatus !== 'started').length;
        return pendingAfter === 0 && stored.length >= acknowledged.size ? performance.now() : undefined;
      },
      { timeoutMs: options.startedWithinMs, intervalMs: 1000, what: 'every workflow to start' },
    ).catch(() => Number.NaN);
    const withoutExecution = await checkExecutions(ports.LOTSE_SFN_PORT, stored);
    const executionNames = await listExecutionNames(ports.LOTSE_SFN_PORT);
    return {
      acknowledged: [...acknowledged],
      stored,
      pendingAfter,
      withoutExecution,
      executionNames,
      acceptedBeforeKill,
      submitPerSecondBeforeKill,
      submitPerSecondAfterRestart,
      restartReadyMs: second.readyMs,
      allStartedAfterRestartMs: allStarted - restarted,
      backlogStartedAfterRestartMs: (await backlogStarted) - restarted,
      allStartedAfterLastSubmitMs: allStarted - lastSubmit,
    };
  } finally {
    if (first) killGroup(first.child);
    if (second) {
      second.child.kill('SIGINT');
      await Promise.race([second.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      killGroup(second.child);
    }
  }
}

interface Lotse {
  readonly child: ChildProcess;
  readonly readyMs: number;
  readonly exited: Promise<void>;
}

async function startLotse(
  ports: Record<string, number>,
  dataDir: string,
  onSpawn?: (child: ChildProcess) => void,
): Promise<Lotse> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'infra/local/start.ts')], {
    cwd: repositoryRoot,
    // Its own process group, so one kill -9 takes Node and DynamoDB Local's JVM at the same instant.
    detached: true,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
      LOTSE_DATA_DIR: dataDir,
      LOTSE_ENV_FILE: join(dataDir, 'local.env'),
      LOG_LEVEL: 'ERROR',
      // Every client here is 127.0.0.1; the per-client limit would refuse all but the first 20.
      SUBMISSION_RATE_LIMIT: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onSpawn?.(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  });
  const readyMs = await eventually(
    () => {
      if (child.exitCode !== null) throw new Error(`npm start exited: ${output}`);
      const found = /LOTSE_READY (\d+)/.exec(output);
      return found ? Number(found[1]) : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 100, what: 'npm start to be ready' },
  );
  return { child, readyMs, exited };
}

export function killGroup(child: ChildProcess) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

const dynamoDbJavaRunning = (port: number) => dynamoDbLocalProcessesOn(port) !== '';

async function publishedVersion(api: string): Promise<number> {
  const response = await fetch(`${api}/forms/${SLUG}?locale=de`);
  const etag = response.headers.get('etag') ?? '';
  await response.arrayBuffer();
  const version = /-v(\d+)-/.exec(etag)?.[1];
  if (!version) throw new Error(`no published version of ${SLUG} (${response.status})`);
  return Number(version);
}

/**
 * Sends each id once from `concurrency` clients; returns the ids that got no answer (the server
 * went away). `shouldStop` is asked after each answer and ends the run when it says so.
 */
async function submitAll(
  api: string,
  version: number,
  ids: readonly string[],
  concurrency: number,
  acknowledged: Set<string>,
  shouldStop: () => boolean,
): Promise<string[]> {
  let next = 0;
  let stopped = false;
  const unanswered: string[] = [];
  const client = async () => {
    while (next < ids.length) {
      const submissionId = ids[next++] as string;
      if (stopped) {
        unanswered.push(submissionId);
        continue;
      }
      const status = await submitOne(api, version, submissionId).catch(() => 0);
      if (status === 202) acknowledged.add(submissionId);
      // No answer, or a 5xx (a handler that timed out under this load): a browser tries again, same id.
      else if (status === 0 || status >= 500) unanswered.push(submissionId);
      else throw new Error(`submission answered ${status}`);
      if (!stopped && shouldStop()) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return unanswered;
}

async function submitOne(api: string, version: number, submissionId: string): Promise<number> {
  const response = await fetch(`${api}/forms/${SLUG}/submissions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      submissionId,
      formVersion: version,
      locale: 'de',
      data: {
        organisationName: 'Nachbarschaftshilfe Nord',
        legalForm: 'initiative',
        contactName: 'Mira',
        email: `${submissionId}@example.org`,
        projectTitle: 'Sprachcafé',
        projectDescription: 'Ein wöchentliches Sprachcafé.',
        startDate: '2027-03-01',
        supportType: 'advice',
      },
      consent: { version: '2026-11-01', accepted: true },
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

const documentClientFor = (port: number) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );

/** Ids of the submissions whose workflow has not started yet (the sparse index gsi1). */
async function pendingIds(client: DynamoDBDocumentClient): Promise<string[]> {
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: 'lotse-main',
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pending',
        ExpressionAttributeValues: { ':pending': PENDING_WORKFLOW_KEY },
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    ids.push(...(page.Items ?? []).map((item) => String(item.submissionId)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return ids;
}

async function scanSubmissions(client: DynamoDBDocumentClient) {
  const found: { submissionId: string; workflowStatus: string }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: 'lotse-main',
        FilterExpression: '#type = :submission AND formSlug = :slug',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':submission': 'Submission', ':slug': SLUG },
        ProjectionExpression: 'submissionId, workflowStatus',
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    found.push(...((page.Items ?? []) as typeof found));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return found;
}

const sfnFor = (port: number) =>
  new SFNClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

async function listExecutionNames(port: number): Promise<string[]> {
  const { executions = [] } = await sfnFor(port).send(
    new ListExecutionsCommand({
      stateMachineArn: WORKFLOW_ARN.replace(':execution:', ':stateMachine:'),
      maxResults: 1000,
    }),
  );
  return executions.map((e) => e.name ?? '');
}

/** The execution named after each submission exists and was started for it (its input names it). */
async function checkExecutions(port: number, submissionIds: readonly string[]): Promise<string[]> {
  const sfn = sfnFor(port);
  const missing: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < submissionIds.length) {
      const submissionId = submissionIds[next++] as string;
      const execution = await sfn
        .send(new DescribeExecutionCommand({ executionArn: `${WORKFLOW_ARN}:${submissionId}` }))
        .catch(() => undefined);
      const input = JSON.parse(execution?.input ?? '{}') as { submissionId?: string };
      if (input.submissionId !== submissionId) missing.push(submissionId);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return missing;
}
