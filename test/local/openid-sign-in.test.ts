import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeRuntimePorts } from '../../infra/local/ports.ts';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.ts';
import { claimsOf, TestOidcClient } from '../support/oidc-client.ts';

let runtime: LocalRuntime;
let dataDir: string;
const adminRoute = () => `${runtime.urls.api}/admin/forms/beratung-anfrage/versions`;
const callApi = (token: string) => fetch(adminRoute(), { headers: { authorization: `Bearer ${token}` } });
const client = () =>
  new TestOidcClient(runtime.openIdProvider.issuer, 'lotse-console', `${runtime.urls.web}/console/callback`);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lotse-oidc-'));
  runtime = await startLocalRuntime({
    ...(await freeRuntimePorts()),
    dataDir,
    timeScale: 0.001,
    logLevel: 'SILENT',
  });
  runtime.auth.createUser('ada', 'a long admin password', ['admin']);
  runtime.auth.createUser('vera', 'a long viewer password', ['viewer']);
});

afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Signs a token with the runtime's own key (or another one), with claims a test chooses. */
async function forge(claims: Record<string, unknown>, key = readKey(), kid = 'local-1') {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    sub: 'forged',
    token_use: 'access',
    client_id: 'lotse-console',
    'cognito:groups': ['admin'],
    iss: runtime.openIdProvider.issuer,
    iat: now,
    exp: now + 600,
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', kid })
    .sign(key);
}
const readKey = () => createPrivateKey(readFileSync(join(dataDir, 'auth', 'signing-key.pem')));

describe('the HTTP API checks bearer tokens as API Gateway’s JWT authorizer does', () => {
  it('accepts a test token and one signed with its key for the console client', async () => {
    expect((await callApi(runtime.auth.issueFor('ada', ['admin']).AccessToken)).status).toBe(200);
    expect((await callApi(await forge({}))).status).toBe(200);
  });

  it.each([
    ['a wrong issuer', () => forge({ iss: 'https://cognito-idp.eu-central-1.amazonaws.com/elsewhere' })],
    ['an expired token', () => forge({ exp: Math.floor(Date.now() / 1000) - 5 })],
    ['a token for another client', () => forge({ client_id: 'someone-else' })],
    [
      'a foreign key with our kid',
      () => forge({}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
    ],
    [
      'alg none',
      async () => {
        const [, payload] = (await forge({})).split('.');
        const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'local-1' })).toString('base64url');
        return `${header}.${payload}.`;
      },
    ],
    [
      'a test token with a wrong issuer',
      async () => runtime.auth.issueFor('ada', ['admin'], { issuer: 'x' }).AccessToken,
    ],
    ['garbage', async () => 'not-a-jwt'],
  ])('refuses %s with 401', async (_name, token) => {
    const response = await callApi(await token());
    expect(response.status).toBe(401);
  });

  it('still accepts the command line’s InitiateAuth tokens', async () => {
    const cognito = new CognitoIdentityProviderClient({
      endpoint: runtime.urls.auth,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const result = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: runtime.auth.clientId,
        AuthParameters: { USERNAME: 'ada', PASSWORD: 'a long admin password' },
      }),
    );
    expect((await callApi(result.AuthenticationResult?.AccessToken ?? '')).status).toBe(200);
  });
});

describe('the local OpenID provider', () => {
  it('publishes discovery with code + PKCE, its JWKS and an end-session endpoint', async () => {
    const discovery = (await (
      await fetch(`${runtime.openIdProvider.issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: runtime.openIdProvider.issuer,
      jwks_uri: runtime.openIdProvider.jwksUri,
      end_session_endpoint: `${runtime.openIdProvider.issuer}/logout`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery.response_types_supported).toContain('code');
  });

  it('signs in with code and PKCE and issues Cognito-shaped tokens the API accepts', async () => {
    const oidc = client();
    const signInUrl = await oidc.authorize({ ui_locales: 'en' });
    const page = await (await oidc.request(signInUrl)).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toMatch(/<label for="password">Password<\/label>/);

    const code = await oidc.followToCode(
      await oidc.submitPassword(signInUrl, 'ada', 'a long admin password'),
    );
    const { status, body } = await oidc.exchange(code);
    expect(status).toBe(200);
    const access = claimsOf(body.access_token);
    expect(access).toMatchObject({
      iss: runtime.openIdProvider.issuer,
      client_id: 'lotse-console',
      token_use: 'access',
      username: 'ada',
      'cognito:groups': ['admin'],
    });
    expect(String(access.scope).split(' ').sort()).toEqual(['email', 'openid', 'profile']);
    expect(Number(access.exp) - Number(access.iat)).toBe(3600);
    expect(claimsOf(body.id_token)).toMatchObject({
      aud: 'lotse-console',
      'cognito:username': 'ada',
      'cognito:groups': ['admin'],
    });
    expect(body.refresh_token).toEqual(expect.any(String));
    expect((await callApi(String(body.access_token))).status).toBe(200);

    // Rotating refresh tokens: the new one works, the old one is spent.
    const renewed = await oidc.token({
      grant_type: 'refresh_token',
      refresh_token: String(body.refresh_token),
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.refresh_token).not.toBe(body.refresh_token);
    const replay = await oidc.token({
      grant_type: 'refresh_token',
      refresh_token: String(body.refresh_token),
    });
    expect(replay.status).toBe(400);
  });

  it('a viewer’s token carries the viewer group, and the admin route answers 403', async () => {
    const oidc = client();
    const signInUrl = await oidc.authorize();
    const { body } = await oidc.exchange(
      await oidc.followToCode(await oidc.submitPassword(signInUrl, 'vera', 'a long viewer password')),
    );
    expect(claimsOf(body.access_token)['cognito:groups']).toEqual(['viewer']);
    expect((await callApi(String(body.access_token))).status).toBe(403);
  });

  it('ties a wrong password to the field, in German by default, and locks the username after five', async () => {
    runtime.auth.createUser('lena', 'the right password', ['coordinator']);
    const oidc = client();
    const signInUrl = await oidc.authorize();
    const wrong = await oidc.submitPassword(signInUrl, 'lena', 'wrong');
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toMatch(/id="password"[^>]*aria-invalid="true" aria-describedby="sign-in-error"/);
    expect(html).toContain('Benutzername oder Passwort ist falsch.');
    for (let attempt = 2; attempt <= 5; attempt++) await oidc.submitPassword(signInUrl, 'lena', 'wrong');
    const locked = await oidc.submitPassword(signInUrl, 'lena', 'the right password');
    expect(locked.status).toBe(429);
    expect(await locked.text()).toContain('Zu viele fehlgeschlagene Versuche');
  });

  it('ends the provider session on sign-out: the refresh token dies and sign-in is asked again', async () => {
    const oidc = client();
    const signInUrl = await oidc.authorize();
    const { body } = await oidc.exchange(
      await oidc.followToCode(await oidc.submitPassword(signInUrl, 'ada', 'a long admin password')),
    );
    const logout = await oidc.request(
      `${runtime.openIdProvider.issuer}/logout?${new URLSearchParams({
        id_token_hint: String(body.id_token),
        post_logout_redirect_uri: `${runtime.urls.web}/console/signed-out`,
      })}`,
    );
    const form = await logout.text();
    const action = /action="([^"]+)"/.exec(form)?.[1] ?? '';
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const confirmed = await oidc.request(new URL(action, runtime.openIdProvider.issuer).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    expect(confirmed.headers.get('location')).toBe(`${runtime.urls.web}/console/signed-out`);
    const refresh = await oidc.token({
      grant_type: 'refresh_token',
      refresh_token: String(body.refresh_token),
    });
    expect(refresh.status).toBe(400);
    expect(new URL(await oidc.authorize()).pathname).toMatch(/^\/interaction\//);
  });
});
