import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeRuntimePorts } from '../../infra/local/ports.ts';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../infra/local/runtime.ts';
import { eventually } from './poll.ts';

/**
 * Starts the real local runtime (DynamoDB Local in memory, local SES, local Step Functions) on free
 * ports. Tests act as many visitors with X-Forwarded-For unless they ask for the socket's address.
 */
export async function startTestRuntime(
  options: { timeScale?: number } & Partial<
    Pick<LocalRuntimeOptions, 'adminEmail' | 'viewerAddressFrom'>
  > = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-test-'));
  const runtime: LocalRuntime = await startLocalRuntime({
    ...(await freeRuntimePorts()),
    dataDir,
    timeScale: options.timeScale ?? 0.001,
    ...(options.adminEmail ? { adminEmail: options.adminEmail } : {}),
    logLevel: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    viewerAddressFrom: options.viewerAddressFrom ?? 'x-forwarded-for',
  });
  return {
    runtime,
    async stop() {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface StoredMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
  /** As aws-ses-v2-local keeps them: `content` is base64. */
  attachments?: {
    filename?: string;
    contentType: string;
    contentDisposition?: string;
    content: string;
    size: number;
  }[];
}

export async function mailbox(runtime: LocalRuntime): Promise<StoredMail[]> {
  const response = await fetch(`${runtime.urls.ses}/store`);
  return ((await response.json()) as { emails: StoredMail[] }).emails;
}

/** The mails the local SES holds for one address. */
export async function mailsTo(runtime: LocalRuntime, address: string): Promise<StoredMail[]> {
  return (await mailbox(runtime)).filter((m) => m.destination.to.includes(address));
}

/** Waits until at least `count` mails to the address have arrived, and returns them. */
export const waitForMails = (runtime: LocalRuntime, address: string, count: number, timeoutMs?: number) =>
  eventually(
    async () => {
      const found = await mailsTo(runtime, address);
      return found.length >= count ? found : undefined;
    },
    { what: `${count} mail(s) to ${address}`, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
  );
