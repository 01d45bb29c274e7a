import { createPrivateKey, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { join } from 'node:path';
import Provider, { errors } from 'oidc-provider';
import {
  chooseLocale,
  errorPage,
  logoutPage,
  type PageLocale,
  type SignInProblem,
  signedOutPage,
  signInPage,
} from './interaction-pages.ts';
import { LOCAL_KEY_ID, type LocalAuth } from './local-auth.ts';
import { SignInLockout } from './sign-in-lockout.ts';

/** The console's app client: public (no secret), authorization code with PKCE, as on AWS. */
export const CONSOLE_CLIENT_ID = 'lotse-console';
export const CONSOLE_SCOPE = 'openid email profile';

const HOUR = 3600;
/** A working day: after that the console asks to sign in again, however often it renewed. */
const SESSION_SECONDS = 12 * HOUR;

export interface OpenIdProviderOptions {
  readonly auth: LocalAuth;
  readonly issuer: string;
  readonly webOrigin: string;
  readonly dataDir: string;
  /** The audience of access tokens (a resource indicator): the HTTP API. */
  readonly apiAudience: string;
}

export interface LocalOpenIdProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly jwksUri: string;
  readonly listener: RequestListener;
}

/**
 * The local stand-in for Cognito's managed login: a real OpenID provider (oidc-provider) with the
 * authorization code flow and PKCE for the console, rotating refresh tokens, RP-initiated logout,
 * and access tokens as JWTs shaped like Cognito's, signed with the same key as `LocalAuth`'s
 * tokens so the HTTP server verifies both against one JWKS. Accounts are `LocalAuth`'s users.
 */
export function createOpenIdProvider(options: OpenIdProviderOptions): LocalOpenIdProvider {
  const { auth, webOrigin, apiAudience } = options;
  const signingKey = {
    ...createPrivateKey(readFileSync(join(options.dataDir, 'auth', 'signing-key.pem'))).export({
      format: 'jwk',
    }),
    kid: LOCAL_KEY_ID,
    alg: 'RS256',
    use: 'sig',
  };
  const provider = new Provider(options.issuer, {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${webOrigin}/console/callback`],
        post_logout_redirect_uris: [`${webOrigin}/`, `${webOrigin}/console/signed-out`],
      },
    ],
    jwks: { keys: [signingKey] },
    // Sessions live in memory: a restart of `npm start` asks staff to sign in again.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    routes: { jwks: '/.well-known/jwks.json', end_session: '/logout' },
    scopes: ['openid', 'email', 'profile'],
    claims: {
      openid: ['sub', 'cognito:username', 'cognito:groups'],
      email: ['email', 'email_verified'],
      profile: ['preferred_username'],
    },
    // Cognito's ID token carries the scope's claims itself; the console reads them from it.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: {
      AccessToken: HOUR,
      IdToken: HOUR,
      AuthorizationCode: 60,
      Interaction: 30 * 60,
      Session: SESSION_SECONDS,
      Grant: SESSION_SECONDS,
      // Rotation hands on what is left, so renewing never stretches a session past the day.
      RefreshToken: (ctx: ProviderContext) =>
        ctx?.oidc?.entities?.RotatedRefreshToken?.remainingTTL ?? SESSION_SECONDS,
    },
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(type: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === webOrigin,
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = auth.findBySub(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          'cognito:username': account.username,
          'cognito:groups': [...account.groups],
          preferred_username: account.username,
          ...(account.email ? { email: account.email, email_verified: true } : {}),
        }),
      };
    },
    // A first-party client: consent is implied, as with Cognito's own app clients.
    loadExistingGrant: async (ctx: ProviderContext) => {
      const { oidc } = ctx;
      const clientId = oidc.client.clientId;
      const existing = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
      if (existing) return oidc.provider.Grant.find(existing);
      const grant = new oidc.provider.Grant({ clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope(CONSOLE_SCOPE);
      grant.addResourceScope(apiAudience, CONSOLE_SCOPE);
      await grant.save();
      return grant;
    },
    formats: {
      customizers: {
        jwt: async (_ctx: unknown, token: { kind: string; accountId?: string }, jwt: JwtParts) => {
          if (token.kind !== 'AccessToken' || !token.accountId) return;
          const account = auth.findBySub(token.accountId);
          Object.assign(jwt.payload, {
            token_use: 'access',
            username: account?.username ?? token.accountId,
            'cognito:groups': [...(account?.groups ?? [])],
          });
        },
      },
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaLike, form: string) => {
          ctx.type = 'html';
          ctx.body = logoutPage(localeOf(ctx), form);
        },
        postLogoutSuccessSource: async (ctx: KoaLike) => {
          ctx.type = 'html';
          ctx.body = signedOutPage(localeOf(ctx));
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => apiAudience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource !== apiAudience) throw new (errors.InvalidTarget ?? Error)('unknown resource');
          return {
            scope: CONSOLE_SCOPE,
            audience: apiAudience,
            accessTokenTTL: HOUR,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    renderError: async (ctx: KoaLike, out: { error?: string }) => {
      ctx.type = 'html';
      ctx.body = errorPage(localeOf(ctx), out.error ?? 'server_error');
    },
  });
  const lockout = new SignInLockout();
  const providerListener = provider.callback();
  const interactions = interactionHandler(provider, auth, lockout);
  return {
    issuer: options.issuer,
    clientId: CONSOLE_CLIENT_ID,
    jwksUri: `${options.issuer}/.well-known/jwks.json`,
    listener: (request, response) => {
      if (request.url?.startsWith('/interaction/')) {
        interactions(request, response).catch(() => {
          if (!response.headersSent) sendHtml(response, 400, errorPage('de', 'invalid_request'));
        });
        return;
      }
      providerListener(request, response);
    },
  };
}

/** GET shows the sign-in page of an interaction, POST checks the password and finishes it. */
function interactionHandler(provider: Provider, auth: LocalAuth, lockout: SignInLockout) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    const details = await provider.interactionDetails(request, response);
    const url = new URL(request.url ?? '/', 'http://local');
    const action = `/interaction/${details.uid}`;
    const acceptLanguage = request.headers['accept-language'];
    if (request.method !== 'POST') {
      const locale = chooseLocale(url.searchParams.get('lang') ?? details.params.ui_locales, acceptLanguage);
      return sendHtml(response, 200, page(action, locale));
    }
    const form = new URLSearchParams(await readText(request));
    const locale = chooseLocale(form.get('lang'), acceptLanguage);
    const username = (form.get('username') ?? '').trim();
    const password = form.get('password') ?? '';
    const refuse = (problem: SignInProblem) =>
      sendHtml(response, problem === 'locked' ? 429 : 400, page(action, locale, username, problem));
    if (!username || !password) return refuse('missing');
    if (lockout.isLocked(username)) return refuse('locked');
    const account = auth.verifyPassword(username, password);
    if (!account) {
      lockout.recordFailure(username);
      return refuse(lockout.isLocked(username) ? 'locked' : 'wrong');
    }
    lockout.recordSuccess(username);
    await provider.interactionFinished(
      request,
      response,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  };
}

function page(action: string, locale: PageLocale, username?: string, problem?: SignInProblem) {
  return signInPage({
    locale,
    action,
    switchLanguageUrl: `${action}?lang=${locale === 'de' ? 'en' : 'de'}`,
    ...(username ? { username } : {}),
    ...(problem ? { problem } : {}),
  });
}

function localeOf(ctx: KoaLike): PageLocale {
  return chooseLocale(ctx.oidc?.params?.ui_locales, ctx.get?.('accept-language'));
}

function sendHtml(response: ServerResponse, status: number, html: string) {
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The pages need nothing from elsewhere; a framing site could trick people into typing passwords.
    // No form-action: Chromium applies it to the redirects after the form too, up to the console.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  response.end(html);
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > 16_384) throw new Error('sign-in form too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface JwtParts {
  payload: Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: oidc-provider's Koa context has no types
type ProviderContext = { oidc: any };
interface KoaLike {
  type: string;
  body: unknown;
  get?: (header: string) => string;
  // biome-ignore lint/suspicious/noExplicitAny: oidc-provider's Koa context has no types
  oidc?: any;
}
