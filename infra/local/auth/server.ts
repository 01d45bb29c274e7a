import { createServer, type RequestListener, type Server } from 'node:http';
import { type LocalAuth, NotAuthorizedError } from './local-auth.ts';

/**
 * The Cognito Identity Provider API subset that scripts use to sign in (InitiateAuth with
 * USER_PASSWORD_AUTH), plus the pool's JWKS, so `@aws-sdk/client-cognito-identity-provider`
 * works against it through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER.
 */
export function startAuthServer(
  auth: LocalAuth,
  host: string,
  port: number,
  webOrigin: string,
  /** Everything that is not a Cognito API call: the local OpenID provider. */
  openIdProvider?: RequestListener,
): Promise<Server> {
  // Like Cognito, answer the web app's cross-origin sign-in (it runs on another port).
  const cors = {
    'access-control-allow-origin': webOrigin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent',
    'access-control-max-age': '600',
  };
  const server = createServer(async (request, response) => {
    const cognitoCall =
      'x-amz-target' in request.headers ||
      /x-amz-target/i.test(String(request.headers['access-control-request-headers'] ?? ''));
    if (openIdProvider && !cognitoCall) return openIdProvider(request, response);
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
    if (target !== 'AWSCognitoIdentityProviderService.InitiateAuth') {
      return reply(400, {
        __type: 'UnsupportedOperationException',
        message: `Not implemented locally: ${target}`,
      });
    }
    try {
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        AuthFlow?: string;
        ClientId?: string;
        AuthParameters?: Record<string, string>;
      };
      if (input.AuthFlow !== 'USER_PASSWORD_AUTH') {
        return reply(400, {
          __type: 'InvalidParameterException',
          message: 'Only USER_PASSWORD_AUTH is supported locally',
        });
      }
      if (input.ClientId !== auth.clientId) {
        return reply(400, {
          __type: 'ResourceNotFoundException',
          message: 'User pool client does not exist.',
        });
      }
      const tokens = auth.signIn(input.AuthParameters?.USERNAME ?? '', input.AuthParameters?.PASSWORD ?? '');
      return reply(200, { AuthenticationResult: tokens, ChallengeParameters: {} });
    } catch (error) {
      if (error instanceof NotAuthorizedError)
        return reply(400, { __type: 'NotAuthorizedException', message: error.message });
      return reply(400, { __type: 'InvalidParameterException', message: 'Malformed request' });
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
