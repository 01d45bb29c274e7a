import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type SesLocalOptions, SesPolicy } from './policy.ts';

const require = createRequire(import.meta.url);

/**
 * Starts aws-ses-v2-local in this process (the SES v1/v2 API, a web mailbox at `/`, `GET /store`)
 * on a private port, behind a small front server on `port` that refuses what real SES would refuse
 * (see policy.ts) and answers GetAccount for the account it plays. `GET /control` shows that
 * behaviour; `POST /control` with a JSON body of SesLocalOptions changes it while running.
 */
export async function startSesLocal(
  host: string,
  port: number,
  options: SesLocalOptions = {},
): Promise<{ server: Server; endpoint: string; policy: SesPolicy }> {
  const start = (
    require('aws-ses-v2-local') as { default: (config: { host: string; port: number }) => Promise<Server> }
  ).default;
  const inner = await start({ host, port: 0 });
  const target = { host, port: (inner.address() as AddressInfo).port };
  const policy = new SesPolicy(options);
  const front = createServer((req, res) => {
    route(req, res, policy, target).catch((error: unknown) =>
      reply(res, 500, 'InternalFailure', String(error)),
    );
  });
  front.on('close', () => {
    inner.close();
    inner.closeAllConnections();
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(port, host, () => resolve());
  });
  return { server: front, endpoint: `http://${host}:${port}`, policy };
}

type Target = { host: string; port: number };

async function route(req: IncomingMessage, res: ServerResponse, policy: SesPolicy, target: Target) {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/control') {
    if (req.method === 'POST' || req.method === 'PUT') policy.update(JSON.parse((await body(req)) || '{}'));
    return sendJson(res, 200, policy.snapshot());
  }
  if (path === '/v2/email/account' && req.method === 'GET') return sendJson(res, 200, policy.account());
  if (path === '/v2/email/outbound-emails' && req.method === 'POST') {
    const raw = await body(req);
    const input = JSON.parse(raw || '{}') as {
      FromEmailAddress?: string;
      Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
    };
    const { ToAddresses = [], CcAddresses = [], BccAddresses = [] } = input.Destination ?? {};
    const refusal = policy.check(input.FromEmailAddress, [...ToAddresses, ...CcAddresses, ...BccAddresses]);
    if (refusal) return reply(res, refusal.status, refusal.type, refusal.message);
    const status = await forward(req, res, target, Buffer.from(raw));
    if (status === 200) policy.recordSent();
    return;
  }
  await forward(req, res, target);
}

/** Passes a request on to aws-ses-v2-local; a body already read is sent as it was. */
function forward(req: IncomingMessage, res: ServerResponse, target: Target, read?: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const upstream = request(
      { ...target, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () => resolve(answer.statusCode ?? 502));
      },
    );
    upstream.on('error', reject);
    if (read) upstream.end(read);
    else req.pipe(upstream);
  });
}

/** An SES v2 (REST JSON) error, as the SDK reads it: the type in x-amzn-ErrorType. */
function reply(res: ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
  res.end(JSON.stringify({ message }));
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
