import { createServer, type RequestListener, type Server } from 'node:http';
import { checkPool, cognitoOperations, type InvitationSender } from './cognito-api.ts';
import { serveInvitation } from './invitation-page.ts';
import { CognitoError, type LocalAuth } from './local-auth.ts';

export interface AuthServerOptions {
  /** Sends invitations (AdminCreateUser, RESEND). @default - none: invitations are stored, not mailed */
  readonly invitations?: InvitationSender;
  /** Where the set-password page sends people to sign in. @default `<webOrigin>/console` */
  readonly consoleUrl?: string;
  /** Everything that is neither a Cognito API call nor an invitation page: the local OpenID provider. */
  readonly openIdProvider?: RequestListener;
}

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/**
 * The Cognito Identity Provider API subset that scripts use to sign in (InitiateAuth with
 * USER_PASSWORD_AUTH) and the admin operations of user management (cognito-api.ts), the pool's
 * JWKS, and the set-password page of invitations, so `@aws-sdk/client-cognito-identity-provider`
 * works against it through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER.
 */
export function startAuthServer(
  auth: LocalAuth,
  host: string,
  port: number,
  webOrigin: string,
  options: AuthServerOptions = {},
): Promise<Server> {
  // Like Cognito, answer the web app's cross-origin sign-in (it runs on another port).
  const cors = {
    'access-control-allow-origin': webOrigin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent',
    'access-control-max-age': '600',
  };
  const operations = cognitoOperations(auth, options.invitations ?? { send: async () => {} });
  const consoleUrl = options.consoleUrl ?? `${webOrigin}/console`;
  const server = createServer(async (request, response) => {
    if (request.url?.startsWith('/invitation/')) {
      return serveInvitation(auth, request, response, consoleUrl).catch(() => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('Internal error');
      });
    }
    const cognitoCall =
      'x-amz-target' in request.headers ||
      /x-amz-target/i.test(String(request.headers['access-control-request-headers'] ?? ''));
    if (options.openIdProvider && !cognitoCall) return options.openIdProvider(request, response);
    const reply = (status: number, body: unknown, type = 'application/x-amz-json-1.1') => {
      response.writeHead(status, { 'content-type': type, ...cors });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors);
      return response.end();
    }
    if (request.method === 'GET' && request.url?.endsWith('/.well-known/jwks.json')) {
      return reply(200, auth.jwks(), 'application/json');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const target = String(request.headers['x-amz-target'] ?? '');
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return reply(400, { __type: 'InvalidParameterException', message: 'Malformed request' });
    }
    try {
      if (target === `${TARGET_PREFIX}InitiateAuth`) return reply(200, initiateAuth(auth, input));
      const operation = target.startsWith(TARGET_PREFIX)
        ? operations[target.slice(TARGET_PREFIX.length)]
        : undefined;
      if (!operation) {
        return reply(400, {
          __type: 'UnsupportedOperationException',
          message: `Not implemented locally: ${target}`,
        });
      }
      checkPool(input);
      return reply(200, (await operation(input)) ?? {});
    } catch (error) {
      if (error instanceof CognitoError) return reply(400, { __type: error.name, message: error.message });
      return reply(500, { __type: 'InternalErrorException', message: 'Internal error' });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

function initiateAuth(auth: LocalAuth, input: Record<string, unknown>) {
  if (input.AuthFlow !== 'USER_PASSWORD_AUTH')
    throw new CognitoError('InvalidParameterException', 'Only USER_PASSWORD_AUTH is supported locally');
  if (input.ClientId !== auth.clientId)
    throw new CognitoError('ResourceNotFoundException', 'User pool client does not exist.');
  const parameters = (input.AuthParameters ?? {}) as Record<string, string>;
  const tokens = auth.signIn(parameters.USERNAME ?? '', parameters.PASSWORD ?? '');
  return { AuthenticationResult: tokens, ChallengeParameters: {} };
}
