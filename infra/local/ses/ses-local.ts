import type { Server } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Starts aws-ses-v2-local in this process: the SES v1/v2 API, a web mailbox at `/` and `GET /store`. */
export async function startSesLocal(
  host: string,
  port: number,
): Promise<{ server: Server; endpoint: string }> {
  const start = (
    require('aws-ses-v2-local') as { default: (config: { host: string; port: number }) => Promise<Server> }
  ).default;
  // GetAccount answers from this variable; describe a local account that may send.
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(localAccount);
  const server = await start({ host, port });
  return { server, endpoint: `http://${host}:${port}` };
}

const localAccount = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: 'EN',
    MailType: 'TRANSACTIONAL',
    ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
    UseCaseDescription: 'Lotse local runtime',
    WebsiteURL: 'http://127.0.0.1',
  },
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 100, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: [] },
};
