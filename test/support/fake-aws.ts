import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server that answers the few AWS operations `npm run deploy` calls, in each
 * service's own protocol (STS and CloudFormation: query/XML, SSM: JSON 1.1, SESv2 and Lambda:
 * REST JSON), so the real SDK clients serialize, sign, send and parse as against AWS. A test
 * replaces an operation's answer to inject a fault; `hang` never answers.
 */
export type Operation =
  | 'sts:GetCallerIdentity'
  | 'ssm:GetParameter'
  | 'ses:GetEmailIdentity'
  | 'ses:GetAccount'
  | 'cloudformation:ListStackResources'
  | 'lambda:GetFunctionConfiguration';

export interface Call {
  readonly operation: Operation;
  /** The identity, parameter, stack or function the call names. */
  readonly subject: string;
}

export type Reply =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body: string }
  | 'hang';
export type Answer = (call: Call) => Reply;

export interface FakeAws {
  readonly endpoint: string;
  readonly calls: Call[];
  answer(operation: Operation, answer: Answer): void;
  close(): Promise<void>;
}

export const account = '123456789012';

const xml = (body: string, status = 200): Reply => ({
  status,
  headers: { 'content-type': 'text/xml' },
  body,
});
const json = (value: unknown, status = 200, errorType?: string): Reply => ({
  status,
  headers: {
    'content-type': 'application/json',
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  },
  body: JSON.stringify(value),
});

export const queryError = (code: string, message: string, status = 400): Reply =>
  xml(
    `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
    status,
  );
/** awsJson1_1 (SSM): the type in the body. */
export const json11Error = (type: string, message: string, status = 400): Reply =>
  json({ __type: type, message }, status);
/** restJson1 (SESv2, Lambda): the type in a header. */
export const restError = (type: string, message: string, status: number): Reply =>
  json({ message }, status, type);

export const callerIdentity = (): Reply =>
  xml(
    `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${account}:user/alex</Arn><UserId>AIDAEXAMPLE</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  );

export const bootstrapVersion = (version: string): Reply =>
  json({
    Parameter: { Name: '/cdk-bootstrap/hnb659fds/version', Type: 'String', Value: version, Version: 1 },
  });

export const emailIdentity = (options: {
  type: 'DOMAIN' | 'EMAIL_ADDRESS';
  verified: boolean;
  dkim?: string;
  tokens?: string[];
}): Reply =>
  json({
    IdentityType: options.type,
    VerifiedForSendingStatus: options.verified,
    VerificationStatus: options.verified ? 'SUCCESS' : 'PENDING',
    ...(options.type === 'DOMAIN'
      ? {
          DkimAttributes: {
            SigningEnabled: true,
            Status: options.dkim ?? 'PENDING',
            Tokens: options.tokens ?? [],
          },
        }
      : {}),
  });

export const noSuchIdentity = (): Reply =>
  restError('NotFoundException', 'Email identity does not exist.', 404);

export const sesAccount = (options: { production: boolean; reviewPending?: boolean }): Reply =>
  json({
    ProductionAccessEnabled: options.production,
    SendingEnabled: true,
    SendQuota: { Max24HourSend: options.production ? 50_000 : 200, MaxSendRate: 14, SentLast24Hours: 0 },
    ...(options.reviewPending ? { Details: { ReviewDetails: { Status: 'PENDING', CaseId: 'c-1' } } } : {}),
  });

export const stackFunctions = (names: string[]): Reply =>
  xml(
    `<ListStackResourcesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><ListStackResourcesResult><StackResourceSummaries>${[
      '<member><LogicalResourceId>Topic</LogicalResourceId><PhysicalResourceId>arn:aws:sns:eu-central-1:1:t</PhysicalResourceId><ResourceType>AWS::SNS::Topic</ResourceType><LastUpdatedTimestamp>2026-01-01T00:00:00Z</LastUpdatedTimestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>',
      ...names.map(
        (name) =>
          `<member><LogicalResourceId>Fn${name.length}</LogicalResourceId><PhysicalResourceId>${name}</PhysicalResourceId><ResourceType>AWS::Lambda::Function</ResourceType><LastUpdatedTimestamp>2026-01-01T00:00:00Z</LastUpdatedTimestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member>`,
      ),
    ].join(
      '',
    )}</StackResourceSummaries></ListStackResourcesResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></ListStackResourcesResponse>`,
  );

export const functionConfiguration = (name: string, variables: Record<string, string>): Reply =>
  json({ FunctionName: name, Environment: { Variables: variables } });

function route(request: IncomingMessage, body: string): Call | undefined {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const form = new URLSearchParams(body);
  const target = request.headers['x-amz-target'];
  if (form.get('Action') === 'GetCallerIdentity') return { operation: 'sts:GetCallerIdentity', subject: '' };
  if (form.get('Action') === 'ListStackResources')
    return { operation: 'cloudformation:ListStackResources', subject: form.get('StackName') ?? '' };
  if (target === 'AmazonSSM.GetParameter')
    return { operation: 'ssm:GetParameter', subject: (JSON.parse(body) as { Name: string }).Name };
  if (url.pathname === '/v2/email/account') return { operation: 'ses:GetAccount', subject: '' };
  const identity = /^\/v2\/email\/identities\/([^/]+)$/.exec(url.pathname);
  if (identity) return { operation: 'ses:GetEmailIdentity', subject: decodeURIComponent(identity[1] ?? '') };
  const fn = /^\/2015-03-31\/functions\/([^/]+)\/configuration$/.exec(url.pathname);
  if (fn) return { operation: 'lambda:GetFunctionConfiguration', subject: decodeURIComponent(fn[1] ?? '') };
  return undefined;
}

/** Everything fine: an account, bootstrapped, the sender's domain verified, out of the sandbox. */
const fine: Record<Operation, Answer> = {
  'sts:GetCallerIdentity': callerIdentity,
  'ssm:GetParameter': () => bootstrapVersion('28'),
  'ses:GetEmailIdentity': (call) =>
    call.subject.includes('@')
      ? noSuchIdentity()
      : emailIdentity({ type: 'DOMAIN', verified: true, dkim: 'SUCCESS' }),
  'ses:GetAccount': () => sesAccount({ production: true }),
  'cloudformation:ListStackResources': () => stackFunctions([]),
  'lambda:GetFunctionConfiguration': (call) => functionConfiguration(call.subject, {}),
};

export async function startFakeAws(): Promise<FakeAws> {
  const answers = { ...fine };
  const calls: Call[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const call = route(request, Buffer.concat(chunks).toString('utf8'));
      if (!call) {
        response
          .writeHead(400, { 'content-type': 'text/plain' })
          .end(`fake AWS: no route for ${request.url}`);
        return;
      }
      calls.push(call);
      const reply = answers[call.operation](call);
      if (reply === 'hang') return;
      response.writeHead(reply.status, { 'x-amzn-requestid': 'r-1', ...reply.headers }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    answer: (operation, answer) => {
      answers[operation] = answer;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
