import { Agent, request as httpRequest } from 'node:http';

/** One keep-alive agent for every benchmark request, so connection set-up is not measured. */
export const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export interface Reply {
  readonly status: number;
  readonly body: string;
}

/**
 * A plain HTTP request to 127.0.0.1 (node:http, keep-alive), reading the whole body. Lighter than
 * fetch, so the figures are mostly the server's. Rejects on network errors and after `timeoutMs`.
 */
export function request(
  url: string,
  options: { method?: string; json?: unknown; timeoutMs?: number; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1')
    return Promise.reject(new Error(`refusing to call ${target.hostname}`));
  const body = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      target,
      {
        method: options.method ?? 'GET',
        agent,
        headers: {
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`request to ${target.pathname} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
