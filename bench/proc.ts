import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Resident set size of a process in MiB, from /proc/<pid>/status (VmRSS); NaN when unreadable. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Process ids whose command line contains `needle` (arguments joined with spaces). */
export function pidsWithCmdline(needle: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (cmdline.includes(needle)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** The DynamoDB Local JVM(s) launched for this port (see infra/local/dynamodb/dynamodb-local.ts). */
export const dynamoDbJavaPids = (port: number): number[] =>
  pidsWithCmdline(`LoopbackDynamoDbLocal -port ${port} `);

export const hasExited = (child: ChildProcess): boolean =>
  child.exitCode !== null || child.signalCode !== null;

/** Resolves when the child has exited, or with false after `ms`. */
export function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Sends `signal`, waits up to `graceMs`, then SIGKILLs. Returns how the child ended. */
export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals,
  graceMs: number,
): Promise<string> {
  if (hasExited(child)) return describeExit(child);
  child.kill(signal);
  if (!(await exited(child, graceMs))) {
    child.kill('SIGKILL');
    await exited(child, 5000);
    return `did not exit within ${graceMs} ms of ${signal}; killed`;
  }
  return describeExit(child);
}

const describeExit = (child: ChildProcess) =>
  child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`;

/** SIGKILLs a pid we are responsible for (e.g. a leftover DynamoDB Local of a child we started). */
export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
