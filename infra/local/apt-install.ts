import { spawn } from 'node:child_process';

export interface Console {
  /** A TTY gets one ticking line; anything else (CI logs) gets apt's own lines. */
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * `apt-get update` then `apt-get install` of `packages`, showing progress while it runs (it takes
 * a minute): on a terminal one line that ticks with the seconds and apt's current step, elsewhere
 * apt's own output. Resolves when installed; rejects with the tail of apt's output otherwise.
 */
export async function aptInstall(aptGet: string, packages: string[], out: Console): Promise<void> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run(aptGet, ['update', '-q'], env, out);
  await run(aptGet, ['install', '-y', '-q', '--no-install-recommends', ...packages], env, out);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, out: Console): Promise<void> {
  const started = Date.now();
  const lines: string[] = [];
  const tick = () => {
    const seconds = Math.round((Date.now() - started) / 1000);
    const step = (lines.at(-1) ?? '').slice(0, 60);
    out.write(`\r\x1b[K  ${command.split('/').at(-1)} ${args[0]}: ${seconds} s  ${step}`);
  };
  const ticker = out.isTTY ? setInterval(tick, 1000) : undefined;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (!out.isTTY) out.write(`  ${line}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const finish = (error?: Error) => {
      clearInterval(ticker);
      if (out.isTTY) out.write('\r\x1b[K');
      if (error) reject(error);
      else resolve();
    };
    child.once('error', (error) => finish(error));
    child.once('exit', (code) =>
      finish(
        code === 0
          ? undefined
          : new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${lines.slice(-8).join('\n')}`),
      ),
    );
  });
}
