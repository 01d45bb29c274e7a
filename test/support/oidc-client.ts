import { createHash, randomBytes } from 'node:crypto';

/**
 * A bare OpenID client for tests: the authorization code flow with PKCE done by hand with fetch and
 * a cookie jar, so tests see every step the console's oidc-client-ts takes.
 */
export class TestOidcClient {
  private readonly cookies = new Map<string, string>();
  readonly verifier = randomBytes(32).toString('base64url');

  constructor(
    readonly issuer: string,
    readonly clientId: string,
    readonly redirectUri: string,
  ) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader() },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/expires=Thu, 01 Jan 1970/i.test(cookie) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** Starts sign-in; resolves to the URL of the provider's sign-in page. */
  async authorize(extra: Record<string, string> = {}): Promise<string> {
    const challenge = createHash('sha256').update(this.verifier).digest('base64url');
    const query = new URLSearchParams({
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      state: randomBytes(8).toString('hex'),
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    const response = await this.request(`${this.issuer}/auth?${query}`);
    return new URL(response.headers.get('location') ?? '', this.issuer).toString();
  }

  submitPassword(signInUrl: string, username: string, password: string): Promise<Response> {
    return this.request(signInUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password }).toString(),
    });
  }

  /** Follows the provider's redirects after a successful sign-in up to the callback; returns the code. */
  async followToCode(response: Response): Promise<string> {
    let current = response;
    for (let hop = 0; hop < 5; hop++) {
      const location = current.headers.get('location');
      if (!location) throw new Error(`no redirect (status ${current.status})`);
      const url = new URL(location, this.issuer);
      if (url.toString().startsWith(this.redirectUri)) {
        const code = url.searchParams.get('code');
        if (!code) throw new Error(`callback without code: ${url.search}`);
        return code;
      }
      current = await this.request(url.toString());
    }
    throw new Error('too many redirects');
  }

  async token(params: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.clientId, ...params }).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  exchange(code: string) {
    return this.token({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.redirectUri,
      code_verifier: this.verifier,
    });
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export const claimsOf = (jwt: unknown): Record<string, unknown> =>
  JSON.parse(Buffer.from(String(jwt).split('.')[1] ?? '', 'base64url').toString('utf8'));
