/**
 * Sign-in for staff pages: Cognito's InitiateAuth (USER_PASSWORD_AUTH) straight from the browser,
 * with the endpoint and app client from /config.json (locally the runtime's stand-in). The access
 * token lives in sessionStorage only, so it is gone when the tab is closed.
 */
interface SignInConfig {
  readonly endpoint: string;
  readonly clientId: string;
}

const STORAGE_KEY = 'lotse:access-token';

export async function signIn(
  username: string,
  password: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const config = (await (await fetch('/config.json')).json()) as { signIn: SignInConfig };
  const response = await fetch(config.signIn.endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: config.signIn.clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  }).catch(() => undefined);
  const body = (await response?.json().catch(() => ({}))) as {
    AuthenticationResult?: { AccessToken?: string };
    message?: string;
    ChallengeName?: string;
  };
  const token = body?.AuthenticationResult?.AccessToken;
  if (!token) return { ok: false, message: body?.message ?? body?.ChallengeName ?? 'Sign-in failed' };
  sessionStorage.setItem(STORAGE_KEY, token);
  return { ok: true };
}

export const accessToken = (): string | null => sessionStorage.getItem(STORAGE_KEY);
export const signOut = (): void => sessionStorage.removeItem(STORAGE_KEY);
