import type { User } from 'oidc-client-ts';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useConsoleText } from '../i18n.tsx';
import { type ConsoleConfig, loadConsoleConfig } from './config.ts';
import { roleOf, type StaffRole } from './roles.ts';
import { currentUser, isSigningOut, signIn, userManager } from './user-manager.ts';

export interface Session {
  readonly username: string;
  readonly role: StaffRole | undefined;
  readonly organisationName: string;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireSession');
  return session;
}

function toSession(user: User, config: ConsoleConfig): Session {
  const profile = user.profile as Record<string, unknown>;
  return {
    username: String(
      profile['cognito:username'] ?? profile.preferred_username ?? profile.email ?? profile.sub,
    ),
    role: roleOf(profile['cognito:groups']),
    organisationName: config.organisationName,
  };
}

/**
 * Renders its children only for a signed-in user; anyone else is sent to the provider's sign-in
 * page and comes back to the page they asked for. Follows background renewals and sign-outs.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t, locale } = useConsoleText();
  const location = useLocation();
  const [session, setSession] = useState<Session | null>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    const refresh = async () => {
      const [user, config] = await Promise.all([currentUser(), loadConsoleConfig()]);
      if (active) setSession(user ? toSession(user, config) : null);
    };
    refresh().catch(() => active && setFailed(true));
    let unsubscribe = () => {};
    void userManager().then((manager) => {
      const offLoaded = manager.events.addUserLoaded(() => void refresh());
      const offExpired = manager.events.addAccessTokenExpired(() => void refresh());
      unsubscribe = () => {
        offLoaded();
        offExpired();
      };
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);

  useEffect(() => {
    if (session === null && !isSigningOut())
      void signIn(`${location.pathname}${location.search}`, locale).catch(() => setFailed(true));
  }, [session, location.pathname, location.search, locale]);

  if (failed)
    return (
      <main className="page">
        <p role="alert">{t.signInFailed}</p>
      </main>
    );
  if (!session)
    return (
      <main className="page">
        <p role="status">{t.signingIn}</p>
      </main>
    );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
