import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP server that answers the few AWS operations `npm run deploy` calls, in each
 * service's own protocol (STS and CloudFormation: query/XML, SSM and Cognito: JSON 1.1, DynamoDB:
 * JSON 1.0, SESv2 and Lambda: REST JSON), so the real SDK clients serialize, sign, send and parse
 * as against AWS. A test replaces an operation's answer to inject a fault; `hang` never answers.
 * Cognito and DynamoDB keep what they are sent (`users`, `items`), so a second run finds the first's.
 */
export type Operation =
  | 'sts:GetCallerIdentity'
  | 'ssm:GetParameter'
  | 'ses:GetEmailIdentity'
  | 'ses:GetAccount'
  | 'cloudformation:ListStackResources'
  | 'lambda:GetFunctionConfiguration'
  | 'cognito-idp:DescribeUserPool'
  | 'cognito-idp:AdminCreateUser'
  | 'cognito-idp:AdminGetUser'
  | 'cognito-idp:AdminAddUserToGroup'
  | 'dynamodb:GetItem'
  | 'dynamodb:PutItem';

const cognitoOperations = ['DescribeUserPool', 'AdminCreateUser', 'AdminGetUser', 'AdminAddUserToGroup'];
const dynamoOperations = ['GetItem', 'PutItem'];

export interface Call {
  readonly operation: Operation;
  /** The identity, parameter, stack, function or user (Cognito: Username) the call names. */
  readonly subject: string;
  /** The request's JSON body (JSON protocols only), as the SDK sent it. */
  readonly body?: Record<string, unknown>;
}

/** A user in the fake user pool, by the name it was created with (the e-mail address). */
export interface FakeUser {
  readonly sub: string;
  status: 'FORCE_CHANGE_PASSWORD' | 'CONFIRMED';
  enabled: boolean;
  readonly groups: Set<string>;
  /** Invitations Cognito would have mailed (AdminCreateUser, and again with RESEND). */
  invitations: number;
}

export type Reply =
  | { readonly status: number; readonly headers?: Record<string, string>; readonly body: string }
  | 'hang';
export type Answer = (call: Call) => Reply;

export interface FakeAws {
  readonly endpoint: string;
  readonly calls: Call[];
  answer(operation: Operation, answer: Answer): void;
  /** The fake user pool's users, by e-mail address. */
  readonly users: Map<string, FakeUser>;
  /** The fake table's items (DynamoDB JSON), by `<pk>|<sk>`. */
  readonly items: Map<string, Record<string, unknown>>;
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
/** awsJson1_0 and awsJson1_1 (DynamoDB, SSM, Cognito): the type in the body. */
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
  const target = String(request.headers['x-amz-target'] ?? '');
  const [service, action = ''] = target.split('.');
  if (service === 'AWSCognitoIdentityProviderService' && cognitoOperations.includes(action)) {
    const json = JSON.parse(body) as Record<string, unknown>;
    const subject = String(json.Username ?? json.UserPoolId ?? '');
    return { operation: `cognito-idp:${action}` as Operation, subject, body: json };
  }
  if (service === 'DynamoDB_20120810' && dynamoOperations.includes(action)) {
    const json = JSON.parse(body) as Record<string, unknown>;
    return {
      operation: `dynamodb:${action}` as Operation,
      subject: String(json.TableName ?? ''),
      body: json,
    };
  }
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

/** The pool every Cognito call of the fake knows; another id is answered ResourceNotFoundException. */
export const userPoolId = 'eu-central-1_AbC123';
export const temporaryPasswordDays = 7;

const cognitoError = (type: string, message: string): Reply => json11Error(type, message);
const ddbString = (item: Record<string, unknown>, name: string) =>
  (item[name] as { S?: string } | undefined)?.S ?? '';

/** Cognito's view of a fake user: the e-mail address, the generated username (its `sub`), the status. */
function cognitoUser(user: FakeUser) {
  return {
    Username: user.sub,
    Enabled: user.enabled,
    UserStatus: user.status,
    UserCreateDate: 1_767_225_600,
    UserLastModifiedDate: 1_767_225_600,
  };
}
const userAttributes = (email: string, user: FakeUser) => [
  { Name: 'sub', Value: user.sub },
  { Name: 'email', Value: email },
  { Name: 'email_verified', Value: 'true' },
];

/**
 * Everything fine: an account, bootstrapped, the sender's domain verified, out of the sandbox; a
 * user pool with the groups and an empty user list; a table that keeps what is put.
 */
function fineAnswers(users: Map<string, FakeUser>, items: Map<string, Record<string, unknown>>) {
  const inPool = (call: Call, then: () => Reply): Reply =>
    call.body?.UserPoolId === userPoolId
      ? then()
      : cognitoError(
          'ResourceNotFoundException',
          `User pool ${String(call.body?.UserPoolId)} does not exist.`,
        );
  const find = (call: Call) =>
    users.get(call.subject.toLowerCase()) ?? [...users.values()].find((user) => user.sub === call.subject);
  const emailOf = (user: FakeUser) => [...users.entries()].find(([, u]) => u === user)?.[0] ?? '';
  const keyOf = (item: Record<string, unknown>) => `${ddbString(item, 'pk')}|${ddbString(item, 'sk')}`;
  const answers: Record<Operation, Answer> = {
    'sts:GetCallerIdentity': callerIdentity,
    'ssm:GetParameter': () => bootstrapVersion('28'),
    'ses:GetEmailIdentity': (call) =>
      call.subject.includes('@')
        ? noSuchIdentity()
        : emailIdentity({ type: 'DOMAIN', verified: true, dkim: 'SUCCESS' }),
    'ses:GetAccount': () => sesAccount({ production: true }),
    'cloudformation:ListStackResources': () => stackFunctions([]),
    'lambda:GetFunctionConfiguration': (call) => functionConfiguration(call.subject, {}),
    'cognito-idp:DescribeUserPool': (call) =>
      inPool(call, () =>
        json({
          UserPool: {
            Id: userPoolId,
            Name: 'prod-lotse',
            UsernameAttributes: ['email'],
            Policies: {
              PasswordPolicy: { MinimumLength: 12, TemporaryPasswordValidityDays: temporaryPasswordDays },
            },
          },
        }),
      ),
    'cognito-idp:AdminCreateUser': (call) =>
      inPool(call, () => {
        if (call.body?.MessageAction === 'RESEND') {
          const invited = find(call);
          if (!invited) return cognitoError('UserNotFoundException', 'User does not exist.');
          invited.invitations += 1;
          return json({
            User: { ...cognitoUser(invited), Attributes: userAttributes(emailOf(invited), invited) },
          });
        }
        const email = call.subject.toLowerCase();
        const existing = users.get(email);
        if (existing)
          return cognitoError('UsernameExistsException', 'An account with the given email already exists.');
        if (!/^[^@\s]+@[^@\s]+$/.test(email))
          return cognitoError('InvalidParameterException', 'Invalid email address format.');
        const user: FakeUser = {
          sub: `0000000${users.size + 1}-aaaa-bbbb-cccc-dddddddddddd`,
          status: 'FORCE_CHANGE_PASSWORD',
          enabled: true,
          groups: new Set(),
          invitations: 1,
        };
        users.set(email, user);
        return json({ User: { ...cognitoUser(user), Attributes: userAttributes(email, user) } });
      }),
    'cognito-idp:AdminGetUser': (call) =>
      inPool(call, () => {
        const user = find(call);
        if (!user) return cognitoError('UserNotFoundException', 'User does not exist.');
        return json({ ...cognitoUser(user), UserAttributes: userAttributes(emailOf(user), user) });
      }),
    'cognito-idp:AdminAddUserToGroup': (call) =>
      inPool(call, () => {
        const user = find(call);
        if (!user) return cognitoError('UserNotFoundException', 'User does not exist.');
        const group = String(call.body?.GroupName);
        if (!['admin', 'coordinator', 'viewer'].includes(group))
          return cognitoError('ResourceNotFoundException', 'Group not found.');
        user.groups.add(group);
        return json({});
      }),
    'dynamodb:GetItem': (call) => {
      const item = items.get(keyOf((call.body?.Key ?? {}) as Record<string, unknown>));
      return json(item ? { Item: item } : {});
    },
    'dynamodb:PutItem': (call) => {
      const item = (call.body?.Item ?? {}) as Record<string, unknown>;
      items.set(keyOf(item), item);
      return json({});
    },
  };
  return answers;
}

export async function startFakeAws(): Promise<FakeAws> {
  const users = new Map<string, FakeUser>();
  const items = new Map<string, Record<string, unknown>>();
  const answers = fineAnswers(users, items);
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
    users,
    items,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
