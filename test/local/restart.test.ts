import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dynamoDbLocalProcessesOn,
  exited,
  freeLotsePorts,
  type LotsePorts,
  startLotse,
} from '../support/npm-start.ts';
import { eventually } from '../support/poll.ts';

/**
 * Runs `npm start`'s entry point as a separate process, exactly as a developer would, and kills it
 * the hard way while an execution waits for its task token.
 */
let dataDir: string;
let ports: LotsePorts;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lotse-restart-'));
  ports = await freeLotsePorts();
});

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function start() {
  const running = await startLotse(dataDir, ports, { LOG_LEVEL: 'ERROR' });
  children.push(running.child);
  return running;
}

/** Signs in as the first admin npm start printed: only admins may run a system check. */
async function adminHeaders(output: string) {
  const username = /username (\S+)/.exec(output)?.[1];
  const password = /password (\S+)/.exec(output)?.[1];
  const clientId = /for the CLI, client (\S+?)\)/.exec(output)?.[1];
  const response = await fetch(`http://127.0.0.1:${ports.LOTSE_AUTH_PORT}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  const { AuthenticationResult } = (await response.json()) as {
    AuthenticationResult: { AccessToken: string };
  };
  return { 'content-type': 'application/json', authorization: `Bearer ${AuthenticationResult.AccessToken}` };
}

const javaProcessesOn = dynamoDbLocalProcessesOn;

describe('npm start', () => {
  it('loses no waiting execution when it is killed and started again', async () => {
    const first = await start();
    const api = `http://127.0.0.1:${ports.PORT}/api`;
    const recipient = `${randomUUID()}@example.org`;
    const headers = await adminHeaders(first.output());
    const created = await fetch(`${api}/system-checks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ recipient }),
    });
    const { checkId } = (await created.json()) as { checkId: string };
    const mail = await eventually(async () => {
      const store = (await (await fetch(`http://127.0.0.1:${ports.LOTSE_SES_PORT}/store`)).json()) as {
        emails: { destination: { to: string[] }; body: { text: string } }[];
      };
      return store.emails.find((m) => m.destination.to.includes(recipient));
    });
    const code = /\n\s{4}([A-Z0-9]{8})\n/.exec(mail.body.text)?.[1] ?? '';
    await eventually(async () => {
      const check = (await (await fetch(`${api}/system-checks/${checkId}`, { headers })).json()) as {
        status: string;
      };
      return check.status === 'waiting' ? true : undefined;
    });

    expect(javaProcessesOn(ports.LOTSE_DYNAMODB_PORT)).not.toBe('');
    first.child.kill('SIGKILL');
    await exited(first.child);
    // DynamoDB Local notices its parent is gone and exits too.
    await eventually(() => (javaProcessesOn(ports.LOTSE_DYNAMODB_PORT) === '' ? true : undefined), {
      what: 'DynamoDB Local to exit',
    });

    const second = await start();
    expect(second.output()).toContain('resumed 1 waiting execution');
    const local = Object.fromEntries(
      readFileSync(join(dataDir, 'local.env'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split('=', 2)),
    );
    expect(local.AWS_ENDPOINT_URL_SFN).toBe(`http://127.0.0.1:${ports.LOTSE_SFN_PORT}`);
    const confirmed = await fetch(`${api}/system-checks/${checkId}/confirm`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ code }),
    });
    expect(confirmed.status).toBe(200);
    const sfn = new SFNClient({
      endpoint: local.AWS_ENDPOINT_URL_SFN,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const executionArn = `arn:aws:states:eu-central-1:000000000000:execution:lotse-system-check:${checkId}`;
    const done = await eventually(async () => {
      const execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      return execution.status === 'RUNNING' ? undefined : execution;
    });
    expect(done.status).toBe('SUCCEEDED');

    // Ctrl-C stops everything it started.
    second.child.kill('SIGINT');
    await exited(second.child);
    expect(second.child.exitCode).toBe(0);
    expect(javaProcessesOn(ports.LOTSE_DYNAMODB_PORT)).toBe('');
    await expect(fetch(`${api}/health`)).rejects.toThrow();
  }, 120_000);
});
