import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import { type ConsoleConfig, loadConsoleConfig } from './config.ts';

let manager: Promise<UserManager> | undefined;

/**
 * One UserManager for the console: code + PKCE, tokens in sessionStorage (gone with the tab, not
 * readable by other tabs), renewed in the background with the refresh token before they expire.
 */
export function userManager(): Promise<UserManager> {
  manager ??= loadConsoleConfig().then(create);
  return manager;
}

function create(config: ConsoleConfig): UserManager {
  const origin = window.location.origin;
  const store = new WebStorageStateStore({ store: window.sessionStorage });
  return new UserManager({
    authority: config.oidc.authority,
    client_id: config.oidc.clientId,
    scope: config.oidc.scope,
    redirect_uri: `${origin}/console/callback`,
    post_logout_redirect_uri: `${origin}/console/signed-out`,
    response_type: 'code',
    userStore: store,
    stateStore: store,
    automaticSilentRenew: true,
    loadUserInfo: false,
    ...(config.oidc.metadataSeed ? { metadataSeed: config.oidc.metadataSeed } : {}),
  });
}

/** Sends the browser to the provider's sign-in page; after it, the console opens `returnTo`. */
export async function signIn(returnTo: string, locale: string): Promise<void> {
  const manager = await userManager();
  await manager.signinRedirect({ state: { returnTo }, ui_locales: locale });
}

let signingOut = false;
/** While the browser leaves for the provider's logout, nothing may start a new sign-in. */
export const isSigningOut = () => signingOut;

/** Ends the session at the provider too (RP-initiated logout), not only in this tab. */
export async function signOut(): Promise<void> {
  signingOut = true;
  const [manager, config] = await Promise.all([userManager(), loadConsoleConfig()]);
  await manager.signoutRedirect(
    config.oidc.logoutQueryParams ? { extraQueryParams: { ...config.oidc.logoutQueryParams } } : {},
  );
}

export async function currentUser(): Promise<User | null> {
  const user = await (await userManager()).getUser();
  return user && !user.expired ? user : null;
}

let callback: Promise<User> | undefined;
/** Completes the sign-in once, even if React runs the effect twice. */
export async function completeSignIn(): Promise<string> {
  callback ??= userManager().then((manager) => manager.signinRedirectCallback());
  const user = await callback;
  const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
  return returnTo?.startsWith('/console') ? returnTo : '/console';
}
